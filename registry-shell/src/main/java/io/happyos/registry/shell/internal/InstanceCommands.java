package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * The instances of active components: {@code instance} obtains one (which counts as an access),
 * {@code cache} manages how long they are kept.
 *
 * <p>With {@code --json}: {@code instance} prints {@code {"id","class","value","accessCount",
 * "lastAccessed"}} ({@code value} is the instance's {@code toString()}, {@code lastAccessed}
 * ISO-8601); {@code cache cleanup} and {@code cache idle} print {@code {"disposed":[ids]}};
 * {@code cache enable} prints {@code {"maxSize":N,"ttlMs":N}}.
 */
public final class InstanceCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"instance", "cache"};

    private static final String CACHE_USAGE = "use cache enable MAXSIZE TTL, cache cleanup ID or cache idle DURATION";

    private final CommandContext ctx;

    InstanceCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("get the instance of an active component (counts as an access) and show it. "
            + "Example: registry:instance calculator-skill")
    public void instance(
            @Descriptor("print {\"id\",\"class\",\"value\",\"accessCount\",\"lastAccessed\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number") String id) {
        String resolved = ctx.resolve(id);
        DynamicRegistry registry = ctx.registry();
        Object instance = registry.getComponentInstance(resolved);
        RegistryEntry entry = registry.getComponent(resolved);
        String value = String.valueOf(instance);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", resolved);
            out.put("class", instance.getClass().getName());
            out.put("value", value);
            out.put("accessCount", entry.accessCount());
            out.put(
                    "lastAccessed",
                    entry.lastAccessed() == null ? null : entry.lastAccessed().toString());
            ctx.printJson(out);
        } else {
            TextTable t = new TextTable("Id", resolved);
            t.row("Class", instance.getClass().getName());
            t.row("Value", value.replace('\n', ' '));
            t.row("Access count", entry.accessCount());
            t.row("Last accessed", entry.lastAccessed() == null ? "never" : entry.lastAccessed());
            ctx.print(t.render());
        }
    }

    @Descriptor("manage kept instances: cache enable MAXSIZE TTL | cache cleanup ID | cache idle DURATION. "
            + "Example: registry:cache enable 100 1h")
    public void cache(
            @Descriptor("print JSON: {\"disposed\":[ids]} for cleanup and idle, {\"maxSize\",\"ttlMs\"} for enable")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("enable (keep at most MAXSIZE instances, each for TTL after creation), cleanup (dispose of "
                            + "one component's instance) or idle (dispose of instances not used for DURATION); durations "
                            + "like 500ms, 30s, 10m, 2h or PT30S")
                    String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("give a cache command: " + CACHE_USAGE);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "enable" -> enable(json, arguments(rest, 2, "cache enable MAXSIZE TTL"));
            case "cleanup" ->
                cleanup(json, arguments(rest, 1, "cache cleanup ID").get(0));
            case "idle" -> idle(json, arguments(rest, 1, "cache idle DURATION").get(0));
            default -> throw new IllegalArgumentException("unknown cache command '" + args[0] + "': " + CACHE_USAGE);
        }
    }

    private void enable(boolean json, List<String> args) {
        int maxSize = maxSize(args.get(0));
        Duration ttl = DurationText.parse(args.get(1), "TTL");
        if (ttl.isZero()) {
            throw new IllegalArgumentException("TTL must be longer than zero");
        }
        ctx.registry().instances().enableInstanceCaching(maxSize, ttl);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("maxSize", maxSize);
            out.put("ttlMs", ttl.toMillis());
            ctx.printJson(out);
        } else {
            ctx.print("Instance caching on: at most " + maxSize + " instances, each kept " + DurationText.shortForm(ttl)
                    + " after creation");
        }
    }

    private void cleanup(boolean json, String id) {
        String resolved = ctx.resolve(id);
        boolean had = ctx.registry().instances().cleanupComponentInstance(resolved);
        if (json) {
            ctx.printJson(Map.of("disposed", had ? List.of(resolved) : List.of()));
        } else {
            ctx.print(had ? "Disposed of the instance of " + resolved : resolved + " had no instance");
        }
    }

    private void idle(boolean json, String duration) {
        Duration idleFor = DurationText.parse(duration, "duration");
        List<String> disposed = ctx.registry().instances().cleanupIdleInstances(idleFor);
        if (json) {
            ctx.printJson(Map.of("disposed", disposed));
        } else if (disposed.isEmpty()) {
            ctx.print("No instance was idle for " + DurationText.shortForm(idleFor));
        } else {
            ctx.print("Disposed of " + disposed.size()
                    + (disposed.size() == 1 ? " idle instance: " : " idle instances: ") + String.join(", ", disposed));
        }
    }

    private static List<String> arguments(List<String> given, int count, String usage) {
        if (given.size() != count) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return given;
    }

    private static int maxSize(String text) {
        return OptionValues.wholeNumber("registry:cache", "MAXSIZE", text, 1);
    }
}
