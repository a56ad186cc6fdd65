package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * events and watch over the real registry. Its history starts with its own start and the
 * registration of the samples ({@code (new) → REGISTERED}); the tests look at what they changed
 * after that, with {@code --count}.
 */
class EventCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    private void events(boolean json, boolean follow, int count, String forDuration) {
        shell.events.events(json, follow, String.valueOf(count), forDuration);
    }

    private void markError(String id, String message) {
        ShellFixture.join(shell.registry.lifecycle().markComponentError(id, message));
    }

    /** The registry's newest status change. */
    private StatusChange newest() {
        return shell.registry.diagnostics().getRecentStatusChanges(1).get(0);
    }

    @Test
    void eventsListsTheRecentChangesOldestFirst() {
        shell.activate("weather-skill");
        markError("logger", "disk full");
        events(false, false, 4, "");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                <time>  config-manager  REGISTERED \u2192 ACTIVE
                <time>  logger  REGISTERED \u2192 ACTIVE
                <time>  weather-skill  REGISTERED \u2192 ACTIVE
                <time>  logger  ACTIVE \u2192 ERROR
                """));
        events(false, false, 2, "");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                <time>  weather-skill  REGISTERED \u2192 ACTIVE
                <time>  logger  ACTIVE \u2192 ERROR
                """));
        // before them: the samples' registrations
        events(false, false, 20, "");
        assertThat(shell.output().lines())
                .hasSize(15)
                .element(10)
                .matches(it -> it.matches(ShellFixture.pattern("<time>  weather-skill  (new) \u2192 REGISTERED")));
    }

    @Test
    void eventsJsonAndTheEmptyCase() {
        // the registry's history always has its own start: an empty one is answered for it
        shell.answer("getRecentStatusChanges", (method, args, real) -> List.of());
        events(false, false, 20, "");
        assertThat(shell.output()).isEqualTo("No status changes yet.\n");
        events(true, false, 20, "");
        assertThat(shell.json()).isEqualTo(List.of());
        shell.answer("getRecentStatusChanges", (method, args, real) -> null);

        shell.activate("config-manager");
        events(true, false, 1, "");
        StatusChange change = newest();
        assertThat(shell.json())
                .isEqualTo(List.of(Map.of(
                        "sequence",
                        change.sequence(),
                        "id",
                        "config-manager",
                        "from",
                        "REGISTERED",
                        "to",
                        "ACTIVE",
                        "at",
                        change.at().toString())));
        Map<String, Object> registration = new HashMap<>();
        registration.put("sequence", change.sequence() - 1);
        registration.put("id", "weather-skill");
        registration.put("from", null);
        registration.put("to", "REGISTERED");
        registration.put(
                "at",
                shell.registry
                        .diagnostics()
                        .getRecentStatusChanges(2)
                        .get(0)
                        .at()
                        .toString());
        events(true, false, 2, "");
        assertThat(((List<?>) shell.json()).get(0)).isEqualTo(registration);
    }

    @Test
    void onATerminalStatusesAreColoured() {
        shell.terminal = true;
        markError("logger", "disk full");
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
        assertThat(shell.listeners()).isZero();
    }

    @Test
    void followPrintsTheHistoryThenEachChangeUntilCtrlC() {
        shell.activate("config-manager");
        shell.pacer.then(() -> shell.activate("logger")).idle(1).then(() -> markError("base-util", "broken"));

        events(false, true, 1, "");

        assertThat(shell.output()).matches(ShellFixture.pattern("""
                <time>  config-manager  REGISTERED \u2192 ACTIVE
                <time>  logger  REGISTERED \u2192 ACTIVE
                <time>  base-util  REGISTERED \u2192 ERROR
                """));
        assertThat(shell.listeners()).isZero();
        assertThat(Thread.currentThread().isInterrupted())
                .as("Ctrl-C is consumed")
                .isFalse();
    }

    @Test
    void followStopsWhenTheTimeIsUp() {
        shell.pacer.idle(100);
        events(false, true, 1, "1200ms");
        assertThat(shell.pacer.pauses)
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(200));
        // the newest change of the history, then nothing
        assertThat(shell.output()).matches(ShellFixture.pattern("<time>  weather-skill  (new) \u2192 REGISTERED\n"));
        assertThat(shell.listeners()).isZero();
    }

    @Test
    void followJsonPrintsOneObjectPerLine() {
        shell.activate("config-manager");
        long activated = newest().sequence();
        shell.pacer.then(() -> ShellFixture.join(shell.registry.deactivateComponent("config-manager")));
        events(true, true, 1, "");
        List<Object> lines = shell.output().lines().map(MiniJson::parse).toList();
        assertThat(lines.stream()
                        .map(l -> (Object) ((Map<?, ?>) l).get("sequence"))
                        .toList())
                .isEqualTo(List.of(activated, activated + 1));
        assertThat(lines.stream().map(l -> (Object) ((Map<?, ?>) l).get("to")).toList())
                .isEqualTo(List.of("ACTIVE", "INACTIVE"));
    }

    @Test
    void followSaysWhenChangesCameFasterThanTheRegistryKeepsThem() {
        // 1100 changes: logger in error by hand and cleared again, 550 times
        shell.pacer.then(() -> {
            for (int i = 0; i < 550; i++) {
                markError("logger", "flaky");
                ShellFixture.join(shell.registry.lifecycle().clearComponentError("logger"));
            }
        });
        shell.activate("config-manager");
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
        EventCommands live = new EventCommands(shell.context(), Pacer.REAL, shell.now);
        shell.activate("config-manager");
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
                        && shell.listeners() == 1);

        markError("weather-skill", "broken");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.append(shell.output()).toString().contains("weather-skill  REGISTERED \u2192 ERROR"));

        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(shell.listeners()).isZero();
    }

    // ---------------------------------------------------------------- watch

    @Test
    void watchOnceShowsOneFramePlain() {
        shell.fixedNow = Instant.parse("2025-01-02T03:04:05Z");
        markError("logger", "disk full\nand more");
        shell.events.watch(false, true, "1000");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Registry at 2025-01-02T03:04:05Z  5 components: 4 REGISTERED, 1 ERROR

                ID                TYPE     STATUS      ACCESSES  ERRORS  LAST ERROR
                base-util         library  REGISTERED  0         0       -
                calculator-skill  skill    REGISTERED  0         0       -
                config-manager    service  REGISTERED  0         0       -
                logger            service  ERROR       0         1       disk full and more
                weather-skill     skill    REGISTERED  0         0       -

                Recent changes
                  <time>  logger  (new) \u2192 REGISTERED
                  <time>  base-util  (new) \u2192 REGISTERED
                  <time>  calculator-skill  (new) \u2192 REGISTERED
                  <time>  weather-skill  (new) \u2192 REGISTERED
                  <time>  logger  REGISTERED \u2192 ERROR
                """));
    }

    @Test
    void watchWhenPipedPrintsFramesOneAfterAnotherWithoutEscapeCodes() {
        shell.fixedNow = Instant.parse("2025-01-02T03:04:05Z");
        shell.pacer.then(() -> shell.activate("logger"));
        shell.events.watch(false, false, "250", "logger", shell.bundle("logger"));
        String out = shell.output();
        assertThat(out).doesNotContain("\u001b");
        String[] frames = out.split("\n\n(?=Registry at)");
        assertThat(frames).hasSize(2);
        assertThat(frames[0])
                .startsWith("Registry at 2025-01-02T03:04:05Z  1 component: 1 REGISTERED  "
                        + "(every 250ms, Ctrl-C to stop)")
                .containsPattern(
                        "Recent changes\n  " + ShellFixture.INSTANT + "  logger  \\(new\\) \u2192 REGISTERED$");
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
        shell.fixedNow = Instant.parse("2025-01-02T03:04:05Z");
        shell.pacer.then(() -> shell.activate("base-util"));
        shell.events.watch(true, false, "1000", "base-util");
        List<Object> frames = shell.output().lines().map(MiniJson::parse).toList();
        assertThat(frames).hasSize(2);
        Map<?, ?> second = (Map<?, ?>) frames.get(1);
        assertThat(second.get("at")).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(second.get("components"))
                .isEqualTo(List.of(Map.of(
                        "id", "base-util", "type", "library", "status", "ACTIVE", "accessCount", 0L, "errors", 0L)));
        // its registration, then its activation
        assertThat(((List<?>) second.get("events"))
                        .stream().map(e -> ((Map<?, ?>) e).get("to")).toList())
                .isEqualTo(List.of("REGISTERED", "ACTIVE"));
        assertThat((List<?>) ((Map<?, ?>) frames.get(0)).get("events")).hasSize(1);
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
