package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.testing.EmbeddedFelix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands of API 1.1 (indexes, statistics, graph export, validation, batches, instances) in a
 * real Felix with the registry, Gogo runtime, this bundle and the five demo samples.
 */
class RegistryFeaturesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> DEMO =
            List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill");

    private ShellInFelix fixture;
    private EmbeddedFelix felix;
    private GogoSession shell;

    @BeforeEach
    void startFramework() throws Exception {
        fixture = ShellInFelix.start(DEMO);
        felix = fixture.felix;
        shell = fixture.shell;
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anIndexByBundleVendorFindsTheDemoSamples() throws Exception {
        assertThat(shell.ok("registry:index create vendor Bundle-Vendor"))
                .isEqualTo("Index vendor created: components by Bundle-Vendor\n");
        assertThat(ids(shell.ok("registry:index vendor HappyOS --json"))).containsExactlyInAnyOrderElementsOf(DEMO);
        assertThat(shell.ok("registry:index vendor HappyOS")).startsWith("ID ").contains("calculator-skill");
        assertThat(shell.ok("registry:index list")).isEqualTo("vendor\n");
        shell.ok("registry:index drop vendor");
        assertThat(shell.fails("registry:index vendor HappyOS")).contains("vendor");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthStatsAndPerfAreNumbers() throws Exception {
        Map<String, Object> health = (Map<String, Object>) MiniJson.parse(shell.ok("registry:health --json"));
        assertThat(health).containsKeys("total", "healthy", "error", "inactive", "healthPercentage");
        assertThat((Long) health.get("total")).isGreaterThanOrEqualTo(DEMO.size());
        assertThat(health.get("healthPercentage")).isInstanceOf(Number.class);
        assertThat(((Number) health.get("healthPercentage")).doubleValue()).isBetween(0.0, 1.0);

        Map<String, Object> stats = (Map<String, Object>) MiniJson.parse(shell.ok("registry:stats --json"));
        assertThat(stats.get("totalComponents")).isInstanceOf(Long.class);
        Map<String, Object> perf = (Map<String, Object>) MiniJson.parse(shell.ok("registry:perf --json"));
        assertThat(perf).containsKeys("activations", "meanActivationTimeMs", "p99ActivationTimeMs", "cacheHitRate");
        assertThat(perf.get("meanActivationTimeMs")).isInstanceOf(Number.class);
        assertThat(shell.ok("registry:health")).contains("Healthy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGraphOfCalculatorSkillHasItsEdgeToLogger() throws Exception {
        Map<String, Object> graph =
                (Map<String, Object>) MiniJson.parse(shell.ok("registry:graph --format json calculator-skill"));
        assertThat((List<Map<String, Object>>) graph.get("edges"))
                .anySatisfy(e ->
                        assertThat(e).containsEntry("from", "calculator-skill").containsEntry("to", "logger"));
        assertThat(shell.ok("registry:graph calculator-skill")).contains("calculator-skill", "logger");
        assertThat(shell.ok("registry:graph --format mermaid")).contains("weather-skill");
    }

    @Test
    @SuppressWarnings("unchecked")
    void validateReportsInactiveDependenciesWithoutFailing() throws Exception {
        String text = shell.ok("registry:validate calculator-skill");
        assertThat(text).contains("logger", "base-util", "NOT_ACTIVE");
        List<Map<String, Object>> problems =
                (List<Map<String, Object>>) MiniJson.parse(shell.ok("registry:validate calculator-skill --json"));
        assertThat(problems).extracting(p -> p.get("dependency")).contains("logger", "base-util");
        assertThat(problems).allSatisfy(p -> assertThat(p).containsKeys("dependency", "kind", "message"));
        assertThat(shell.fails("registry:validate nope")).contains("nope");
    }

    @Test
    void aBatchActivationSucceedsAndThenTheInstanceIsTheCalculatorService() throws Exception {
        String batch = shell.ok("registry:activate config-manager logger base-util");
        assertThat(batch)
                .startsWith("ID ")
                .contains("config-manager", "logger", "base-util")
                .doesNotContain("FAILED");
        assertThat(shell.ok("registry:info logger --json")).contains("\"status\":\"ACTIVE\"");

        shell.ok("registry:activate calculator-skill");
        String instance = shell.ok("registry:instance calculator-skill");
        assertThat(instance).contains("Class", "io.happyos.samples.calculator.internal.BinaryCalculator");
        assertThat(shell.ok("registry:instance calculator-skill --json"))
                .contains("\"class\":\"io.happyos.samples.calculator.internal.BinaryCalculator\"");
    }

    @Test
    void aBatchDeactivationAndStatusBatchReportEachComponent() throws Exception {
        shell.ok("registry:activate weather-skill");
        String json = shell.ok("registry:deactivate config-manager base-util --json");
        assertThat(json).contains("\"key\":\"weather-skill\"", "\"failed\":0");
        assertThat(shell.ok("registry:status weather-skill ACTIVE --json")).contains("\"failed\":0");
        assertThat(shell.ok("registry:info weather-skill --json")).contains("\"status\":\"ACTIVE\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void usageCountsTheShellsInstanceCallsAndDriftFindsTheDemosUnusedDependency() throws Exception {
        shell.ok("registry:activate calculator-skill");
        shell.ok("registry:instance calculator-skill");
        shell.ok("registry:instance calculator-skill");

        Map<String, Object> usage =
                (Map<String, Object>) MiniJson.parse(shell.ok("registry:usage calculator-skill --json"));
        assertThat((List<Map<String, Object>>) usage.get("consumers"))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .containsEntry("consumer", "io.happyos.registry.shell")
                        .containsEntry("instanceCalls", 2L)
                        .containsEntry("lookups", 0L));
        // the calculator's ServiceTracker looked the logger's service up and holds it
        assertThat(shell.ok("registry:usage logger")).containsPattern("calculator-skill +\\d+ +1 +0 +yes");

        Map<String, Object> drift = (Map<String, Object>) MiniJson.parse(shell.ok("registry:drift --json"));
        assertThat((List<Object>) drift.get("undeclared")).isEmpty();
        // calculator-skill requires base-util's capability but never obtains its NumberFormatter service
        assertThat((List<Map<String, Object>>) drift.get("unused"))
                .extracting(i -> i.get("consumer") + " -> " + i.get("component"))
                .containsExactly("calculator-skill -> base-util");
        assertThat((List<Map<String, Object>>) drift.get("neverUsed"))
                .extracting(i -> i.get("component"))
                .containsExactly("base-util");
        assertThat(shell.ok("registry:drift"))
                .contains(
                        "Declared but never used (1):", "calculator-skill -> base-util", "Used but not declared: none");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(String json) {
        return ((List<Map<String, Object>>) MiniJson.parse(json))
                .stream().map(e -> e.get("id")).toList();
    }
}
