package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    private void events(boolean json, boolean follow, int count, String forDuration) {
        shell.events.events(json, follow, String.valueOf(count), forDuration);
    }

    @Test
    void eventsListsTheRecentChangesOldestFirst() {
        shell.registry.activateComponent("weather-skill");
        shell.registry.advance(Duration.ofMillis(1500));
        shell.registry.lifecycle().markComponentError("logger", "disk full");
        events(false, false, 20, "");
        assertThat(shell.output()).isEqualTo("""
                2025-01-02T03:04:05Z  config-manager  REGISTERED \u2192 ACTIVE
                2025-01-02T03:04:05Z  logger  REGISTERED \u2192 ACTIVE
                2025-01-02T03:04:05Z  weather-skill  REGISTERED \u2192 ACTIVE
                2025-01-02T03:04:06.500Z  logger  ACTIVE \u2192 ERROR
                """);
        events(false, false, 2, "");
        assertThat(shell.output().lines())
                .containsExactly(
                        "2025-01-02T03:04:05Z  weather-skill  REGISTERED \u2192 ACTIVE",
                        "2025-01-02T03:04:06.500Z  logger  ACTIVE \u2192 ERROR");
    }

    @Test
    void eventsJsonAndTheEmptyCase() {
        events(false, false, 20, "");
        assertThat(shell.output()).isEqualTo("No status changes yet.\n");
        events(true, false, 20, "");
        assertThat(shell.json()).isEqualTo(List.of());
        shell.registry.activateComponent("config-manager");
        events(true, false, 5, "");
        assertThat(shell.json())
                .isEqualTo(List.of(Map.of(
                        "sequence",
                        1L,
                        "id",
                        "config-manager",
                        "from",
                        "REGISTERED",
                        "to",
                        "ACTIVE",
                        "at",
                        "2025-01-02T03:04:05Z")));
    }

    @Test
    void onATerminalStatusesAreColoured() {
        shell.terminal = true;
        shell.registry.lifecycle().markComponentError("logger", "disk full");
        events(false, false, 20, "");
        assertThat(shell.output()).contains("\u001b[36mREGISTERED\u001b[0m \u2192 \u001b[31mERROR\u001b[0m");
    }

    @Test
    void badOptionsSayWhatToDo() {
        assertThatThrownBy(() -> events(false, false, 20, "10s")).hasMessage("--for works only with --follow");
        assertThatThrownBy(() -> events(false, false, 0, ""))
                .hasMessage("registry:events: --count must be a whole number from 1 to 1000, got '0'");
        assertThatThrownBy(() -> events(false, true, 20, "soon"))
                .hasMessage("bad --for 'soon': give " + DurationText.FORMS);
        assertThat(shell.registry.callbackCount()).isZero();
    }

    @Test
    void followPrintsTheHistoryThenEachChangeUntilCtrlC() {
        shell.registry.activateComponent("config-manager");
        shell.pacer
                .then(() -> shell.registry.activateComponent("logger"))
                .idle(1)
                .then(() -> shell.registry.lifecycle().markComponentError("base-util", "broken"));

        events(false, true, 20, "");

        assertThat(shell.output()).isEqualTo("""
                2025-01-02T03:04:05Z  config-manager  REGISTERED \u2192 ACTIVE
                2025-01-02T03:04:05Z  logger  REGISTERED \u2192 ACTIVE
                2025-01-02T03:04:05Z  base-util  REGISTERED \u2192 ERROR
                """);
        assertThat(shell.registry.callbackCount()).isZero();
        assertThat(Thread.currentThread().isInterrupted())
                .as("Ctrl-C is consumed")
                .isFalse();
    }

    @Test
    void followStopsWhenTheTimeIsUp() {
        shell.pacer.idle(100);
        events(false, true, 20, "1200ms");
        assertThat(shell.pacer.pauses)
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(200));
        assertThat(shell.output()).isEmpty();
        assertThat(shell.registry.callbackCount()).isZero();
    }

    @Test
    void followJsonPrintsOneObjectPerLine() {
        shell.registry.activateComponent("config-manager");
        shell.pacer.then(() -> shell.registry.deactivateComponent("config-manager"));
        events(true, true, 20, "");
        List<Object> lines = shell.output().lines().map(MiniJson::parse).toList();
        assertThat(lines.stream()
                        .map(l -> (Object) ((Map<?, ?>) l).get("sequence"))
                        .toList())
                .isEqualTo(List.of(1L, 2L));
        assertThat(lines.stream().map(l -> (Object) ((Map<?, ?>) l).get("to")).toList())
                .isEqualTo(List.of("ACTIVE", "INACTIVE"));
    }

    @Test
    void followSaysWhenChangesCameFasterThanTheRegistryKeepsThem() {
        shell.pacer.then(() -> {
            for (int i = 0; i < 1100; i++) {
                shell.registry
                        .lifecycle()
                        .setComponentStatus("logger", i % 2 == 0 ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE);
            }
        });
        shell.registry.activateComponent("config-manager");
        events(false, true, 1, "");
        List<String> lines = shell.output().lines().toList();
        assertThat(lines.get(0)).endsWith("config-manager  REGISTERED \u2192 ACTIVE");
        assertThat(lines.get(1))
                .isEqualTo("... 100 status changes not shown: more than the 1000 the registry keeps "
                        + "happened since the last look");
        assertThat(lines).hasSize(2 + 1000);
    }

    @Test
    void followOnItsOwnThreadStopsWhenInterruptedAsCtrlCDoes() throws Exception {
        EventCommands live = new EventCommands(shell.context(), Pacer.REAL, shell.registry::now);
        shell.registry.activateComponent("config-manager");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread command = new Thread(
                () -> {
                    try {
                        live.events(false, true, "20", "");
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "gogo-command");
        command.start();
        StringBuilder seen = new StringBuilder();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.append(shell.output()).toString().contains("config-manager  REGISTERED \u2192 ACTIVE")
                        && shell.registry.callbackCount() == 1);

        shell.registry.lifecycle().markComponentError("weather-skill", "broken");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.append(shell.output()).toString().contains("weather-skill  REGISTERED \u2192 ERROR"));

        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(shell.registry.callbackCount()).isZero();
    }

    // ---------------------------------------------------------------- watch

    @Test
    void watchOnceShowsOneFramePlain() {
        shell.registry.lifecycle().markComponentError("logger", "disk full\nand more");
        shell.events.watch(false, true, "1000");
        assertThat(shell.output()).isEqualTo("""
                Registry at 2025-01-02T03:04:05Z  5 components: 4 REGISTERED, 1 ERROR

                ID                TYPE     STATUS      ACCESSES  ERRORS  LAST ERROR
                base-util         library  REGISTERED  0         0       -
                calculator-skill  skill    REGISTERED  0         0       -
                config-manager    service  REGISTERED  0         0       -
                logger            service  ERROR       0         1       disk full and more
                weather-skill     skill    REGISTERED  0         0       -

                Recent changes
                  2025-01-02T03:04:05Z  logger  REGISTERED \u2192 ERROR
                """);
    }

    @Test
    void watchWhenPipedPrintsFramesOneAfterAnotherWithoutEscapeCodes() {
        shell.pacer.then(() -> shell.registry.activateComponent("logger"));
        shell.events.watch(false, false, "250", "logger", "4");
        String out = shell.output();
        assertThat(out).doesNotContain("\u001b");
        String[] frames = out.split("\n\n(?=Registry at)");
        assertThat(frames).hasSize(2);
        assertThat(frames[0])
                .startsWith("Registry at 2025-01-02T03:04:05Z  1 component: 1 REGISTERED  "
                        + "(every 250ms, Ctrl-C to stop)")
                .contains("Recent changes\n  none");
        assertThat(frames[1])
                .contains("logger  service  ACTIVE", "logger  REGISTERED \u2192 ACTIVE")
                .doesNotContain("config-manager");
        // the second pause was Ctrl-C
        assertThat(shell.pacer.pauses).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void watchOnATerminalRedrawsInPlaceInColour() {
        shell.terminal = true;
        shell.pacer.idle(1);
        shell.events.watch(false, false, "1000");
        String out = shell.output();
        String clear = "\u001b[H\u001b[2J";
        assertThat(out).startsWith(clear);
        assertThat(out.split(java.util.regex.Pattern.quote(clear), -1)).hasSize(3);
        assertThat(out).contains("\u001b[36mREGISTERED\u001b[0m");

        shell.env.put("NO_COLOR", "yes");
        shell.pacer.idle(1);
        shell.events.watch(false, false, "1000");
        String plain = shell.output();
        assertThat(plain).startsWith(clear).doesNotContain("\u001b[3", "\u001b[1m");
    }

    @Test
    void watchJsonIsOneObjectPerFrame() {
        shell.pacer.then(() -> shell.registry.activateComponent("base-util"));
        shell.events.watch(true, false, "1000", "base-util");
        List<Object> frames = shell.output().lines().map(MiniJson::parse).toList();
        assertThat(frames).hasSize(2);
        Map<?, ?> second = (Map<?, ?>) frames.get(1);
        assertThat(second.get("at")).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(second.get("components"))
                .isEqualTo(List.of(Map.of(
                        "id", "base-util", "type", "library", "status", "ACTIVE", "accessCount", 0L, "errors", 0L)));
        assertThat((List<?>) second.get("events")).hasSize(1);
    }

    @Test
    void watchChecksItsOptions() {
        assertThatThrownBy(() -> shell.events.watch(false, false, "10"))
                .hasMessage(
                        "registry:watch: --interval (milliseconds) must be a whole number of at least 50, got '10'");
        assertThatThrownBy(() -> shell.events.watch(false, true, "1000", "nope"))
                .hasMessageContaining("'nope'");
    }
}
