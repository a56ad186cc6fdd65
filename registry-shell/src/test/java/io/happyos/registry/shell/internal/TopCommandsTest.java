package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    /** Activates the demo and gives it some history: accesses before the sample count in totals only. */
    private void busy() {
        shell.registry.activateComponent("calculator-skill");
        shell.registry.activateComponent("weather-skill");
        shell.registry.activationTime("logger", Duration.ofMillis(250));
        shell.registry.accesses("logger", 1000).accesses("weather-skill", 5);
        shell.registry.lifecycle().markComponentError("base-util", "flaky");
        shell.registry.status("base-util", ComponentStatus.ACTIVE);
    }

    @Test
    void onceSamplesTwiceAndOrdersByAccessRate() {
        busy();
        shell.pacer.then(() -> shell.registry
                .accesses("calculator-skill", 30)
                .accesses("weather-skill", 10)
                .accesses("logger", 10));
        shell.top.top(false, true, "10", "2000");
        assertThat(shell.output()).isEqualTo("""
                Top 5 of 5 components by accesses per second over 2.00 s
                ID                STATUS  ACCESSES/S  ACCESSES  ERRORS  ACTIVATION
                calculator-skill  ACTIVE  15.0        30        0       12.0 ms
                logger            ACTIVE  5.0         1010      0       250.0 ms
                weather-skill     ACTIVE  5.0         15        0       12.0 ms
                base-util         ACTIVE  0.0         0         1       12.0 ms
                config-manager    ACTIVE  0.0         0         0       12.0 ms
                """);
        assertThat(shell.pacer.pauses).containsExactly(Duration.ofMillis(2000));
    }

    @Test
    void countLimitsTheRowsAndNeverActivatedShowsADash() {
        shell.pacer.then(() -> shell.registry.accesses("logger", 3));
        shell.top.top(false, true, "1", "1000");
        assertThat(shell.output()).isEqualTo("""
                Top 1 of 5 components by accesses per second over 1.00 s
                ID      STATUS      ACCESSES/S  ACCESSES  ERRORS  ACTIVATION
                logger  REGISTERED  3.0         3         0       -
                """);
    }

    @Test
    void liveSamplesFollowOneAnotherUntilCtrlC() {
        busy();
        shell.terminal = true;
        shell.pacer.then(() -> shell.registry.accesses("logger", 100), () -> shell.registry.accesses("base-util", 50));
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
        shell.pacer.then(() -> shell.registry.accesses("logger", 5));
        shell.top.top(true, true, "2", "500");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json).containsEntry("at", "2025-01-02T03:04:05Z").containsEntry("intervalMs", 500.0);
        assertThat(json.get("components"))
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
                                0L,
                                "activationTimeMs",
                                250.0),
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
                                0L,
                                "activationTimeMs",
                                12.0)));
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
