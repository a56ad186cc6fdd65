package io.happyos.registry.shell.internal;

import io.happyos.registry.Cause;
import io.happyos.registry.Explanation;
import io.happyos.registry.text.RegistryJson;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code why}: one ranked tree of the reasons a component is not active (or not healthy), down to
 * the root causes, each with its fix.
 *
 * <p>With {@code --json}: {@code {"id","status","healthy","summary","roots":[cause..],"causes":[cause..]}},
 * a cause being {@code {"kind","component","message","fix","evidence":[..],"causes":[cause..]}}.
 */
public final class DiagnosticCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"why"};

    private final CommandContext ctx;

    DiagnosticCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("explain why a component is not active, or not healthy: the causes down to the root, each root with"
            + " its fix. Example: registry:why calculator-skill")
    public void why(
            @Descriptor("print the explanation as a JSON object. Example: registry:why --json logger")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        Explanation explanation = ctx.registry().diagnostics().explain(ctx.resolve(id));
        if (json) {
            ctx.printJson(RegistryJson.explanation(explanation));
        } else {
            ctx.print(text(explanation, ctx.ansi()));
        }
    }

    /**
     * The explanation for a person: the summary, the root causes with their fixes, then the tree.
     *
     * @param explanation what the registry found
     * @param ansi what the output can show: colours and line drawing on a terminal
     * @return the text
     */
    static String text(Explanation explanation, Ansi ansi) {
        if (explanation.healthy()) {
            return explanation.summary() + ".";
        }
        StringBuilder out = new StringBuilder();
        out.append(explanation.id())
                .append(" is ")
                .append(ansi.value(explanation.status()))
                .append('\n');
        List<Cause> roots = explanation.rootCauses();
        out.append(ansi.paint(Ansi.Style.BOLD, roots.size() == 1 ? "Root cause:" : "Root causes (most likely first):"))
                .append('\n');
        int n = 1;
        for (Cause root : roots) {
            out.append("  ")
                    .append(n++)
                    .append(". ")
                    .append(ansi.paint(Ansi.Style.RED, root.message()))
                    .append('\n');
            out.append("     fix: ")
                    .append(ansi.paint(Ansi.Style.GREEN, root.fix()))
                    .append('\n');
        }
        out.append(ansi.paint(Ansi.Style.BOLD, "How it comes about:")).append('\n');
        tree(out, explanation.causes(), "  ", ansi);
        return out.toString();
    }

    private static void tree(StringBuilder out, List<Cause> causes, String indent, Ansi ansi) {
        for (int i = 0; i < causes.size(); i++) {
            Cause cause = causes.get(i);
            boolean last = i == causes.size() - 1;
            out.append(indent)
                    .append(last ? ansi.glyph("\u2514\u2500 ", "`- ") : ansi.glyph("\u251c\u2500 ", "|- "))
                    .append(ansi.paint(cause.isRoot() ? Ansi.Style.RED : Ansi.Style.YELLOW, "[" + cause.kind() + "]"))
                    .append(' ')
                    .append(cause.message())
                    .append('\n');
            String inner = indent + (last ? "   " : ansi.glyph("\u2502  ", "|  "));
            for (String fact : cause.evidence()) {
                out.append(inner)
                        .append(ansi.paint(Ansi.Style.DIM, "- " + fact))
                        .append('\n');
            }
            if (cause.isRoot()) {
                out.append(inner)
                        .append("fix: ")
                        .append(ansi.paint(Ansi.Style.GREEN, cause.fix()))
                        .append('\n');
            } else {
                tree(out, cause.causes(), inner, ansi);
            }
        }
    }
}
