package io.happyos.registry.shell.internal;

import static org.awaitility.Awaitility.await;

import io.happyos.registry.Diagnostics;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;

/**
 * The command objects over the real registry, printing to a buffer: each test gets a fresh embedded
 * Felix with the registry core and the five demo samples installed (not started), which form the
 * graph {@code calculator-skill -> logger, base-util}, {@code weather-skill -> logger},
 * {@code logger -> config-manager}. Register it with {@code @RegisterExtension}.
 */
final class ShellFixture implements BeforeEachCallback, AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> DEMO =
            List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill");

    /** An ISO-8601 instant as {@link Instant#toString()} writes it, for patterns. */
    static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z";

    private final List<String> samples;
    private final Map<String, String> properties = new HashMap<>(Map.of("happyos.persistence", "false"));
    private boolean watching;
    private Path bundlesFolder;
    private EmbeddedFelix felix;
    /** The real registry, as the system bundle sees it. */
    DynamicRegistry registry;
    /** Bundle number of each sample installed. */
    final Map<String, Long> bundleIds = new HashMap<>();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    /** Whether the commands think they print to a terminal. */
    boolean terminal;
    /** The environment the commands see: a colour terminal unless a test changes it. */
    final Map<String, String> env = new HashMap<>(Map.of("TERM", "xterm-256color"));
    /** How the live commands wait: a script of steps, then Ctrl-C. */
    final ScriptedPacer pacer = new ScriptedPacer();
    /** "Now" as the commands see it: the real time unless a test fixes it. */
    volatile Instant fixedNow;

    final Supplier<Instant> now = () -> fixedNow != null ? fixedNow : Instant.now();
    private final ListenerCount listeners = new ListenerCount();
    private volatile DynamicRegistry seenByCommands;
    private final Map<String, ListenerCount.Replacement> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final CommandContext ctx = new CommandContext(
            new RegistryLookup(() -> seenByCommands),
            new Completion(WAIT),
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
    final AuditCommands audit = new AuditCommands(ctx, now);
    final DiagnosticCommands diagnostics = new DiagnosticCommands(ctx);
    final TreeCommands tree = new TreeCommands(ctx);
    final EventCommands events = new EventCommands(ctx, pacer, now);
    final TopCommands top = new TopCommands(ctx, pacer, now);
    final UsageCommands usage = new UsageCommands(ctx);
    final ProvisionCommands provisioning = new ProvisionCommands(ctx);
    final ResourceCommands resources = new ResourceCommands(ctx);
    final QuotaCommands quotas = new QuotaCommands(ctx);
    final AdviceCommands advice = new AdviceCommands(ctx);

    /** The five demo samples. */
    ShellFixture() {
        this(DEMO);
    }

    /** @param samples the sample bundles to install, by symbolic name */
    ShellFixture(List<String> samples) {
        this.samples = samples;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (watching) {
            bundlesFolder = Files.createTempDirectory("happyos-bundles");
            properties.put("happyos.bundles.dir", bundlesFolder.toString());
        }
        felix = EmbeddedFelix.start(properties).withRegistry();
        registry = felix.service(DynamicRegistry.class, WAIT);
        seenByCommands = ListenerCount.proxy(
                DynamicRegistry.class,
                listeners.counting(registry),
                (m, args, result) -> m.getName().equals("diagnostics")
                        ? ListenerCount.proxy(Diagnostics.class, (Diagnostics) result, (call, callArgs, value) -> {
                            ListenerCount.Replacement answer = answers.get(call.getName());
                            return answer == null ? null : answer.apply(call, callArgs, value);
                        })
                        : null);
        for (Bundle b : felix.installSamples(samples)) {
            bundleIds.put(b.getSymbolicName(), b.getBundleId());
        }
        await().atMost(WAIT)
                .until(() ->
                        samples.stream().allMatch(s -> registry.findComponent(s).isPresent()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (felix != null) {
                felix.close();
            }
        } finally {
            if (bundlesFolder != null) {
                try (java.util.stream.Stream<Path> files = Files.walk(bundlesFolder)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * Sets a framework property of the registry started for each test.
     *
     * @param key the property
     * @param value its value
     * @return this fixture
     */
    ShellFixture property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /**
     * Keeps the registry's state in its database, so that it keeps an audit log.
     *
     * @return this fixture
     */
    ShellFixture persistent() {
        properties.put("happyos.persistence", "true");
        return this;
    }

    /**
     * Has the registry watch a bundles folder (settling 200 ms), whose JARs it deploys and keeps
     * versions of; see {@link #drop}.
     *
     * @return this fixture
     */
    ShellFixture watching() {
        watching = true;
        properties.put("happyos.bundles.settle", "200ms");
        properties.put("happyos.bundles.rescan", "500ms");
        return this;
    }

    /**
     * Puts a JAR into the watched bundles folder at once (written beside it, then moved in), and
     * waits until the registry has the component in that version.
     *
     * @param bundle the bundle to build
     * @param id its symbolic name, the component's id
     * @param version its version
     * @param fileName its file name in the folder
     */
    void drop(TestBundle.Builder bundle, String id, String version, String fileName) throws Exception {
        Path written = bundle.version(version)
                .writeTo(bundlesFolder.resolveSibling(bundlesFolder.getFileName() + "-" + fileName));
        Files.move(
                written,
                bundlesFolder.resolve(fileName),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        await().atMost(WAIT)
                .until(() -> registry.findComponent(id)
                        .map(e -> version.equals(e.component().version()))
                        .orElse(false));
    }

    /**
     * Has the commands see one method of the registry's diagnostics answered by the test, the rest
     * answered by the registry: for what it cannot give deterministically (timings, drift), and to
     * see what the commands asked.
     *
     * @param method the name of a {@link Diagnostics} method
     * @param answer given the call, its arguments and the registry's answer, what to answer
     *     instead, or null for the registry's answer
     */
    void answer(String method, ListenerCount.Replacement answer) {
        answers.put(method, answer);
    }

    /** @return how many status listeners the commands left registered */
    int listeners() {
        return listeners.open();
    }

    /** @return the framework the registry runs in */
    EmbeddedFelix felix() {
        return felix;
    }

    /** The context the commands share. */
    CommandContext context() {
        return ctx;
    }

    /** @return the bundle number of a sample, as a command argument */
    String bundle(String sample) {
        return Long.toString(bundleIds.get(sample));
    }

    /** @return the component as the registry has it now */
    RegistryEntry entry(String id) {
        return registry.getComponent(id);
    }

    /**
     * Installs a generated bundle (not started) and waits until the registry has it.
     *
     * @param bundle the bundle to build
     * @return its component id (its symbolic name)
     */
    String install(TestBundle.Builder bundle, String symbolicName) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(felix.storage().resolve("generated"));
        Path file = bundle.writeTo(folder.resolve(symbolicName + ".jar"));
        bundleIds.put(symbolicName, felix.install(file).getBundleId());
        await().atMost(WAIT).until(() -> registry.findComponent(symbolicName).isPresent());
        return symbolicName;
    }

    /**
     * Installs a bundle whose activator throws, and any number of bundles that require it.
     *
     * @param failing the symbolic name of the one that cannot start
     * @param dependents the symbolic names of bundles with {@code Require-Bundle: failing}
     */
    void failing(String failing, String... dependents) throws Exception {
        install(failingBundle(failing), failing);
        for (String dependent : dependents) {
            install(TestBundle.builder(dependent).version("1.0.0").requireBundle(failing), dependent);
        }
    }

    /**
     * @param symbolicName its name
     * @return a bundle whose activator throws
     */
    static TestBundle.Builder failingBundle(String symbolicName) {
        return TestBundle.builder(symbolicName)
                .version("1.0.0")
                .activator(FailingActivator.class)
                .importPackage("org.osgi.framework");
    }

    /** Sets a status through the registry's lifecycle view and waits for it. */
    ShellFixture status(String id, io.happyos.registry.ComponentStatus status) {
        join(registry.lifecycle().setComponentStatus(id, status));
        return this;
    }

    /** Activates a component (and what it needs) and waits for it. */
    ShellFixture activate(String id) {
        join(registry.activateComponent(id));
        return this;
    }

    /** Waits for a registry operation and returns its result. */
    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture()
                .orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }

    /** What was printed since the last call, and forgets it. */
    String output() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    /**
     * A pattern for output with parts that change from run to run: in {@code template},
     * {@code <time>} stands for an ISO-8601 instant, {@code <n>} for a whole number,
     * {@code <took>} for a duration as the commands print it ({@code 7.4 ms}) and {@code <pad>} for
     * the spaces that align a column after one of those; everything else is literal.
     *
     * @param template the expected output
     * @return the regular expression
     */
    static String pattern(String template) {
        StringBuilder regex = new StringBuilder();
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("<(time|n|took|pad)>").matcher(template);
        int last = 0;
        while (token.find()) {
            regex.append(java.util.regex.Pattern.quote(template.substring(last, token.start())));
            regex.append(
                    switch (token.group(1)) {
                        case "time" -> INSTANT;
                        case "n" -> "\\d+";
                        case "took" -> "\\d+(\\.\\d+)? (ns|us|ms|s|min|h)";
                        default -> " +";
                    });
            last = token.end();
        }
        return regex.append(java.util.regex.Pattern.quote(template.substring(last)))
                .toString();
    }

    /** What was printed, parsed as JSON. */
    Object json() {
        return MiniJson.parse(output());
    }
}
