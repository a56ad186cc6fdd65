package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.EmbeddedFramework;
import io.happyos.registry.testing.InjectFramework;
import io.happyos.registry.testing.InjectService;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * How Gogo binds command lines to the commands: options anywhere on the line, varargs, the session
 * parameter, failures. The registry is the real one, with its audit log; the tests that use the
 * demo install its samples ({@link #demo()}).
 */
@EmbeddedFramework(bundles = {"org.apache.felix.gogo.runtime.jar", "${it.shell.bundle}"})
class GogoBindingIT {

    @InjectFramework
    EmbeddedFelix felix;

    @InjectService
    DynamicRegistry registry;

    /** Bundle number of each sample, once installed. */
    private final Map<String, Long> bundleIds = new HashMap<>();

    private GogoSession shell;

    @BeforeEach
    void start() throws Exception {
        shell = GogoSession.open(felix.context(), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (shell != null) {
            shell.close();
        }
    }

    /** Installs the five demo samples (not started) and waits until the registry has them. */
    private void demo() throws Exception {
        for (Bundle b : felix.installSamples(ShellFixture.DEMO)) {
            bundleIds.put(b.getSymbolicName(), b.getBundleId());
        }
        await().atMost(ShellFixture.WAIT)
                .until(() -> ShellFixture.DEMO.stream()
                        .allMatch(s -> registry.findComponent(s).isPresent()));
    }

    /** @return the bundle number of a sample, as a command argument */
    private String bundle(String sample) {
        return Long.toString(bundleIds.get(sample));
    }

    /** Stops the registry core: its service goes away. */
    private void stopRegistry() throws Exception {
        for (Bundle b : felix.context().getBundles()) {
            if ("io.happyos.registry.core".equals(b.getSymbolicName())) {
                b.stop();
            }
        }
    }

    @Test
    void withoutARegistryEveryCommandSaysSo() throws Exception {
        stopRegistry();
        assertThat(shell.fails("registry:list")).contains(RegistryLookup.UNAVAILABLE);
        assertThat(shell.fails("registry:activate x")).contains(RegistryLookup.UNAVAILABLE);
    }

    @Test
    void optionsAreFoundAnywhereOnTheLine() throws Exception {
        demo();
        assertThat(size(shell.ok("registry:list --json"))).isEqualTo(5);
        // and the seven of the runtime: the framework, the core, Jackson, Caffeine, SQLite, Gogo, the shell
        assertThat(size(shell.ok("registry:list --all --json"))).isEqualTo(12);
        assertThat(size(shell.ok("registry:list --type skill --status registered --json")))
                .isEqualTo(2);
        assertThat(shell.ok("registry:info calculator-skill --json")).startsWith("{\"id\":\"calculator-skill\"");
        assertThat(shell.ok("registry:info --json " + bundle("calculator-skill")))
                .startsWith("{\"id\":\"calculator-skill\"");
        assertThat(shell.ok("registry:list")).startsWith("ID ");
    }

    @Test
    void varargsTakeSeveralIdsOrNone() throws Exception {
        demo();
        assertThat(size(shell.ok("registry:order --json"))).isEqualTo(12);
        assertThat(shell.ok("registry:order logger base-util"))
                .isEqualTo("1. base-util\n2. config-manager\n3. logger\n");
        assertThat(shell.ok("registry:activate weather-skill --json"))
                .startsWith("{\"activated\":[\"config-manager\",\"logger\",\"weather-skill\"]");
        assertThat(shell.ok("registry:activate base-util calculator-skill --json"))
                .endsWith(",\"succeeded\":4,\"failed\":0}\n");
        assertThat(shell.ok("registry:status logger ERROR base-util INACTIVE"))
                .contains("logger     DONE", "base-util  DONE");
        assertThat(shell.ok("registry:error logger 'disk full'"))
                .isEqualTo("logger ERROR (error recorded: disk full)\n");
        assertThat(shell.fails("registry:activate")).contains("at least one component");
    }

    @Test
    void failuresCarryTheRegistrysMessage() throws Exception {
        demo();
        assertThat(shell.fails("registry:info nope")).contains("no component with id 'nope'");
        assertThat(shell.fails("registry:depend config-manager calculator-skill"))
                .contains("circular dependency config-manager -> calculator-skill -> logger -> config-manager");
    }

    @Test
    void registerResolvesAgainstTheSessionDirectory(@TempDir Path dir) throws Exception {
        TestBundle.builder("extra").version("1.0.0").writeTo(dir.resolve("extra-1.0.jar"));
        shell.cd(dir);
        assertThat(shell.ok("registry:register extra-1.0.jar --json"))
                .isEqualTo("{\"id\":\"extra\",\"status\":\"REGISTERED\"}\n");
        assertThat(registry.getComponent("extra").component().path())
                .isEqualTo(dir.resolve("extra-1.0.jar").toString());
    }

    @Test
    void everyCommandIsPublishedInTheRegistryScope() throws Exception {
        List<String> functions = new ArrayList<>();
        for (ServiceReference<?> ref : felix.context().getAllServiceReferences(null, "(osgi.command.scope=registry)")) {
            functions.addAll(List.of((String[]) ref.getProperty("osgi.command.function")));
        }
        assertThat(functions)
                .containsExactlyInAnyOrder(
                        "install",
                        "provision",
                        "sets",
                        "unprovision",
                        "settings",
                        "list",
                        "info",
                        "register",
                        "unregister",
                        "error",
                        "clear",
                        "activate",
                        "deactivate",
                        "status",
                        "order",
                        "deps",
                        "dependents",
                        "depend",
                        "undepend",
                        "cycles",
                        "instance",
                        "cache",
                        "index",
                        "health",
                        "stats",
                        "perf",
                        "graph",
                        "validate",
                        "history",
                        "rollback",
                        "impact",
                        "audit",
                        "why",
                        "tree",
                        "events",
                        "watch",
                        "top",
                        "usage",
                        "drift",
                        "resources",
                        "quota",
                        "advise",
                        "complete");
    }

    @Test
    void completeOffersCommandNamesFromGogoAndIdsFromTheRegistry() throws Exception {
        demo();
        assertThat(shell.evaluate("registry:complete 'registry:act'")).isEqualTo(List.of("registry:activate"));
        assertThat(shell.evaluate("registry:complete registry:info calc")).isEqualTo(List.of("calculator-skill"));
        assertThat(shell.evaluate("registry:complete 'registry:list --st'")).isEqualTo(List.of("--status"));
        // gogo's own commands are offered too: they come from the session, not from a list of ours
        assertThat(shell.evaluate("registry:complete 'osgi:ev'")).isEqualTo(List.of("osgi:eval"));
        assertThat(shell.evaluate("registry:complete 'ev'"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("eval");
        assertThat(shell.ok("registry:complete 'registry:info w'")).isEmpty();
    }

    @Test
    void completeWithoutARegistryStillOffersCommands() throws Exception {
        demo();
        stopRegistry();
        assertThat(shell.evaluate("registry:complete 'registry:dep'"))
                .isEqualTo(List.of("registry:depend", "registry:dependents", "registry:deps"));
        assertThat(shell.evaluate("registry:complete 'registry:info '")).isEqualTo(List.of());
    }

    @Test
    void optionsWithValuesAndSubCommandsBind(@TempDir Path dir) throws Exception {
        demo();
        assertThat(shell.ok("registry:activate --retry 3 --backoff 250ms logger"))
                .isEqualTo("logger ACTIVE (activated: config-manager, logger)\n");
        // the policy reaches the registry: 3 attempts, the second 250 ms after the first
        felix.install(ShellFixture.failingBundle("flaky").writeTo(dir.resolve("flaky.jar")));
        await().atMost(ShellFixture.WAIT)
                .until(() -> registry.findComponent("flaky").isPresent());
        assertThat(shell.fails("registry:activate --retry 3 --backoff 250ms flaky"))
                .contains("flaky");
        List<ErrorRecord> attempts = registry.getComponent("flaky").errorHistory();
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(250))
                .isLessThan(Duration.ofMillis(500));
        assertThat(shell.ok("registry:graph --format mermaid weather-skill")).startsWith("flowchart LR");
        assertThat(shell.ok("registry:graph weather-skill")).startsWith("digraph");
        assertThat(shell.fails("registry:graph --format svg"))
                .contains("--format must be one of dot, mermaid, json; got 'svg'");
        assertThat(shell.ok("registry:cache enable 10 30s --json")).isEqualTo("{\"maxSize\":10,\"ttlMs\":30000}\n");
        assertThat(shell.ok("registry:instance logger --json")).startsWith("{\"id\":\"logger\",\"class\":");
        assertThat(shell.ok("registry:cache cleanup logger --json")).isEqualTo("{\"disposed\":[\"logger\"]}\n");
        shell.ok("registry:index create vendor Bundle-Vendor");
        assertThat(shell.ok("registry:index list --json")).isEqualTo("[\"vendor\"]\n");
        // the samples' manifests say Bundle-Vendor: HappyOS
        assertThat(((List<?>) MiniJson.parse(shell.ok("registry:index vendor HappyOS --json")))
                        .stream().map(e -> ((Map<?, ?>) e).get("id")).toList())
                .isEqualTo(ShellFixture.DEMO.stream().sorted().toList());
        assertThat(shell.ok("registry:health --json")).startsWith("{\"total\":13,");
        assertThat(shell.ok("registry:validate weather-skill --json")).isEqualTo("[]\n");
        assertThat(shell.ok("registry:audit --component " + bundleIds.get("flaky")
                        + " --failed --since 2025-01-01T00:00:00Z --limit 5 --json"))
                .startsWith("[{\"sequence\":")
                .contains("\"actor\":\"shell\"", "\"component\":\"flaky\"", "\"ok\":false");
        assertThat(shell.ok("registry:audit --limit 1"))
                .startsWith("TIME ")
                .contains("shell", "validate", "weather-skill", " ok");
        assertThat(shell.fails("registry:audit --since soon")).contains("bad --since 'soon'");
        assertThat(shell.ok("registry:usage --json " + bundle("logger")))
                .startsWith("{\"id\":\"logger\",\"observedSince\":");
        assertThat(shell.ok("registry:drift --json"))
                .startsWith("{\"observedSince\":")
                .contains("\"neverUsed\":[]");
        assertThat(shell.fails("registry:usage nope")).contains("no component with id 'nope'");
    }

    @Test
    void badQuotaInputFailsTheCommandWithTheApisMessage() throws Exception {
        assertThat(shell.fails("registry:quota set global max-fun 3"))
                .contains("no quota limit is called 'max-fun'; the limits are max-components");
        assertThat(shell.fails("registry:quota set type: max-active 3")).contains("'type:' is not a quota scope");
        assertThat(shell.fails("registry:quota set global max-active 3 --grace 5s"))
                .contains("--grace applies to calls-per-second");
        assertThat(shell.fails("registry:resources --on --off")).contains("give --on or --off alone");
    }

    @Test
    void quotaResourcesAndAdviseBindTheirOptions() throws Exception {
        demo();
        assertThat(shell.ok("registry:quota set weather-skill max-threads 4 --enforce --grace 30s --json"))
                .isEqualTo("{\"scope\":\"weather-skill\",\"limit\":\"max-threads\",\"value\":4,\"valueText\":\"4\","
                        + "\"unit\":\"threads\",\"enforce\":true,\"graceMs\":30000}\n");
        assertThat(shell.ok("registry:quota list --json")).startsWith("{\"quotas\":[{\"scope\":\"weather-skill\"");
        assertThat(shell.ok("registry:quota remove weather-skill max-threads --json"))
                .isEqualTo("{\"removed\":true}\n");
        assertThat(shell.ok("registry:resources --json " + bundle("logger"))).startsWith("{\"id\":\"logger\",");
        assertThat(shell.ok("registry:resources")).startsWith("ID ");
        assertThat(shell.ok("registry:advise --json")).startsWith("[");
    }

    @Test
    void theLiveViewsAndTheTreeBind() throws Exception {
        demo();
        shell.ok("registry:activate weather-skill");
        assertThat(shell.ok("registry:tree --reverse --depth 1 config-manager"))
                .startsWith("config-manager ACTIVE\n")
                .contains("logger ACTIVE  via Import-Package io.happyos.samples.config");
        assertThat(shell.ok("registry:tree " + bundle("weather-skill") + " --json"))
                .startsWith("{\"id\":\"weather-skill\",\"status\":\"ACTIVE\"");
        assertThat(shell.ok("registry:events --count 2 --json"))
                .matches("(?s)\\[\\{\"sequence\":\\d+,\"id\":\"logger\".*");
        assertThat(shell.ok("registry:events --follow --for 100ms --count 1"))
                .endsWith("weather-skill  REGISTERED " + "\u2192 ACTIVE\n".replace("\u2192", arrow()));
        assertThat(shell.ok("registry:watch --once logger"))
                .startsWith("Registry at ")
                .contains("logger  service  ACTIVE");
        assertThat(shell.ok("registry:top --once --interval 50 --count 2 --json"))
                .startsWith("{\"at\":")
                .contains("\"components\":[{");
        assertThat(shell.ok("registry:graph --json logger")).startsWith("{\"nodes\":");
        assertThat(shell.fails("registry:top --interval 5"))
                .contains("--interval (milliseconds) must be a whole number of at least 50");
    }

    @Test
    void badOptionValuesFailWithOneLineNamingTheOptionAndWhatItTakes() throws Exception {
        demo();
        String wholeNumber =
                "java.lang.IllegalArgumentException: registry:%s: %s must be a whole number %s, got '%s'\n";
        assertThat(shell.fails("registry:tree logger --depth x"))
                .isEqualTo(wholeNumber.formatted("tree", "--depth", "of at least 1", "x"));
        assertThat(shell.fails("registry:audit --limit many"))
                .isEqualTo(wholeNumber.formatted("audit", "--limit", "of at least 1", "many"));
        assertThat(shell.fails("registry:events --count x"))
                .isEqualTo(wholeNumber.formatted("events", "--count", "from 1 to 1000", "x"));
        assertThat(shell.fails("registry:top --once --count x"))
                .isEqualTo(wholeNumber.formatted("top", "--count", "of at least 1", "x"));
        assertThat(shell.fails("registry:top --once --interval 1s"))
                .isEqualTo(wholeNumber.formatted("top", "--interval (milliseconds)", "of at least 50", "1s"));
        assertThat(shell.fails("registry:watch --once --interval x"))
                .isEqualTo(wholeNumber.formatted("watch", "--interval (milliseconds)", "of at least 50", "x"));
        assertThat(shell.fails("registry:activate --retry x logger"))
                .isEqualTo(wholeNumber.formatted("activate", "--retry", "of at least 0", "x"));
        String statuses = "DISCOVERED, REGISTERED, ACTIVE, INACTIVE, ERROR";
        assertThat(shell.fails("registry:list --status BOGUS"))
                .isEqualTo("java.lang.IllegalArgumentException: " + "registry:list: --status must be one of " + statuses
                        + "; got 'BOGUS'\n");
        assertThat(shell.fails("registry:status logger BOGUS"))
                .isEqualTo("java.lang.IllegalArgumentException: "
                        + "registry:status: the status of logger must be one of " + statuses + "; got 'BOGUS'\n");
        assertThat(shell.fails("registry:graph --format bogus"))
                .isEqualTo("java.lang.IllegalArgumentException: "
                        + "registry:graph: --format must be one of dot, mermaid, json; got 'bogus'\n");
        assertThat(shell.fails("registry:events --follow --for 99999999999999999999s"))
                .isEqualTo("java.lang.IllegalArgumentException: bad --for '99999999999999999999s': give "
                        + DurationText.FORMS + "\n");
    }

    /** The arrow between statuses: what the output's character set can show (the test JVM's default). */
    private static String arrow() {
        return java.nio.charset.Charset.defaultCharset()
                        .newEncoder()
                        .canEncode("\u251c\u2500\u2514\u2502\u21ba\u2192\u2588\u2591")
                ? "\u2192"
                : "->";
    }

    @Test
    void gogoHelpShowsTheDescriptionsAndTheExample() throws Exception {
        felix.installRuntime(EmbeddedFelix.itBundle("org.apache.felix.gogo.command.jar"))
                .start();
        // Gogo's help returns its text, which the console prints
        String help = shell.value("help registry:tree");
        assertThat(help)
                .contains(
                        "show a component's dependencies as a tree",
                        "Example: registry:tree logger --reverse",
                        "--reverse",
                        "show what depends on the component instead of what it depends on",
                        "--depth",
                        "unfold at most N levels below the component",
                        "the component's id, name or bundle number");
        assertThat(shell.value("help registry:events"))
                .contains("Example: registry:events --follow --for 10m", "--follow", "--for");
    }

    private static int size(String json) {
        return ((List<?>) MiniJson.parse(json)).size();
    }
}
