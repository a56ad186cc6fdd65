package io.happyos.registry.shell.internal;

import io.happyos.registry.ProvisionResult;
import io.happyos.registry.ProvisionedBundle;
import io.happyos.registry.ProvisionedSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Provisioning: {@code install} a bundle from a Maven repository, {@code provision} features from
 * a features file, list what was provisioned ({@code sets}), {@code unprovision} a set.
 *
 * <p>JSON: {@code install}, {@code provision} and {@code unprovision} print
 * {@code {"sets":[...],"changes":[{"location","id","action","detail"}]}}; {@code sets} prints an
 * array of {@code {"name","version","kind","source","provisionedAt","actor","bundles":[{"location","id",
 * "status","start"}]}}.
 */
public final class ProvisionCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"install", "provision", "sets", "unprovision"};

    private final CommandContext ctx;

    ProvisionCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("install a bundle from the Maven repositories (mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]) or "
            + "a file (file:PATH), checksums checked, and activate it; it is kept across restarts. "
            + "Example: registry:install mvn:org.apache.felix/org.apache.felix.scr/2.2.10")
    public void install(
            @Descriptor("print {\"sets\",\"changes\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]] or file:PATH") String location) {
        print(json, ctx.await(ctx.registry().provisioning().install(location), "install " + location));
    }

    @Descriptor("provision features of a features file (a subset of Karaf's features.xml): every bundle is "
            + "resolved first, then installed and activated in dependency order; without FEATURE, the features "
            + "marked install=\"auto\", or all of them. Example: registry:provision etc/features.xml skills")
    public void provision(
            @Descriptor("print {\"sets\",\"changes\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the features file, then the features (NAME or NAME/VERSION)") String... args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: registry:provision FILE [FEATURE...]");
        }
        Path file = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> features = List.of(args).subList(1, args.length);
        print(json, ctx.await(ctx.registry().provisioning().provision(file, features), "provision " + file));
    }

    @Descriptor("forget a provisioned set and uninstall its bundles that no other set lists. "
            + "Example: registry:unprovision skills")
    public void unprovision(
            @Descriptor("print {\"sets\",\"changes\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the set's name, as registry:sets lists it") String name) {
        print(json, ctx.await(ctx.registry().provisioning().unprovision(name), "unprovision " + name));
    }

    @Descriptor("list what was provisioned: each feature and each registry:install, where it came from, when, "
            + "and its bundles with their status. Example: registry:sets")
    public void sets(
            @Descriptor("print a JSON array of {\"name\",\"version\",\"kind\",\"source\",\"provisionedAt\",\"actor\","
                            + "\"bundles\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<ProvisionedSet> sets = ctx.registry().provisioning().getProvisionedSets();
        if (json) {
            ctx.printJson(sets.stream().map(ProvisionCommands::set).toList());
            return;
        }
        if (sets.isEmpty()) {
            ctx.print("nothing provisioned (registry:install and registry:provision do)");
            return;
        }
        TextTable table = new TextTable("SET", "VERSION", "SOURCE", "WHEN", "BY", "BUNDLE", "ID", "STATUS");
        for (ProvisionedSet set : sets) {
            boolean first = true;
            for (ProvisionedBundle b : set.bundles()) {
                table.row(
                        first ? set.name() : "",
                        first && set.version() != null ? set.version() : "",
                        first ? set.source() : "",
                        first ? set.provisionedAt().toString() : "",
                        first ? set.actor() : "",
                        b.location(),
                        b.componentId() == null ? "-" : b.componentId(),
                        b.status() == null ? "not installed" : b.status().name() + (b.start() ? "" : " (start=false)"));
                first = false;
            }
        }
        ctx.print(table.render());
    }

    private void print(boolean json, ProvisionResult result) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sets", result.sets());
            List<Object> changes = new ArrayList<>();
            for (ProvisionResult.Change c : result.changes()) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("location", c.location());
                change.put("id", c.componentId());
                change.put("action", c.action().name());
                change.put("detail", c.detail());
                changes.add(change);
            }
            out.put("changes", changes);
            ctx.printJson(out);
            return;
        }
        if (result.changes().isEmpty()) {
            ctx.print(String.join(", ", result.sets()) + ": nothing to do");
            return;
        }
        TextTable table = new TextTable("ACTION", "ID", "LOCATION", "DETAIL");
        for (ProvisionResult.Change c : result.changes()) {
            table.row(
                    c.action().name().toLowerCase(Locale.ROOT),
                    c.componentId() == null ? "-" : c.componentId(),
                    c.location(),
                    c.detail());
        }
        ctx.print("sets: " + String.join(", ", result.sets()) + "\n" + table.render());
    }

    private static Map<String, Object> set(ProvisionedSet set) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", set.name());
        out.put("version", set.version());
        out.put("kind", set.kind().name());
        out.put("source", set.source());
        out.put("provisionedAt", set.provisionedAt().toString());
        out.put("actor", set.actor());
        List<Object> bundles = new ArrayList<>();
        for (ProvisionedBundle b : set.bundles()) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("location", b.location());
            bundle.put("id", b.componentId());
            bundle.put("status", b.status() == null ? null : b.status().name());
            bundle.put("start", b.start());
            bundles.add(bundle);
        }
        out.put("bundles", bundles);
        return out;
    }
}
