package io.happyos.registry.shell.internal;

import io.happyos.registry.JarVersion;
import io.happyos.registry.text.RegistryJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Versions and reloads: {@code history} lists the kept versions of a component's JAR,
 * {@code rollback} reinstates one, {@code impact} previews what a reload or removal would stop.
 *
 * <p>JSON: {@code history} an array of {@code {"version","checksum","storedAt","path","current"}}
 * (newest first); {@code rollback} {@code {"id","version"}}; {@code impact} an array of ids in the
 * order they would be deactivated.
 */
public final class VersionCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"history", "rollback", "impact"};

    private final CommandContext ctx;

    VersionCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("list the kept versions of a component's JAR, the installed one first. "
            + "Example: registry:history echo-skill")
    public void history(
            @Descriptor("print a JSON array of {\"version\",\"checksum\",\"storedAt\",\"path\",\"current\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        List<JarVersion> versions = ctx.registry().versions().getVersionHistory(resolved);
        if (json) {
            ctx.printJson(RegistryJson.versions(versions));
            return;
        }
        if (versions.isEmpty()) {
            ctx.print("no versions kept for " + resolved + " (only JARs deployed from the bundles folder are kept)");
            return;
        }
        TextTable table = new TextTable("VERSION", "INSTALLED", "CHECKSUM", "CURRENT");
        for (JarVersion v : versions) {
            table.row(
                    v.version(),
                    v.storedAt(),
                    v.checksum().substring(0, Math.min(12, v.checksum().length())),
                    v == versions.get(0) ? "yes" : "");
        }
        ctx.print(table.render());
    }

    @Descriptor("reinstate an earlier version of a component's JAR (the previous one by default). "
            + "Example: registry:rollback echo-skill 1.0.0")
    public void rollback(
            @Descriptor("print {\"id\",\"version\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number, then optionally the version") String... args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException(
                    "usage: registry:rollback ID [VERSION] (registry:history ID lists versions)");
        }
        String resolved = ctx.resolve(args[0]);
        String version = ctx.await(
                args.length == 2
                        ? ctx.registry().versions().rollbackComponent(resolved, args[1])
                        : ctx.registry().versions().rollbackComponent(resolved),
                "roll back " + resolved);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", resolved);
            out.put("version", version);
            ctx.printJson(out);
        } else {
            ctx.print(resolved + " rolled back to " + version);
        }
    }

    @Descriptor("list what a reload or removal of a component would deactivate, dependents first. "
            + "Example: registry:impact logger")
    public void impact(
            @Descriptor("print a JSON array of ids")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        List<String> impact = ctx.registry().dependencies().getImpact(resolved);
        if (json) {
            ctx.printJson(impact);
        } else if (impact.isEmpty()) {
            ctx.print("reloading or removing " + resolved + " would deactivate nothing");
        } else {
            ctx.print(
                    "reloading or removing " + resolved + " would deactivate, in order: " + String.join(", ", impact));
        }
    }
}
