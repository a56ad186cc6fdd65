package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.happyos.registry.PerformanceMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Numbers of the real registry: the five demo samples and the five components of the runtime
 * (the framework, the registry core, Jackson, Caffeine, SQLite), which are ACTIVE.
 */
class StatsCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    @Test
    void healthCountsAndPercentage() {
        ShellFixture.join(shell.registry.lifecycle().markComponentError("logger", "disk full"));
        shell.activate("base-util");
        ShellFixture.join(shell.registry.deactivateComponent("base-util"));
        shell.stats.health(false);
        assertThat(shell.output()).isEqualTo("""
                Components    10
                Healthy       8 (80.0%)
                In error      1
                Inactive      1
                Down          0
                Over a quota  0
                """);
        shell.stats.health(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsEntry("total", 10L)
                .containsEntry("healthy", 8L)
                .containsEntry("error", 1L)
                .containsEntry("inactive", 1L)
                .containsEntry("down", 0L)
                .containsKey("healthPercentage");
        assertThat((Double) json.get("healthPercentage")).isCloseTo(8 / 10.0, offset(1e-9));
        assertThat(json).containsEntry("overQuota", java.util.List.of());
    }

    @Test
    void statsShowUsage() {
        shell.stats.stats(true);
        Map<String, Object> expected = new HashMap<>(
                Map.of("totalComponents", 10L, "activeComponents", 5L, "totalAccesses", 0L, "averageAccesses", 0.0));
        expected.put("mostAccessed", null);
        assertThat(shell.json()).isEqualTo(expected);
        shell.activate("logger");
        shell.registry.getComponentInstance("logger");
        shell.registry.getComponentInstance("logger");
        shell.registry.getComponentInstance("logger");
        shell.registry.getComponentInstance("config-manager");
        shell.stats.stats(false);
        assertThat(shell.output()).isEqualTo("""
                Components        10
                Active            7
                Accesses          4
                Average accesses  0.40
                Most accessed     logger
                """);
    }

    @Test
    void perfShowsWhatTheRegistryMeasured() {
        shell.activate("weather-skill");
        shell.stats.perf(false);
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Activations      3 (0 failed)
                Activation time  mean <took>, p50 <took>, p99 <took>, max <took>
                Lookups          0 (mean 0 us)
                Cache hit rate   0.0%
                Operations       1 (0 failed)
                """));
    }

    /** Timings are the registry's measurements: fixed ones show how each is printed. */
    @Test
    void perfPrintsDurationsForPeopleAndMillisecondsInJson() {
        shell.answer(
                "getPerformanceMetrics",
                (method, args, measured) -> new PerformanceMetrics(
                        12,
                        1,
                        Duration.ofNanos(2_500_000),
                        Duration.ofMillis(2),
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(2),
                        40,
                        Duration.ofNanos(80_000),
                        0.75,
                        30,
                        2));
        shell.stats.perf(false);
        assertThat(shell.output()).isEqualTo("""
                Activations      12 (1 failed)
                Activation time  mean 2.5 ms, p50 2.0 ms, p99 1.50 s, max 2.00 s
                Lookups          40 (mean 80 us)
                Cache hit rate   75.0%
                Operations       30 (2 failed)
                """);
        shell.stats.perf(true);
        assertThat(shell.json())
                .isEqualTo(Map.ofEntries(
                        Map.entry("activations", 12L),
                        Map.entry("activationFailures", 1L),
                        Map.entry("meanActivationTimeMs", 2.5),
                        Map.entry("p50ActivationTimeMs", 2.0),
                        Map.entry("p99ActivationTimeMs", 1500.0),
                        Map.entry("maxActivationTimeMs", 2000.0),
                        Map.entry("lookups", 40L),
                        Map.entry("meanLookupTimeMs", 0.08),
                        Map.entry("cacheHitRate", 0.75),
                        Map.entry("operations", 30L),
                        Map.entry("operationFailures", 2L)));
    }
}
