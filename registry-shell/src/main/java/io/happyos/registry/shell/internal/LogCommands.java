package io.happyos.registry.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * The {@code log:*} commands, as Karaf has them: {@code tail} prints the recent log events (the
 * launcher keeps the last {@value #KEPT} in memory) and with {@code --follow} the new ones until
 * Ctrl-C; {@code set} changes a logger's level at once (not written to {@code etc/logback.xml});
 * {@code get} shows levels. They work through the launcher's log control ({@link LogControlClient})
 * and, in a container embedded in an application, say that the application manages logging.
 *
 * <p>JSON: {@code tail --json} prints one {@code {"sequence","time","level","logger","thread",
 * "message","throwable"}} per line; {@code get --json} an array (or one object) of
 * {@code {"logger","level","effective"}}.
 */
public final class LogCommands {

    /** The Gogo scope. */
    static final String SCOPE = "log";

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"tail", "set", "get"};

    /** How many events the launcher keeps, and so the most worth asking for. */
    static final int KEPT = 1000;

    /** How long one wait of {@code --follow} lasts before it asks again; Ctrl-C ends it at once. */
    private static final long FOLLOW_WAIT_MILLIS = 1000;

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CommandContext ctx;
    private final LogControlClient control;

    LogCommands(CommandContext ctx, LogControlClient control) {
        this.ctx = ctx;
        this.control = control;
    }

    @Descriptor("print the recent log events, oldest first (the last " + KEPT + " are kept in memory); with "
            + "--follow, keep printing new ones until Ctrl-C. Example: log:tail --level WARN --logger io.happyos -n 50")
    public void tail(
            @Descriptor("keep printing new events as they come, until Ctrl-C")
                    @Parameter(
                            names = {"-f", "--follow"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean follow,
            @Descriptor("only events at this level or above: TRACE, DEBUG, INFO, WARN or ERROR")
                    @Parameter(
                            names = {"-l", "--level"},
                            absentValue = "")
                    String level,
            @Descriptor(
                            "only events of this logger and of the loggers below it (io.happyos takes io.happyos.registry...)")
                    @Parameter(
                            names = {"--logger"},
                            absentValue = "")
                    String logger,
            @Descriptor("how many recent events to print first, 1 to " + KEPT + " (default 20)")
                    @Parameter(
                            names = {"-n"},
                            absentValue = "20")
                    String count,
            @Descriptor("print JSON, one object per event and line")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        int recent = (int) OptionValues.wholeNumber("log:tail", "-n", count, 1, KEPT);
        EventFilter filter = new EventFilter(least(level), logger == null ? "" : logger.strip());
        Map<String, Object> page = control.events(0, KEPT, 0);
        List<Map<String, Object>> matching = filter.keep(events(page));
        List<Map<String, Object>> shown = matching.subList(Math.max(0, matching.size() - recent), matching.size());
        if (shown.isEmpty() && !follow && !json) {
            ctx.print("No log events" + filter.describe() + " among the last " + KEPT + " kept.");
        }
        shown.forEach(event -> print(event, json));
        if (follow) {
            follow(filter, json, number(page.get("last")));
        }
    }

    /** Prints the new events until the command's thread is interrupted (Ctrl-C in Gogo). */
    private void follow(EventFilter filter, boolean json, long seen) {
        long last = seen;
        while (!Thread.currentThread().isInterrupted()) {
            Map<String, Object> page = control.events(last, KEPT, FOLLOW_WAIT_MILLIS);
            long oldest = number(page.get("oldest"));
            if (oldest > last + 1 && !json) {
                ctx.print("... " + (oldest - last - 1) + " log events not shown: more than the " + KEPT
                        + " kept came since the last look");
            }
            filter.keep(events(page)).forEach(event -> print(event, json));
            last = Math.max(last, number(page.get("last")));
            if (Thread.interrupted()) {
                return; // Ctrl-C: consumed, so that the shell's next command runs clean
            }
        }
    }

    @Descriptor("set a logger's level at once (not written to etc/logback.xml; lasts until the container stops); "
            + "DEFAULT puts back the level the configuration gave. Example: log:set DEBUG io.happyos.registry.core")
    public void set(
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR, OFF, or DEFAULT for the configured level") String level,
            @Descriptor("the logger (a class or package name); ROOT for the root logger") String logger) {
        ctx.print(describe(control.set(level, logger)));
    }

    @Descriptor("set the root logger's level at once (not written to etc/logback.xml). Example: log:set WARN")
    public void set(
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR, OFF, or DEFAULT for the configured level") String level) {
        set(level, null);
    }

    @Descriptor("show every logger that has a level of its own, the root first. Example: log:get")
    public void get(
            @Descriptor("print JSON: an array of {\"logger\",\"level\",\"effective\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<Map<String, Object>> loggers = control.configured();
        if (json) {
            ctx.printJson(loggers);
            return;
        }
        TextTable table = new TextTable("LOGGER", "LEVEL");
        for (Map<String, Object> logger : loggers) {
            table.row(String.valueOf(logger.get("logger")), String.valueOf(logger.get("level")));
        }
        ctx.print(table.render());
    }

    @Descriptor("show a logger's level, and the level it has in effect. Example: log:get io.happyos.registry.core")
    public void get(
            @Descriptor("print JSON: {\"logger\",\"level\",\"effective\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the logger; ROOT for the root logger") String logger) {
        Map<String, Object> answer = control.get(logger);
        if (json) {
            ctx.printJson(answer);
        } else {
            ctx.print(describe(answer));
        }
    }

    private static String describe(Map<String, Object> logger) {
        Object level = logger.get("level");
        return logger.get("logger") + ": "
                + (level == null
                        ? "no level of its own, inherits " + logger.get("effective")
                        : "level " + level
                                + (level.equals(logger.get("effective"))
                                        ? ""
                                        : ", in effect " + logger.get("effective")));
    }

    private void print(Map<String, Object> event, boolean json) {
        if (json) {
            ctx.printJson(event);
        } else {
            ctx.print(line(event));
        }
    }

    /**
     * One event as the log file has it: time, level, thread, logger, message, then the stack trace.
     *
     * @param event an event of the log control
     * @return its text, one line or more
     */
    static String line(Map<String, Object> event) {
        String text = TIME.format(Instant.ofEpochMilli(number(event.get("time")))) + " "
                + String.format(Locale.ROOT, "%-5s", event.get("level")) + " [" + event.get("thread") + "] "
                + event.get("logger") + " - " + event.get("message");
        Object throwable = event.get("throwable");
        return throwable == null ? text : text + "\n" + throwable.toString().stripTrailing();
    }

    private static int least(String level) {
        if (level == null || level.isBlank()) {
            return 0;
        }
        int index = LEVELS.indexOf(level.strip().toUpperCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException(
                    "log:tail: unknown level '" + level + "' for --level: use one of " + String.join(", ", LEVELS));
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("events");
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** Which events {@code tail} shows: at a level or above, of a logger and the ones below it. */
    private record EventFilter(int least, String logger) {

        List<Map<String, Object>> keep(List<Map<String, Object>> events) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> event : events) {
                if (LEVELS.indexOf(String.valueOf(event.get("level"))) >= least && ofLogger(event)) {
                    kept.add(event);
                }
            }
            return kept;
        }

        private boolean ofLogger(Map<String, Object> event) {
            String name = String.valueOf(event.get("logger"));
            return logger.isEmpty() || name.equals(logger) || name.startsWith(logger + ".");
        }

        String describe() {
            return (least == 0 ? "" : " at " + LEVELS.get(least) + " or above")
                    + (logger.isEmpty() ? "" : " of logger " + logger);
        }
    }
}
