package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.RetryPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleCommandsTest {

    private final ShellFixture shell = new ShellFixture();

    @Test
    void activateSaysWhatItActivatedInOrder() {
        shell.lifecycle.activate(false, "0", "", "calculator-skill");
        assertThat(shell.output()).isEqualTo(
                "calculator-skill ACTIVE (activated: base-util, config-manager, logger, calculator-skill)\n");
        shell.lifecycle.activate(false, "0", "", "6");
        assertThat(shell.output()).isEqualTo("calculator-skill ACTIVE (already active)\n");
        assertThat(shell.registry.lastRetryPolicy).isNull();
    }

    @Test
    void activateJsonListsChangesAndStatuses() {
        shell.lifecycle.activate(true, "0", "", "weather-skill");
        assertThat(shell.json()).isEqualTo(Map.of(
                "activated", List.of("config-manager", "logger", "weather-skill"),
                "components", List.of(Map.of("id", "weather-skill", "status", "ACTIVE"))));
    }

    @Test
    void aFailedActivationFailsTheCommandWithTheRegistrysMessage() {
        shell.registry.failing("logger");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "calculator-skill"))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessage("cannot activate logger: its activator threw; see registry:info logger");
    }

    @Test
    void activateNeedsAnId() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "")).hasMessageContaining("at least one component");
        assertThatThrownBy(() -> shell.lifecycle.status(false)).hasMessageContaining("pairs of component and status");
    }

    @Test
    void activateChecksEveryIdBeforeDoingAnything() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "logger", "nope")).hasMessageContaining("'nope'");
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.REGISTERED);
    }

    @Test
    void deactivateStopsDependentsFirstAndSaysSo() {
        shell.lifecycle.activate(false, "0", "", "calculator-skill", "weather-skill");
        shell.output();
        shell.lifecycle.deactivate(false, "logger");
        assertThat(shell.output()).isEqualTo(
                "logger INACTIVE (deactivated: weather-skill, calculator-skill, logger)\n");
        shell.lifecycle.deactivate(true, "logger");
        assertThat(shell.json()).isEqualTo(Map.of("deactivated", List.of(),
                "components", List.of(Map.of("id", "logger", "status", "INACTIVE"))));
    }

    @Test
    void retryActivatesWithExponentialBackoff() {
        shell.lifecycle.activate(false, "3", "500ms", "logger");
        assertThat(shell.output()).isEqualTo("logger ACTIVE (activated: config-manager, logger)\n");
        assertThat(shell.registry.lastRetryPolicy).isEqualTo(RetryPolicy.exponential(3, Duration.ofMillis(500)));
        shell.lifecycle.activate(false, "2", "", "base-util");
        assertThat(shell.registry.lastRetryPolicy).isEqualTo(RetryPolicy.exponential(2, Duration.ofSeconds(1)));
        shell.lifecycle.activate(false, "2", "PT2M", "weather-skill");
        assertThat(shell.registry.lastRetryPolicy).isEqualTo(RetryPolicy.exponential(2, Duration.ofMinutes(2)));
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
        shell.registry.status("config-manager", ComponentStatus.ACTIVE);
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
        assertThat(shell.json()).isEqualTo(Map.of(
                "items", List.of(item("config-manager", "DONE", null), item("logger", "DONE", null),
                        item("weather-skill", "DONE", null)),
                "succeeded", 3L, "failed", 0L));
        shell.lifecycle.deactivate(true, "config-manager", "base-util");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json).containsEntry("succeeded", 5L).containsEntry("failed", 0L);
        assertThat(shell.registry.getComponent("config-manager").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    @Test
    void aBatchWithFailuresPrintsItsTableThenFailsNamingThem() {
        shell.registry.failing("logger");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "0", "", "calculator-skill", "weather-skill"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("3 of 5 components failed: logger (its activator threw), calculator-skill (skipped: "
                        + "dependency logger failed), weather-skill (skipped: dependency logger failed)");
        assertThat(shell.output()).contains("base-util         DONE", "logger            FAILED   its activator threw",
                "calculator-skill  SKIPPED  dependency logger failed");
    }

    @Test
    void aLongBatchOnATerminalRedrawsOneProgressBarAndRemovesItsCallback() {
        shell.terminal = true;
        shell.lifecycle.activate(false, "0", "", "config-manager", "logger", "base-util", "calculator-skill",
                "weather-skill");
        String out = shell.output();
        String redraw = "\r\u001b[K";
        // one line, redrawn: an empty bar first, then one per component, then cleared for the table
        // 80 columns: 32 cells, after the counts' and the item's room
        assertThat(out).startsWith("[" + "\u2591".repeat(32) + "] 0/5");
        assertThat(out.split("\\r\u001b\\[K", -1)).hasSize(7);
        assertThat(out).contains(redraw + "[\u001b[32m" + "\u2588".repeat(6) + "\u001b[0m"
                + "\u2591".repeat(26) + "] 1/5 base-util ACTIVE");
        assertThat(out).contains("] 5/5 weather-skill ACTIVE" + redraw);
        assertThat(out).doesNotContain("[1/5]", "\n[");
        String table = out.substring(out.lastIndexOf(redraw) + redraw.length());
        assertThat(Ansi.strip(table)).startsWith("ID ").contains("weather-skill     DONE");
        assertThat(shell.registry.callbackCount()).isZero();

        shell.lifecycle.deactivate(false, "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(shell.output()).contains("] 5/5 ").contains("INACTIVE");
    }

    @Test
    void onATerminalThatCannotRedrawEachComponentGetsALine() {
        shell.terminal = true;
        shell.env.put("TERM", "dumb");
        shell.lifecycle.activate(false, "0", "", "config-manager", "logger", "base-util", "calculator-skill",
                "weather-skill");
        List<String> lines = shell.output().lines().toList();
        assertThat(lines.subList(0, 5)).containsExactly("[1/5] base-util ACTIVE", "[2/5] config-manager ACTIVE",
                "[3/5] logger ACTIVE", "[4/5] calculator-skill ACTIVE", "[5/5] weather-skill ACTIVE");
        assertThat(lines.get(5)).startsWith("ID ");
        assertThat(shell.registry.callbackCount()).isZero();
    }

    @Test
    void noProgressInJsonOrWhenNotOnATerminal() {
        shell.lifecycle.activate(false, "0", "", "config-manager", "logger", "base-util", "calculator-skill",
                "weather-skill");
        assertThat(shell.output()).startsWith("ID ").doesNotContain("[1/5]");
        shell.terminal = true;
        shell.lifecycle.deactivate(true, "config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(shell.json()).isInstanceOf(Map.class);
    }

    @Test
    void statusSetsSeveralStatusesAsABatch() {
        shell.lifecycle.status(false, "logger", "error", "6", "INACTIVE");
        assertThat(shell.output()).isEqualTo("""
                ID                OUTCOME  MESSAGE
                logger            DONE     -
                calculator-skill  DONE     -
                """);
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(shell.registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    @Test
    void statusReportsWhatFailedAndFails() {
        shell.registry.status("logger", ComponentStatus.ACTIVE);
        assertThatThrownBy(() -> shell.lifecycle.status(true, "logger", "registered", "base-util", "ERROR"))
                .hasMessage("1 of 2 components failed: logger (REGISTERED cannot be set on a bundle)");
        assertThat(shell.json()).isEqualTo(Map.of("items", List.of(
                item("logger", "FAILED", "REGISTERED cannot be set on a bundle"), item("base-util", "DONE", null)),
                "succeeded", 1L, "failed", 1L));
    }

    @Test
    void statusChecksItsArguments() {
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger")).hasMessageContaining("pairs");
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger", "sleepy"))
                .hasMessageStartingWith("registry:status: the status of logger must be one of DISCOVERED, ")
                .hasMessageEndingWith("; got 'sleepy'");
        assertThatThrownBy(() -> shell.lifecycle.status(false, "logger", "ERROR", "4", "ACTIVE"))
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
