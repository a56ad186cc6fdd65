package io.happyos.registry.shell.internal;

import io.happyos.registry.Dependency;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.text.DependencyTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Commands on the dependency graph: {@code order}, {@code deps}, {@code dependents},
 * {@code depend}, {@code undepend}, {@code cycles}.
 *
 * <p>With {@code --json}: {@code order} prints an array of ids; {@code cycles} an array of arrays
 * of ids; {@code deps} an array of {@code {"id","origin","requirement"}} objects, one per edge;
 * {@code dependents} the same shape, {@code id} being the dependent and {@code origin} and
 * {@code requirement} those of its edge to the component; {@code depend} and {@code undepend}
 * print {@code {"dependent":..,"dependency":..,"dependencies":[the dependent's dependencies now]}}.
 */
public final class DependencyCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"order", "deps", "dependents", "depend", "undepend", "cycles"};

    private final CommandContext ctx;

    DependencyCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("show the order in which components activate: each after its dependencies. "
            + "Example: registry:order calculator-skill weather-skill")
    public void order(
            @Descriptor("print a JSON array of ids")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("ids, names or bundle numbers; none means every component") String... ids) {
        DynamicRegistry registry = ctx.registry();
        List<String> order = registry.dependencies().getActivationOrder(new IdResolver(registry).resolveAll(ids));
        if (json) {
            ctx.printJson(order);
        } else {
            ctx.print(order.isEmpty() ? "No components." : TextViews.numbered(order));
        }
    }

    @Descriptor("show what a component depends on directly, and why. Example: registry:deps calculator-skill")
    public void deps(
            @Descriptor("print a JSON array of {\"id\",\"origin\",\"requirement\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        List<Dependency> deps = ctx.registry().dependencies().getDependencyDetails(resolved);
        printEdges(json, deps, resolved + " depends on nothing.");
    }

    @Descriptor("show what depends directly on a component, and why. Example: registry:dependents logger")
    public void dependents(
            @Descriptor("print a JSON array of {\"id\",\"origin\",\"requirement\"}, id being the dependent")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        printEdges(
                json, DependencyTree.dependentEdges(ctx.registry(), resolved), "Nothing depends on " + resolved + ".");
    }

    @Descriptor("make one component depend on another (an explicit dependency, kept across updates). "
            + "Example: registry:depend weather-skill config-manager")
    public void depend(
            @Descriptor("print {\"dependent\":..,\"dependency\":..,\"dependencies\":[..]}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component that needs the other") String dependent,
            @Descriptor("the component it needs") String dependency) {
        String from = ctx.resolve(dependent);
        String to = ctx.resolve(dependency);
        ctx.await(ctx.registry().dependencies().addDependency(from, to), "add the dependency " + from + " -> " + to);
        report(json, from, to, from + " now depends on " + to + " (explicit)");
    }

    @Descriptor("remove an explicit dependency (declared ones follow the manifests). "
            + "Example: registry:undepend weather-skill config-manager")
    public void undepend(
            @Descriptor("print {\"dependent\":..,\"dependency\":..,\"dependencies\":[..]}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component that needed the other") String dependent,
            @Descriptor("the component it needed") String dependency) {
        String from = ctx.resolve(dependent);
        String to = ctx.resolve(dependency);
        ctx.await(
                ctx.registry().dependencies().removeDependency(from, to),
                "remove the dependency " + from + " -> " + to);
        boolean still = ctx.registry().dependencies().getDependencies(from).contains(to);
        report(
                json,
                from,
                to,
                from + " no longer depends explicitly on " + to + (still ? " (a declared dependency remains)" : ""));
    }

    @Descriptor("list the groups of components that depend on each other in a cycle. Example: registry:cycles --json")
    public void cycles(
            @Descriptor("print a JSON array of arrays of ids")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<List<String>> cycles = ctx.registry().dependencies().findCircularDependencies();
        if (json) {
            ctx.printJson(cycles);
        } else if (cycles.isEmpty()) {
            ctx.print("No circular dependencies.");
        } else {
            ctx.print(TextViews.numbered(cycles.stream()
                    .map(c -> String.join(", ", c) + " " + origin(c))
                    .toList()));
        }
    }

    /**
     * Whether a cycle is one the manifests declare (legal in OSGi, activated as one group) or holds
     * an explicit dependency, which the registry refuses to add but a bundle update can turn into one.
     */
    private String origin(List<String> cycle) {
        for (String id : cycle) {
            List<Dependency> details;
            try {
                details = ctx.registry().dependencies().getDependencyDetails(id);
            } catch (io.happyos.registry.ComponentNotFoundException gone) {
                continue; // unregistered since the cycles were read
            }
            for (Dependency d : details) {
                if (d.origin() == io.happyos.registry.DependencyOrigin.EXPLICIT && cycle.contains(d.id())) {
                    return "(holds the explicit dependency " + id + " -> " + d.id() + ": registry:why " + id + ")";
                }
            }
        }
        return "(declared by the manifests: activated together as one group)";
    }

    private void printEdges(boolean json, List<Dependency> edges, String none) {
        if (json) {
            ctx.printJson(JsonViews.dependencies(edges));
        } else {
            ctx.print(TextViews.dependencyTable(edges, none));
        }
    }

    private void report(boolean json, String from, String to, String line) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dependent", from);
            out.put("dependency", to);
            out.put("dependencies", new TreeSet<>(ctx.registry().dependencies().getDependencies(from)));
            ctx.printJson(out);
        } else {
            ctx.print(line);
        }
    }
}
