package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** top over the real registry: the accesses are real instance calls, made during the pacer's pauses. */
class TopCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /** Gets a component's instance from the registry, as often as said. */
    private void access(String id, int times) {
        for (int i = 0; i < times; i++) {
            shell.registry.getComponentInstance(id);
        }
    }

    /**
     * Activates the demo and gives it some history: accesses before the sample count in totals only;
     * base-util was in error once.
     */
    private void busy() {
        shell.activate("calculator-skill").activate("weather-skill");
        access("logger", 1000);
        access("weather-skill", 5);
        ShellFixture.join(shell.registry.lifecycle().markComponentError("base-util", "flaky"));
        ShellFixture.join(shell.registry.lifecycle().clearComponentError("base-util"));
    }

    @Test
    void onceSamplesTwiceAndOrdersByAccessRate() {
        busy();
        shell.pacer.then(() -> {
            access("calculator-skill", 30);
            access("weather-skill", 10);
            access("logger", 10);
        });
        shell.top.top(false, true, "10", "2000");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Top 5 of 5 components by accesses per second over 2.00 s
                ID                STATUS  ACCESSES/S  ACCESSES  ERRORS  ACTIVATION
                calculator-skill  ACTIVE  15.0        30        0       <took>
                logger            ACTIVE  5.0         1010      0       <took>
                weather-skill     ACTIVE  5.0         15        0       <took>
                base-util         ACTIVE  0.0         0         1       <took>
                config-manager    ACTIVE  0.0         0         0       <took>
                """));
        assertThat(shell.pacer.pauses).containsExactly(Duration.ofMillis(2000));
    }

    @Test
    void countLimitsTheRowsAndNeverActivatedShowsADash() {
        shell.pacer.then(() -> {
            shell.activate("logger");
            access("logger", 3);
            ShellFixture.join(shell.registry.deactivateComponent("logger"));
        });
        shell.top.top(false, true, "1", "1000");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Top 1 of 5 components by accesses per second over 1.00 s
                ID      STATUS    ACCESSES/S  ACCESSES  ERRORS  ACTIVATION
                logger  INACTIVE  3.0         3         0       <took>
                """));
        // weather-skill was never activated
        shell.pacer.idle(1);
        shell.top.top(false, true, "5", "1000");
        assertThat(shell.output()).contains("weather-skill     REGISTERED  0.0         0         0       -\n");
    }

    @Test
    void liveSamplesFollowOneAnotherUntilCtrlC() {
        busy();
        shell.terminal = true;
        shell.pacer.then(() -> access("logger", 100), () -> access("base-util", 50));
        shell.top.top(false, false, "1", "1000");
        String out = shell.output();
        String clear = "\u001b[H\u001b[2J";
        String[] frames = out.split(java.util.regex.Pattern.quote(clear), -1);
        assertThat(frames).hasSize(3);
        assertThat(Ansi.strip(frames[1])).contains("(Ctrl-C to stop)", "logger  ACTIVE  100.0");
        // the second sample starts where the first ended: the logger's accesses are not counted again
        assertThat(Ansi.strip(frames[2])).contains("base-util  ACTIVE  50.0");
        assertThat(frames[2]).contains("\u001b[32mACTIVE\u001b[0m");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void jsonHasTheNumbers() {
        busy();
        shell.fixedNow = Instant.parse("2025-01-02T03:04:05Z");
        shell.pacer.then(() -> access("logger", 5));
        shell.top.top(true, true, "2", "500");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json).containsEntry("at", "2025-01-02T03:04:05Z").containsEntry("intervalMs", 500.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components)
                .extracting(c -> c.get("activationTimeMs"))
                .allSatisfy(ms -> assertThat((Double) ms).isPositive());
        assertThat(components)
                .extracting(c -> withoutActivationTime(c))
                .isEqualTo(List.of(
                        Map.of(
                                "id",
                                "logger",
                                "status",
                                "ACTIVE",
                                "accessesPerSecond",
                                10.0,
                                "accesses",
                                1005L,
                                "errors",
                                0L),
                        Map.of(
                                "id",
                                "weather-skill",
                                "status",
                                "ACTIVE",
                                "accessesPerSecond",
                                0.0,
                                "accesses",
                                5L,
                                "errors",
                                0L)));
        assertThat(components.get(0))
                .containsOnlyKeys("id", "status", "accessesPerSecond", "accesses", "errors", "activationTimeMs");
    }

    private static Map<String, Object> withoutActivationTime(Map<String, Object> component) {
        Map<String, Object> rest = new java.util.HashMap<>(component);
        rest.remove("activationTimeMs");
        return rest;
    }

    @Test
    void ctrlCBeforeTheFirstSampleEndsQuietly() {
        shell.top.top(false, true, "10", "1000");
        assertThat(shell.output()).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void badOptionsSayWhatToDo() {
        assertThatThrownBy(() -> shell.top.top(false, true, "0", "1000"))
                .hasMessage("registry:top: --count must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> shell.top.top(false, true, "5", "20"))
                .hasMessage("registry:top: --interval (milliseconds) must be a whole number of at least 50, got '20'");
    }
}
