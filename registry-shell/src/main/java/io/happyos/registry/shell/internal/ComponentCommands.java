package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.ComponentFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Commands that show components and add, remove or flag them: {@code list}, {@code info},
 * {@code register}, {@code unregister}, {@code error}, {@code clear}.
 *
 * <p>With {@code --json}: {@code list} prints an array of component objects and {@code info} one
 * (see {@link JsonViews}); {@code register}, {@code error} and {@code clear} print
 * {@code {"id":..,"status":..}}; {@code unregister} prints {@code {"id":..,"unregistered":true}}.
 */
public final class ComponentCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"list", "info", "register", "unregister", "error", "clear"};

    private final CommandContext ctx;

    ComponentCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("list components as a table (system components only with --all). "
            + "Example: registry:list --type skill --status ACTIVE")
    public void list(
            @Descriptor("print a JSON array instead of a table")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("include system components (type 'system')")
                    @Parameter(
                            names = {"--all"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean all,
            @Descriptor("only components of this type, for example skill (--type system shows system components)")
                    @Parameter(
                            names = {"--type"},
                            absentValue = "")
                    String type,
            @Descriptor("only components in this status: DISCOVERED, REGISTERED, ACTIVE, INACTIVE or ERROR")
                    @Parameter(
                            names = {"--status"},
                            absentValue = "")
                    String status) {
        ComponentFilter filter = new ComponentFilter(type, status(status), all);
        List<RegistryEntry> entries = filter.apply(ctx.registry().listComponents());
        if (json) {
            ctx.printJson(JsonViews.entries(entries));
        } else {
            ctx.print(entries.isEmpty() ? "No components match." : TextViews.componentTable(entries, ctx.ansi()));
        }
    }

    @Descriptor("show everything the registry knows about one component. Example: registry:info calculator-skill")
    public void info(
            @Descriptor("print a JSON object")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        RegistryEntry entry = ctx.registry().getComponent(ctx.resolve(id));
        if (json) {
            ctx.printJson(JsonViews.entry(entry));
        } else {
            ctx.print(TextViews.componentDetails(entry, ctx.ansi()));
        }
    }

    @Descriptor("install a bundle JAR and register it as a component. "
            + "Example: registry:register plugins/calculator-skill-1.0.0.jar")
    public void register(
            CommandSession session,
            @Descriptor("print {\"id\":..,\"status\":..}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the JAR file, absolute or relative to the shell's current directory") String path) {
        Path jar = absolute(session, path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no such file: " + jar + " (give the path of a bundle JAR)");
        }
        DynamicRegistry registry = ctx.registry();
        String id = ctx.await(registry.registerComponent(ComponentInfo.ofJar(jar.toString())), "register " + jar);
        report(json, id, "registered from " + jar);
    }

    @Descriptor("deactivate a component (its dependents first) and remove it; a bundle is uninstalled. "
            + "Example: registry:unregister weather-skill")
    public void unregister(
            @Descriptor("print {\"id\":..,\"unregistered\":true}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        ctx.await(ctx.registry().unregisterComponent(resolved), "unregister " + resolved);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", resolved);
            out.put("unregistered", true);
            ctx.printJson(out);
        } else {
            ctx.print("Unregistered " + resolved);
        }
    }

    @Descriptor("put a component in ERROR and record why (an active bundle keeps running). "
            + "Example: registry:error logger 'disk full'")
    public void error(
            @Descriptor("print {\"id\":..,\"status\":..}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id,
            @Descriptor("why, in words (quote it or give several words)") String... message) {
        String text = String.join(" ", message).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("give a message saying what is wrong with " + id);
        }
        String resolved = ctx.resolve(id);
        ctx.await(ctx.registry().lifecycle().markComponentError(resolved, text), "mark " + resolved + " in error");
        report(json, resolved, "error recorded: " + text);
    }

    @Descriptor("take a component out of ERROR (its error history is kept). Example: registry:clear logger")
    public void clear(
            @Descriptor("print {\"id\":..,\"status\":..}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        ctx.await(ctx.registry().lifecycle().clearComponentError(resolved), "clear the error of " + resolved);
        report(json, resolved, "error cleared");
    }

    private void report(boolean json, String id, String what) {
        ComponentStatus status =
                ctx.registry().findComponent(id).map(RegistryEntry::status).orElse(null);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("status", status);
            ctx.printJson(out);
        } else {
            ctx.print(id + " " + (status == null ? "gone" : status.name()) + " (" + what + ")");
        }
    }

    private static Path absolute(CommandSession session, String path) {
        String p = path.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("give the path of a bundle JAR");
        }
        Path dir = session == null ? null : session.currentDir();
        Path base = dir != null ? dir : Paths.get("").toAbsolutePath();
        return base.resolve(p).toAbsolutePath().normalize();
    }

    private static ComponentStatus status(String text) {
        return text == null || text.isBlank()
                ? null
                : OptionValues.oneOf("registry:list", "--status", text, ComponentStatus.class);
    }
}
