package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.text.DependencyTree;
import io.happyos.registry.text.RegistryJson;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code tree}: a component's dependencies, and theirs, as a tree with each one's status and why
 * it is a dependency (the Import-Package, Require-Bundle, Require-Capability, DS reference or
 * explicit edge); {@code --reverse} shows what depends on it instead. A cycle is shown once, marked
 * where it closes, and a subtree already shown is not shown again.
 *
 * <p>JSON: the root node {@code {"id","status","via":[{"origin","kind","detail","requirement"}],
 * "mark","children":[nodes]}}, {@code mark} being null, {@code "cycle"}, {@code "seen"} or
 * {@code "depth"}.
 */
public final class TreeCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"tree"};

    /** What {@code --depth} is when not given: everything. */
    static final String UNLIMITED = "2147483647";

    private final CommandContext ctx;

    TreeCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("show a component's dependencies as a tree, with statuses and why each edge exists (cycles "
            + "marked, subtrees shown once). Example: registry:tree logger --reverse")
    public void tree(
            @Descriptor("print the tree as nested JSON objects {\"id\",\"status\",\"via\",\"mark\",\"children\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("show what depends on the component instead of what it depends on")
                    @Parameter(
                            names = {"--reverse"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean reverse,
            @Descriptor("unfold at most N levels below the component (default: all)")
                    @Parameter(
                            names = {"--depth"},
                            absentValue = UNLIMITED)
                    String depth,
            @Descriptor("the component's id, name or bundle number") String id) {
        int levels = OptionValues.wholeNumber("registry:tree", "--depth", depth, 1);
        String root = ctx.resolve(id);
        DynamicRegistry registry = ctx.registry();
        DependencyTree.Node tree = DependencyTree.build(root, DependencyTree.of(registry, reverse), levels);
        if (json) {
            ctx.printJson(RegistryJson.tree(tree));
        } else {
            ctx.print(String.join("\n", TreeText.lines(tree, ctx.ansi())));
        }
    }
}
