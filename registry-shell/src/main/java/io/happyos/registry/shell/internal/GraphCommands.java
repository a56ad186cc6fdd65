package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.RegistryEntry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * The dependency graph as a whole: {@code graph} exports it as text, {@code validate} checks one
 * component's dependencies.
 *
 * <p>{@code graph} prints the registry's export as it is, in every format ({@code --format json},
 * or {@code --json}, gives {@code {"nodes":[{"id","name","type","status"}],"edges":[{"from","to","origin"}]}}).
 * {@code validate --json} prints an array of {@code {"dependency","kind","message"}}, {@code kind}
 * being {@code MISSING}, {@code IN_ERROR} or {@code NOT_ACTIVE}; empty when all is well. Problems
 * do not fail {@code validate} (it reports them); an unknown component does.
 */
public final class GraphCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"graph", "validate"};

    private final CommandContext ctx;

    GraphCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("export the dependency graph, or one component's neighbourhood, as text. "
            + "Example: registry:graph --format mermaid calculator-skill")
    public void graph(
            @Descriptor("print {\"nodes\":[..],\"edges\":[..]}: the same as --format json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("dot (Graphviz, the default), mermaid (flowchart) or json")
                    @Parameter(
                            names = {"--format"},
                            absentValue = "")
                    String format,
            @Descriptor("a component (id, name or bundle number) whose dependencies and dependents to export; "
                            + "none for the whole graph")
                    String... id) {
        boolean formatGiven = format != null && !format.isBlank();
        GraphFormat graphFormat = format(formatGiven ? format : json ? "json" : "dot");
        if (json && graphFormat != GraphFormat.JSON) {
            throw new IllegalArgumentException(
                    "--json and --format " + format.strip() + " ask for two formats: " + "give one of them");
        }
        if (id.length > 1) {
            throw new IllegalArgumentException("give at most one component; none exports the whole graph");
        }
        String resolved = id.length == 0 ? null : ctx.resolve(id[0]);
        ctx.print(ctx.registry().dependencies().exportDependencyGraph(graphFormat, resolved));
    }

    @Descriptor("check a component's dependencies: missing, in error or not active (a problem puts it in ERROR). "
            + "Example: registry:validate calculator-skill")
    public void validate(
            @Descriptor("print a JSON array of {\"dependency\",\"kind\",\"message\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        List<DependencyProblem> problems = ctx.await(
                ctx.registry().dependencies().validateDependencies(resolved),
                "validate the dependencies of " + resolved);
        if (json) {
            ctx.printJson(problems.stream().map(GraphCommands::problem).toList());
        } else if (problems.isEmpty()) {
            ctx.print("all dependencies of " + resolved + " are active");
        } else {
            TextTable table = new TextTable("DEPENDENCY", "PROBLEM", "MESSAGE");
            problems.forEach(p -> table.row(p.dependency(), p.kind(), p.message()));
            StringBuilder out = new StringBuilder(table.render());
            boolean inError = ctx.registry()
                    .findComponent(resolved)
                    .map(RegistryEntry::status)
                    .filter(s -> s == ComponentStatus.ERROR)
                    .isPresent();
            if (inError) {
                out.append(resolved)
                        .append(" is now in ERROR; registry:clear ")
                        .append(resolved)
                        .append(" takes it out\n");
            }
            ctx.print(out.toString());
        }
    }

    private static GraphFormat format(String format) {
        List<String> names = Arrays.stream(GraphFormat.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .toList();
        return GraphFormat.valueOf(
                OptionValues.oneOf("registry:graph", "--format", format, names).toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> problem(DependencyProblem p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dependency", p.dependency());
        out.put("kind", p.kind());
        out.put("message", p.message());
        return out;
    }
}
