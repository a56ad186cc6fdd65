package io.happyos.registry.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.LoggerFactory;

/**
 * The launcher's logback, offered to the bundles (the {@code log:*} shell commands) as a service
 * made of JDK types only, since the launcher shares no class with them: a
 * {@code java.util.function.Function<Map<String, Object>, Object>} with the service property
 * {@value #PROPERTY}{@code =true}. A request is a map whose {@code "action"} says what to do:
 *
 * <ul>
 *   <li>{@code set}: {@code "level"} (TRACE, DEBUG, INFO, WARN, ERROR, OFF, or DEFAULT for the level
 *       the configuration gave) for {@code "logger"} (absent, empty or {@code ROOT}: the root logger);
 *       answers the logger's map (below). Takes effect at once; the configuration file is not changed.
 *   <li>{@code get}: with {@code "logger"}, that logger's map {@code {"logger","level","effective"}}
 *       ({@code "level"} null when it inherits); without, a list of the maps of every logger that has
 *       a level of its own, the root first.
 *   <li>{@code events}: the recent events after number {@code "after"} (default 0: from the oldest
 *       kept), at most {@code "limit"}, waiting up to {@code "waitMillis"} (default 0) for one when there
 *       is none yet (an interrupt ends the wait early, leaving the thread interrupted); answers
 *       {@code {"events":[{"sequence","time","level","logger","thread","message","throwable"}],
 *       "last","oldest"}}.
 * </ul>
 *
 * <p>A bad request throws {@link IllegalArgumentException} with a message for the user.
 * Thread-safe.
 */
final class LogControl implements Function<Map<String, Object>, Object> {

    /** The service property that marks this service. */
    static final String PROPERTY = "happyos.log.control";

    /** The name that means the root logger. */
    static final String ROOT = "ROOT";

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF", "DEFAULT");

    private final LoggerContext context;
    private final RecentLogEvents recent;
    /** The configured level of each logger changed at run time, for DEFAULT; guarded by itself. */
    private final Map<String, Level> configured = new HashMap<>();

    LogControl(LoggerContext context, RecentLogEvents recent) {
        this.context = context;
        this.recent = recent;
    }

    /**
     * Publishes this control to the bundles.
     *
     * @param bundleContext the system bundle's context
     * @return the registration
     */
    ServiceRegistration<?> register(BundleContext bundleContext) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROPERTY, Boolean.TRUE);
        properties.put("service.description", "HappyOS Registry: the launcher's logback (log:* commands)");
        return bundleContext.registerService(Function.class.getName(), this, properties);
    }

    /** Forgets the configured levels, after logback was configured again (a scanned file changed). */
    void configurationReloaded() {
        synchronized (configured) {
            configured.clear();
        }
    }

    @Override
    public Object apply(Map<String, Object> request) {
        Object action = request.get("action");
        if ("set".equals(action)) {
            return set(text(request, "logger"), text(request, "level"));
        }
        if ("get".equals(action)) {
            String name = text(request, "logger");
            return name == null ? configuredLoggers() : describe(logger(name));
        }
        if ("events".equals(action)) {
            return events(
                    number(request, "after", 0),
                    (int) Math.min(Integer.MAX_VALUE, number(request, "limit", recent.capacity())),
                    Duration.ofMillis(number(request, "waitMillis", 0)));
        }
        throw new IllegalArgumentException("unknown log control action '" + action + "': use set, get or events");
    }

    private Map<String, Object> set(String name, String levelName) {
        if (levelName == null) {
            throw new IllegalArgumentException("no level given: use one of " + String.join(", ", LEVELS));
        }
        String upper = levelName.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException(
                    "unknown level '" + levelName + "': use one of " + String.join(", ", LEVELS));
        }
        Logger logger = logger(name);
        Level before = logger.getLevel();
        synchronized (configured) {
            if ("DEFAULT".equals(upper)) {
                Level original =
                        configured.containsKey(logger.getName()) ? configured.remove(logger.getName()) : before;
                logger.setLevel(original);
            } else {
                configured.putIfAbsent(logger.getName(), before);
                logger.setLevel(Level.toLevel(upper));
            }
        }
        LoggerFactory.getLogger(LogControl.class)
                .info(
                        "Level of logger {} set to {} (was {}) at run time; the configuration file is not changed",
                        logger.getName(),
                        logger.getLevel() == null ? "inherited " + logger.getEffectiveLevel() : logger.getLevel(),
                        before == null ? "inherited" : before);
        return describe(logger);
    }

    private Logger logger(String name) {
        if (name == null || name.isBlank() || ROOT.equalsIgnoreCase(name)) {
            return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a logger name has no spaces: '" + name + "'");
        }
        return context.getLogger(name);
    }

    private static Map<String, Object> describe(Logger logger) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("logger", logger.getName());
        map.put("level", logger.getLevel() == null ? null : logger.getLevel().toString());
        map.put("effective", logger.getEffectiveLevel().toString());
        return map;
    }

    private List<Map<String, Object>> configuredLoggers() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) { // the root first, then by name
            if (logger.getLevel() != null) {
                list.add(describe(logger));
            }
        }
        return list;
    }

    private Map<String, Object> events(long after, int limit, Duration wait) {
        RecentLogEvents.Page page;
        try {
            page = recent.await(after, limit, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller sees it: Ctrl-C on log:tail --follow
            page = recent.after(after, limit);
        }
        List<Map<String, Object>> events = new ArrayList<>(page.lines().size());
        for (RecentLogEvents.Line line : page.lines()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("sequence", line.sequence());
            event.put("time", line.time());
            event.put("level", line.level());
            event.put("logger", line.logger());
            event.put("thread", line.thread());
            event.put("message", line.message());
            event.put("throwable", line.throwable());
            events.add(event);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", events);
        answer.put("last", page.last());
        answer.put("oldest", page.oldest());
        return answer;
    }

    private static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : value.toString();
    }

    private static long number(Map<String, Object> request, String key, long otherwise) {
        Object value = request.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + value + "'", e);
        }
    }
}
