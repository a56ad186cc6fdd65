package io.happyos.registry.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Until its tests move to {@link ShellFixture}: the command objects over a {@link FakeRegistry} holding the sample graph, printing to a buffer. */
final class FakeShellFixture {

    /** Manifest headers by bundle number, then name, for {@code index}. */
    final Map<Long, Map<String, String>> headers = new HashMap<>();

    final FakeRegistry registry = new FakeRegistry(
                    (bundleId, name) -> headers.getOrDefault(bundleId, Map.of()).get(name))
            .add("config-manager", "config-manager", "service", 3)
            .add("logger", "logger", "service", 4)
            .add("base-util", "base-util", "library", 5)
            .add("calculator-skill", "calculator-skill", "skill", 6)
            .add("weather-skill", "weather-skill", "skill", 7)
            .add("io.happyos.registry.core", "io.happyos.registry.core", "system", 1)
            .declare(
                    "logger",
                    "config-manager",
                    "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.config)\"")
            .declare(
                    "calculator-skill",
                    "logger",
                    "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log)\"")
            .declare("calculator-skill", "base-util", "osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=base-util)\"")
            .declare("weather-skill", "logger", "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log)\"");

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    /** Whether the commands think they print to a terminal. */
    boolean terminal;
    /** The environment the commands see: a colour terminal unless a test changes it. */
    final Map<String, String> env = new HashMap<>(Map.of("TERM", "xterm-256color"));
    /** How the live commands wait: a script of steps, then Ctrl-C. */
    final ScriptedPacer pacer = new ScriptedPacer();

    private final CommandContext ctx = new CommandContext(
            new RegistryLookup(() -> registry),
            new Completion(Duration.ofSeconds(5)),
            () -> out,
            () -> terminal,
            env::get,
            StandardCharsets.UTF_8);

    final ComponentCommands components = new ComponentCommands(ctx);
    final LifecycleCommands lifecycle = new LifecycleCommands(ctx);
    final DependencyCommands dependencies = new DependencyCommands(ctx);
    final InstanceCommands instances = new InstanceCommands(ctx);
    final IndexCommands indexes = new IndexCommands(ctx);
    final StatsCommands stats = new StatsCommands(ctx);
    final GraphCommands graph = new GraphCommands(ctx);
    final VersionCommands versions = new VersionCommands(ctx);
    final AuditCommands audit = new AuditCommands(ctx, registry::now);
    final DiagnosticCommands diagnostics = new DiagnosticCommands(ctx);
    final TreeCommands tree = new TreeCommands(ctx);
    final EventCommands events = new EventCommands(ctx, pacer, registry::now);
    final TopCommands top = new TopCommands(ctx, pacer, registry::now);

    /** The context the commands share. */
    CommandContext context() {
        return ctx;
    }

    final UsageCommands usage = new UsageCommands(ctx);

    /** What was printed since the last call, and forgets it. */
    String output() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    /** What was printed, parsed as JSON. */
    Object json() {
        return MiniJson.parse(output());
    }
}
