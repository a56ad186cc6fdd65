package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LifecycleCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    @Test
    void activateSaysWhatItActivatedInOrder() {
        shell.lifecycle.activate(false, "0", "", "calculator-skill");
        assertThat(shell.output())
                .isEqualTo(
                        "calculator-skill ACTIVE (activated: base-util, config-manager, logger, calculator-skill)\n");
        shell.lifecycle.activate(false, "0", "", shell.bundle("calculator-skill"));
        assertThat(shell.output()).isEqualTo("calculator-skill ACTIVE (already active)\n");
    }

    @Test
    void activateJsonListsChangesAndStatuses() {
        shell.lifecycle.activate(true, "0", "", "weather-skill");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "activated", List.of("config-manager", "logger", "weather-skill"),
                        "components", List.of(Map.of("id", "weather-skill", "status", "ACTIVE"))));
    }

    @Test
    void aFailedActivationFailsTheCommandWithTheRegistrysMessage() throws Exception {
        shell.failing("flaky", "needs-flaky");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "needs-flaky"))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessage(
                        "cannot activate needs-flaky: its dependency flaky failed to start: Activator start error in "
                                + "bundle flaky [" + shell.bundle("flaky")
                                + "].: IllegalStateException: its activator threw");
    }

    @Test
    void activateNeedsAnId() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", ""))
                .hasMessageContaining("at least one component");
        assertThatThrownBy(() -> shell.lifecycle.status(false)).hasMessageContaining("pairs of component and status");
    }

    @Test
    void activateChecksEveryIdBeforeDoingAnything() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "logger", "nope"))
                .hasMessageContaining("'nope'");
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.REGISTERED);
    }

    @Test
    void deactivateStopsDependentsFirstAndSaysSo() {
        shell.lifecycle.activate(false, "0", "", "calculator-skill", "weather-skill");
        shell.output();
        shell.lifecycle.deactivate(false, "logger");
        assertThat(shell.output())
                .isEqualTo("logger INACTIVE (deactivated: weather-skill, calculator-skill, logger)\n");
        shell.lifecycle.deactivate(true, "logger");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "deactivated", List.of(), "components", List.of(Map.of("id", "logger", "status", "INACTIVE"))));
    }

    @Test
    void retryActivatesWithExponentialBackoff() throws Exception {
        shell.lifecycle.activate(false, "3", "500ms", "logger");
        assertThat(shell.output()).isEqualTo("logger ACTIVE (activated: config-manager, logger)\n");
        shell.lifecycle.activate(false, "2", "PT2M", "weather-skill");
        assertThat(shell.output()).isEqualTo("weather-skill ACTIVE (activated: weather-skill)\n");

        // the policy reaches the registry: 3 attempts, 200 ms then 400 ms apart, each in the error history
        shell.failing("flaky");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "3", "200ms", "flaky"))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("flaky");
        List<ErrorRecord> attempts = shell.entry("flaky").errorHistory();
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200))
                .isLessThan(Duration.ofMillis(400));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void retryOptionsAreChecked() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "2", "", "logger", "base-util"))
                .hasMessageContaining("--retry works with one component");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "2s", "logger"))
                .hasMessageContaining("--backoff works only with --retry");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "2", "soon", "logger"))
                .hasMessage("bad backoff 'soon': give " + DurationText.FORMS);
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.REGISTERED);
    }

    @Test
    void severalIdsRunAsABatchWithOneLinePerComponent() {
        shell.activate("config-manager");
        shell.lifecycle.activate(false, "0", "", "logger", "weather-skill");
        assertThat(shell.output()).isEqualTo("""
                ID              OUTCOME    MESSAGE
                config-manager  UNCHANGED  -
                logger          DONE       -
                weather-skill   DONE       -
                """);
        assertThat(shell.registry.getComponent("weather-skill").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void batchJsonHasItemsAndCounts() {
        shell.lifecycle.activate(true, "0", "", "logger", "weather-skill");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "items",
                        List.of(
                                item("config-manager", "DONE", null),
                                item("logger", "DONE", null),
                                item("weather-skill", "DONE", null)),
                        "succeeded",
                        3L,
                        "failed",
                        0L));
        shell.lifecycle.deactivate(true, "config-manager", "base-util");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        // only what is active is in the batch: calculator-skill was never activated
        assertThat(json)
                .containsEntry(
                        "items",
                        List.of(
                                item("weather-skill", "DONE", null),
                                item("logger", "DONE", null),
                                item("config-manager", "DONE", null),
                                item("base-util", "UNCHANGED", null)))
                .containsEntry("succeeded", 4L)
                .containsEntry("failed", 0L);
        assertThat(shell.registry.getComponent("config-manager").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    @Test
    void aBatchWithFailuresPrintsItsTableThenFailsNamingThem() throws Exception {
        shell.failing("flaky", "needs-flaky", "needs-flaky-too");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "needs-flaky", "needs-flaky-too", "logger"))
                .isInstanceOf(RegistryException.class)
                .hasMessage(
                        "3 of 5 components failed: flaky (flaky failed to start: Activator start error in bundle "
                                + "flaky [" + shell.bundle("flaky")
                                + "].: IllegalStateException: its activator threw), needs-flaky "
                                + "(skipped: its dependency flaky failed), needs-flaky-too (skipped: its dependency flaky failed)");
        assertThat(shell.output())
                .contains(
                        "logger           DONE",
                        "flaky            FAILED   flaky failed to start",
                        "needs-flaky      SKIPPED  its dependency flaky failed");
    }

    @Test
    void aLongBatchOnATerminalRedrawsOneProgressBarAndRemovesItsCallback() {
        shell.terminal = true;
        shell.lifecycle.activate(
                false, "0", "", "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        String out = shell.output();
        String redraw = "\r\u001b[K";
        // one line, redrawn: an empty bar first, then one per component, then cleared for the table
        // 80 columns: 32 cells, after the counts' and the item's room
        assertThat(out).startsWith("[" + "\u2591".repeat(32) + "] 0/5");
        assertThat(out.split("\\r\u001b\\[K", -1)).hasSize(7);
        // base-util and config-manager start in parallel: either may come first
        assertThat(out)
                .containsPattern(java.util.regex.Pattern.quote(redraw + "[\u001b[32m" + "\u2588".repeat(6) + "\u001b[0m"
                                + "\u2591".repeat(26) + "] 1/5 ")
                        + "(base-util|config-manager) ACTIVE");
        assertThat(out).containsPattern("\\] 5/5 (weather|calculator)-skill ACTIVE\r\u001b\\[K");
        assertThat(out).doesNotContain("[1/5]", "\n[");
        String table = out.substring(out.lastIndexOf(redraw) + redraw.length());
        assertThat(Ansi.strip(table)).startsWith("ID ").contains("weather-skill     DONE");
        assertThat(shell.listeners()).isZero();

        shell.lifecycle.deactivate(false, "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(shell.output()).contains("] 5/5 ").contains("INACTIVE");
    }

    @Test
    void onATerminalThatCannotRedrawEachComponentGetsALine() {
        shell.terminal = true;
        shell.env.put("TERM", "dumb");
        shell.lifecycle.activate(
                false, "0", "", "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        List<String> lines = shell.output().lines().toList();
        // the two skills start in parallel once logger is up: either may come first
        // so do base-util and config-manager
        assertThat(lines.subList(0, 2)).containsAnyOf("[1/5] base-util ACTIVE", "[1/5] config-manager ACTIVE");
        assertThat(lines.subList(0, 2).stream().map(l -> l.substring(6)).toList())
                .containsExactlyInAnyOrder("base-util ACTIVE", "config-manager ACTIVE");
        assertThat(lines.get(1)).startsWith("[2/5] ");
        assertThat(lines.get(2)).isEqualTo("[3/5] logger ACTIVE");
        assertThat(lines.get(3)).startsWith("[4/5] ");
        assertThat(lines.get(4)).startsWith("[5/5] ");
        assertThat(lines.subList(3, 5).stream().map(l -> l.substring(6)).toList())
                .containsExactlyInAnyOrder("calculator-skill ACTIVE", "weather-skill ACTIVE");
        assertThat(lines.get(5)).startsWith("ID ");
        assertThat(shell.listeners()).isZero();
    }

    @Test
    void noProgressInJsonOrWhenNotOnATerminal() {
        shell.lifecycle.activate(
                false, "0", "", "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(shell.output()).startsWith("ID ").doesNotContain("[1/5]");
        shell.terminal = true;
        shell.lifecycle.deactivate(true, "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(shell.json()).isInstanceOf(Map.class);
    }

    @Test
    void statusSetsSeveralStatusesAsABatch() {
        shell.activate("calculator-skill");
        shell.lifecycle.status(false, "logger", "error", shell.bundle("calculator-skill"), "INACTIVE");
        assertThat(shell.output()).isEqualTo("""
                ID                OUTCOME  MESSAGE
                logger            DONE     -
                calculator-skill  DONE     -
                """);
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(shell.registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    @Test
    void statusInactiveOfAComponentNeverActiveSaysItStaysRegistered() {
        shell.activate("logger");
        shell.lifecycle.status(false, "weather-skill", "INACTIVE", "logger", "INACTIVE");
        assertThat(shell.output()).isEqualTo("""
                ID             OUTCOME    MESSAGE
                weather-skill  UNCHANGED  stays REGISTERED: it was never active, so there is nothing to deactivate
                logger         DONE       -
                """);
        assertThat(shell.registry.getComponent("weather-skill").status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    @Test
    void statusReportsWhatFailedAndFails() {
        shell.activate("logger");
        assertThatThrownBy(() -> shell.lifecycle.status(true, "logger", "registered", "base-util", "ERROR"))
                .hasMessage(
                        "1 of 2 components failed: logger (the status of logger follows its bundle: REGISTERED cannot "
                                + "be set by hand; deactivate it (INACTIVE) or unregister it instead)");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "items",
                        List.of(
                                item(
                                        "logger",
                                        "FAILED",
                                        "the status of logger follows its bundle: REGISTERED cannot be set by hand; "
                                                + "deactivate it (INACTIVE) or unregister it instead"),
                                item("base-util", "DONE", null)),
                        "succeeded",
                        1L,
                        "failed",
                        1L));
    }

    @Test
    void statusChecksItsArguments() {
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger")).hasMessageContaining("pairs");
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger", "sleepy"))
                .hasMessageStartingWith("registry:status: the status of logger must be one of DISCOVERED, ")
                .hasMessageEndingWith("; got 'sleepy'");
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger", "ERROR", shell.bundle("logger"), "ACTIVE"))
                .hasMessage("logger is given twice: give one status per component");
        assertThatThrownBy(() -> shell.lifecycle.status(false, "nope", "ERROR")).hasMessageContaining("'nope'");
    }

    private static Map<String, Object> item(String id, String outcome, String message) {
        Map<String, Object> item = new HashMap<>();
        item.put("key", id);
        item.put("id", id);
        item.put("outcome", outcome);
        item.put("message", message);
        return item;
    }
}
