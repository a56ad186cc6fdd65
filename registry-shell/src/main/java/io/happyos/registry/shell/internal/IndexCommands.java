package io.happyos.registry.shell.internal;

import io.happyos.registry.RegistryEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code index}: custom indexes of components by a manifest header. {@code index create NAME HEADER}
 * files each bundle component under the value of its bundle's HEADER (a component without a bundle
 * under its metadata entry HEADER); {@code index drop NAME}; {@code index list}; {@code index NAME KEY}
 * shows the components filed under KEY. An index named {@code create}, {@code drop} or {@code list}
 * cannot be queried from here.
 *
 * <p>With {@code --json}: the query prints an array of component objects (as {@code list --json});
 * {@code list} an array of names; {@code create} {@code {"index","header"}}; {@code drop}
 * {@code {"index","dropped":true}}.
 */
public final class IndexCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"index"};

    private static final String USAGE = "use index create NAME HEADER, index drop NAME, index list or index NAME KEY";

    private final CommandContext ctx;

    IndexCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("index components by a manifest header: index create NAME HEADER | index drop NAME | index list "
            + "| index NAME KEY. Example: registry:index create vendor Bundle-Vendor")
    public void index(
            @Descriptor("print JSON: components as list --json for a query, names for list")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("create NAME HEADER (for example: create vendor Bundle-Vendor), drop NAME, list, or NAME KEY "
                            + "to show the components filed under KEY")
                    String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("give an index command: " + USAGE);
        }
        String first = args[0];
        if (first.equals("create") && args.length == 3) {
            create(json, args[1], args[2]);
        } else if (first.equals("drop") && args.length == 2) {
            drop(json, args[1]);
        } else if (first.equals("list") && args.length == 1) {
            list(json);
        } else if (List.of("create", "drop", "list").contains(first)) {
            throw new IllegalArgumentException("wrong number of arguments for index " + first + ": " + USAGE);
        } else if (args.length == 2) {
            query(json, args[0], args[1]);
        } else {
            throw new IllegalArgumentException("unknown index command '" + String.join(" ", args) + "': " + USAGE);
        }
    }

    private void create(boolean json, String name, String header) {
        // the registry keeps the definition, across restarts, and reads the headers itself
        ctx.registry().indexes().createHeaderIndex(name, header);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("index", name);
            out.put("header", header);
            ctx.printJson(out);
        } else {
            ctx.print("Index " + name + " created: components by " + header);
        }
    }

    private void drop(boolean json, String name) {
        if (!ctx.registry().indexes().dropIndex(name)) {
            throw new IllegalArgumentException("no index named '" + name + "' (registry:index list shows them)");
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("index", name);
            out.put("dropped", true);
            ctx.printJson(out);
        } else {
            ctx.print("Index " + name + " dropped");
        }
    }

    private void list(boolean json) {
        List<String> names = ctx.registry().indexes().getIndexNames();
        if (json) {
            ctx.printJson(names);
        } else {
            ctx.print(names.isEmpty() ? "No indexes." : String.join("\n", names));
        }
    }

    private void query(boolean json, String name, String key) {
        List<RegistryEntry> entries = ctx.registry().indexes().getComponentsByIndex(name, key);
        if (json) {
            ctx.printJson(JsonViews.entries(entries));
        } else {
            ctx.print(
                    entries.isEmpty()
                            ? "No components under '" + key + "' in index " + name + "."
                            : TextViews.componentTable(entries, ctx.ansi()));
        }
    }
}
