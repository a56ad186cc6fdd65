package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The {@code log:*} commands against a scripted log control (the launcher's own is tested in the
 * launcher: LogControlTest, LoggingIT).
 */
class LogCommandsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final CommandContext ctx = new CommandContext(null, null, () -> out);
    private final List<Map<String, Object>> kept = new ArrayList<>();
    private final List<Map<String, Object>> requests = new ArrayList<>();

    /** Answers like the launcher's control: events from {@link #kept}, levels echoed. */
    private final Function<Map<String, Object>, Object> control = request -> {
        requests.add(request);
        return switch (String.valueOf(request.get("action"))) {
            case "events" -> page(((Number) request.get("after")).longValue());
            case "set" -> logger(String.valueOf(request.get("logger")), String.valueOf(request.get("level")));
            default -> List.of(logger("ROOT", "INFO"), logger("io.happyos", "DEBUG"));
        };
    };

    @Test
    void tailPrintsTheNewestEventsLikeTheLogFile() {
        event(1, "INFO", "io.happyos.registry.core.Registry", "registry ready", null);
        event(2, "WARN", "com.acme.Plugin", "disk nearly full", "java.io.IOException: full\n\tat x.y(Z.java:1)\n");

        commands().tail(false, "", "", "1", false);

        assertThat(text())
                .matches(
                        "(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN  \\[main\\] com\\.acme\\.Plugin - "
                                + "disk nearly full\njava\\.io\\.IOException: full\n\tat x\\.y\\(Z\\.java:1\\)\n");
    }

    @Test
    void tailFiltersByLevelAndByLoggerWithTheLoggersBelowIt() {
        event(1, "DEBUG", "io.happyos.registry.core.Registry", "detail", null);
        event(2, "WARN", "io.happyos.registry.core.Registry", "core warning", null);
        event(3, "ERROR", "com.acme.Plugin", "plugin error", null);
        event(4, "WARN", "io.happyos.registryx.Other", "not below io.happyos.registry", null);

        commands().tail(false, "warn", "io.happyos.registry", "20", false);

        assertThat(text()).contains("core warning").doesNotContain("detail", "plugin error", "not below");
    }

    @Test
    void tailSaysSoWhenNothingMatches() {
        event(1, "INFO", "a", "x", null);

        commands().tail(false, "ERROR", "", "20", false);

        assertThat(text()).isEqualTo("No log events at ERROR or above among the last 1000 kept.\n");
    }

    @Test
    void tailJsonPrintsOneObjectPerLine() {
        event(1, "INFO", "a", "first", null);

        commands().tail(false, "", "", "20", true);

        assertThat(text()).contains("\"message\":\"first\"").contains("\"sequence\":1");
    }

    @Test
    void aBadLevelOrCountIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> commands().tail(false, "LOUD", "", "20", false))
                .hasMessageContaining("'LOUD'")
                .hasMessageContaining("TRACE, DEBUG, INFO, WARN, ERROR");
        assertThatThrownBy(() -> commands().tail(false, "", "", "0", false)).hasMessageContaining("-n");
    }

    @Test
    void followPrintsNewEventsUntilInterrupted() throws Exception {
        event(1, "INFO", "a", "before", null);
        CountDownLatch asked = new CountDownLatch(2);
        Function<Map<String, Object>, Object> scripted = request -> {
            asked.countDown();
            if (asked.getCount() == 0) {
                Thread.currentThread().interrupt(); // Ctrl-C during the wait, as Gogo does
                event(2, "INFO", "a", "while following", null);
            }
            return control.apply(request);
        };

        new LogCommands(ctx, new LogControlClient(() -> scripted, () -> {})).tail(true, "", "", "20", false);

        assertThat(Thread.interrupted()).as("the interrupt is consumed").isFalse();
        assertThat(text()).contains("before").contains("while following");
    }

    @Test
    void setAndGetSayTheLevels() {
        LogCommands commands = commands();

        commands.set("DEBUG", "com.acme");
        commands.set("WARN");
        commands.get(false);

        assertThat(requests.get(0)).containsEntry("logger", "com.acme").containsEntry("level", "DEBUG");
        assertThat(requests.get(1)).containsEntry("logger", null).containsEntry("level", "WARN");
        assertThat(text())
                .contains("com.acme: level DEBUG")
                .containsPattern("LOGGER\\s+LEVEL")
                .containsPattern("io\\.happyos\\s+DEBUG");
    }

    @Test
    void withoutTheLaunchersControlEveryCommandSaysTheApplicationManagesLogging() {
        LogCommands commands = new LogCommands(ctx, new LogControlClient(() -> null, () -> {}));

        assertThatThrownBy(() -> commands.tail(false, "", "", "20", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(LogControlClient.NOT_HERE);
        assertThatThrownBy(() -> commands.set("DEBUG")).hasMessage(LogControlClient.NOT_HERE);
        assertThatThrownBy(() -> commands.get(false)).hasMessage(LogControlClient.NOT_HERE);
    }

    private LogCommands commands() {
        return new LogCommands(ctx, new LogControlClient(() -> control, () -> {}));
    }

    private void event(long sequence, String level, String logger, String message, String throwable) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sequence", sequence);
        event.put("time", 1_700_000_000_000L + sequence);
        event.put("level", level);
        event.put("logger", logger);
        event.put("thread", "main");
        event.put("message", message);
        event.put("throwable", throwable);
        kept.add(event);
    }

    private Map<String, Object> page(long after) {
        List<Map<String, Object>> events = kept.stream()
                .filter(e -> ((Number) e.get("sequence")).longValue() > after)
                .toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", events);
        page.put("last", kept.isEmpty() ? 0L : kept.get(kept.size() - 1).get("sequence"));
        page.put("oldest", kept.isEmpty() ? 0L : 1L);
        return page;
    }

    private static Map<String, Object> logger(String name, String level) {
        Map<String, Object> logger = new LinkedHashMap<>();
        logger.put("logger", name.equals("null") ? "ROOT" : name);
        logger.put("level", level);
        logger.put("effective", level);
        return logger;
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
