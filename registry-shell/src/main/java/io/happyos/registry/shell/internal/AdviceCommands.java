package io.happyos.registry.shell.internal;

import io.happyos.registry.Advice;
import io.happyos.registry.text.RegistryJson;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code advise}: the registry's recommendations from what it observed, most useful first, each with
 * its evidence and the command that applies it.
 *
 * <p>With {@code --json}: an array of {@code {"kind","components","summary","evidence","command"}}
 * ({@link RegistryJson#advice}).
 */
public final class AdviceCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"advise"};

    /** What the command says when there is no advice. */
    static final String NONE = "No advice: nothing the registry observed calls for a change.";

    private final CommandContext ctx;

    AdviceCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("recommend changes from what the registry observed: unused components, slow activations and error"
            + " rates unusual for the component, components always used together, quotas from observed peaks,"
            + " dependencies unused or undeclared; each with its evidence and the command that applies it."
            + " Example: registry:advise")
    public void advise(
            @Descriptor("print a JSON array of {\"kind\",\"components\",\"summary\",\"evidence\",\"command\"}. "
                            + "Example: registry:advise --json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<Advice> advice = ctx.registry().diagnostics().getAdvice();
        if (json) {
            ctx.printJson(advice.stream().map(RegistryJson::advice).toList());
        } else {
            ctx.print(text(advice, ctx.ansi()));
        }
    }

    /**
     * The advice for a person: numbered, the kind and summary, the evidence, the command.
     *
     * @param advice the advice, in the order to show
     * @param ansi what the output can show
     * @return the text
     */
    static String text(List<Advice> advice, Ansi ansi) {
        if (advice.isEmpty()) {
            return NONE + "\n";
        }
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Advice a : advice) {
            if (n > 1) {
                out.append('\n');
            }
            out.append(n++)
                    .append(". ")
                    .append(ansi.paint(Ansi.Style.BOLD, "[" + a.kind() + "]"))
                    .append(' ')
                    .append(a.summary())
                    .append('\n');
            for (String fact : a.evidence()) {
                out.append("   ")
                        .append(ansi.paint(Ansi.Style.DIM, "- " + fact))
                        .append('\n');
            }
            if (a.command() != null) {
                out.append("   run: ")
                        .append(ansi.paint(Ansi.Style.GREEN, a.command()))
                        .append('\n');
            }
        }
        return out.toString();
    }
}
