package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogControlTest {

    private final LoggerContext context = new LoggerContext();
    private final RecentLogEvents recent = new RecentLogEvents(10);
    private final LogControl control = new LogControl(context, recent);

    @BeforeEach
    void configure() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("io.happyos").setLevel(Level.DEBUG);
        recent.setContext(context);
        recent.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(recent);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void setChangesTheLevelAtOnceAndDefaultPutsTheConfiguredOneBack() {
        Map<String, Object> set = call(Map.of("action", "set", "level", "warn", "logger", "io.happyos"));

        assertThat(set).containsEntry("logger", "io.happyos").containsEntry("level", "WARN");
        assertThat(context.getLogger("io.happyos.registry").isInfoEnabled()).isFalse();

        call(Map.of("action", "set", "level", "TRACE", "logger", "io.happyos"));
        Map<String, Object> reset = call(Map.of("action", "set", "level", "DEFAULT", "logger", "io.happyos"));

        assertThat(reset).containsEntry("level", "DEBUG");
        assertThat(context.getLogger("io.happyos").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void aLoggerWithoutLevelGetsOneAndDefaultMakesItInheritAgain() {
        call(Map.of("action", "set", "level", "DEBUG", "logger", "com.acme"));

        assertThat(context.getLogger("com.acme.Plugin").isDebugEnabled()).isTrue();

        Map<String, Object> reset = call(Map.of("action", "set", "level", "DEFAULT", "logger", "com.acme"));

        assertThat(reset).containsEntry("level", null).containsEntry("effective", "INFO");
    }

    @Test
    void noLoggerOrRootMeansTheRootLogger() {
        call(Map.of("action", "set", "level", "ERROR"));

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.ERROR);
        assertThat(call(Map.of("action", "get", "logger", "root")))
                .containsEntry("logger", "ROOT")
                .containsEntry("level", "ERROR");

        call(Map.of("action", "set", "level", "DEFAULT", "logger", "ROOT"));

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getWithoutLoggerListsTheLoggersWithALevelRootFirst() {
        List<Map<String, Object>> loggers = (List<Map<String, Object>>) control.apply(Map.of("action", "get"));

        assertThat(loggers).extracting(m -> m.get("logger")).containsExactly("ROOT", "io.happyos");
    }

    @Test
    void aBadLevelOrLoggerIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> call(Map.of("action", "set", "level", "LOUD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'LOUD'")
                .hasMessageContaining("TRACE, DEBUG, INFO, WARN, ERROR, OFF, DEFAULT");
        assertThatThrownBy(() -> call(Map.of("action", "set", "level", "INFO", "logger", "a b")))
                .hasMessageContaining("no spaces");
        assertThatThrownBy(() -> call(Map.of("action", "frobnicate"))).hasMessageContaining("use set, get or events");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsAreJdkValuesWithTheirNumbers() {
        context.getLogger("io.happyos.test").info("one");
        context.getLogger("io.happyos.test").warn("two");

        Map<String, Object> page = call(Map.of("action", "events", "after", 1));

        List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("events");
        assertThat(events)
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("sequence", 2L)
                        .containsEntry("level", "WARN")
                        .containsEntry("logger", "io.happyos.test")
                        .containsEntry("message", "two")
                        .containsEntry("throwable", null)
                        .containsKeys("time", "thread"));
        assertThat(page).containsEntry("last", 2L).containsEntry("oldest", 1L);
    }

    @Test
    void anInterruptedWaitReturnsWhatIsThereAndLeavesTheThreadInterrupted() {
        Thread.currentThread().interrupt();
        try {
            Map<String, Object> page = call(Map.of("action", "events", "waitMillis", 600_000));

            assertThat(page).containsEntry("last", 0L);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(Map<String, Object> request) {
        return (Map<String, Object>) control.apply(request);
    }
}
