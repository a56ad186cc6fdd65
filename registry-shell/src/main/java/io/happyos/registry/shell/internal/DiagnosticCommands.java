package io.happyos.registry.shell.internal;

import io.happyos.registry.Cause;
import io.happyos.registry.Explanation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            @Parameter(names = {"--json"}, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        Explanation explanation = ctx.registry().explain(ctx.resolve(id));
        if (json) {
            ctx.printJson(toJson(explanation));
        } else {
            ctx.print(text(explanation));
        }
    }

    /**
     * The explanation for a person: the summary, the root causes with their fixes, then the tree.
     *
     * @param explanation what the registry found
     * @return the text
     */
    static String text(Explanation explanation) {
        if (explanation.healthy()) {
            return explanation.summary() + ".";
        }
        StringBuilder out = new StringBuilder();
        out.append(explanation.id()).append(" is ").append(explanation.status()).append('\n');
        List<Cause> roots = explanation.rootCauses();
        out.append(roots.size() == 1 ? "Root cause:" : "Root causes (most likely first):").append('\n');
        int n = 1;
        for (Cause root : roots) {
            out.append("  ").append(n++).append(". ").append(root.message()).append('\n');
            out.append("     fix: ").append(root.fix()).append('\n');
        }
        out.append("How it comes about:").append('\n');
        tree(out, explanation.causes(), "  ");
        return out.toString();
    }

    private static void tree(StringBuilder out, List<Cause> causes, String indent) {
        for (int i = 0; i < causes.size(); i++) {
            Cause cause = causes.get(i);
            boolean last = i == causes.size() - 1;
            out.append(indent).append(last ? "└─ " : "├─ ").append('[').append(cause.kind()).append("] ")
                    .append(cause.message()).append('\n');
            String inner = indent + (last ? "   " : "│  ");
            for (String fact : cause.evidence()) {
                out.append(inner).append("· ").append(fact).append('\n');
            }
            if (cause.isRoot()) {
                out.append(inner).append("fix: ").append(cause.fix()).append('\n');
            } else {
                tree(out, cause.causes(), inner);
            }
        }
    }

    static Map<String, Object> toJson(Explanation explanation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", explanation.id());
        json.put("status", explanation.status().name());
        json.put("healthy", explanation.healthy());
        json.put("summary", explanation.summary());
        json.put("roots", causes(explanation.rootCauses()));
        json.put("causes", causes(explanation.causes()));
        return json;
    }

    private static List<Object> causes(List<Cause> causes) {
        List<Object> list = new ArrayList<>();
        for (Cause cause : causes) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", cause.kind().name());
            json.put("component", cause.componentId());
            json.put("message", cause.message());
            json.put("fix", cause.fix());
            json.put("evidence", cause.evidence());
            json.put("causes", causes(cause.causes()));
            list.add(json);
        }
        return list;
    }
}
