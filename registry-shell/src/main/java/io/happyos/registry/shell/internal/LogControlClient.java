package io.happyos.registry.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The way to the container's logging: the launcher of {@code java -jar happyos-registry.jar} owns
 * logback and publishes a {@code java.util.function.Function} with the service property
 * {@value #PROPERTY}{@code =true} taking a request map (JDK types only: the launcher shares no class
 * with the bundles). Without that service the container is embedded in an application that manages
 * logging itself, and every call fails saying so.
 */
final class LogControlClient implements AutoCloseable {

    /** The service property that marks the launcher's log control. */
    static final String PROPERTY = "happyos.log.control";

    /** What the commands say when there is no log control. */
    static final String NOT_HERE = "logging is managed by the application that embeds the container, not by the "
            + "container: change levels and read the log with that application's own logging configuration "
            + "(the log:* commands work in the happyos-registry launcher, java -jar happyos-registry.jar)";

    private final Supplier<Function<Map<String, Object>, Object>> service;
    private final AutoCloseable closing;

    /**
     * A client of a given control, for tests.
     *
     * @param service the control, or a supplier answering {@code null} when there is none
     * @param closing what {@link #close()} does
     */
    LogControlClient(Supplier<Function<Map<String, Object>, Object>> service, AutoCloseable closing) {
        this.service = service;
        this.closing = closing;
    }

    /**
     * Starts tracking the launcher's log control.
     *
     * @param context the shell bundle's context
     * @return the client, tracking
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static LogControlClient track(BundleContext context) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(
                    "(&(objectClass=" + Function.class.getName() + ")(" + PROPERTY + "=true))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter is a constant: " + e.getMessage(), e);
        }
        ServiceTracker<Function, Function> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        return new LogControlClient(() -> (Function<Map<String, Object>, Object>) tracker.getService(), tracker::close);
    }

    /**
     * Sets a logger's level.
     *
     * @param level TRACE, DEBUG, INFO, WARN, ERROR, OFF or DEFAULT
     * @param logger the logger, or {@code null} for the root
     * @return {@code {"logger","level","effective"}} after the change
     */
    Map<String, Object> set(String level, String logger) {
        Map<String, Object> request = request("set");
        request.put("level", level);
        request.put("logger", logger);
        return map(call(request));
    }

    /**
     * A logger's level.
     *
     * @param logger the logger, or {@code null} for the root
     * @return {@code {"logger","level","effective"}}
     */
    Map<String, Object> get(String logger) {
        Map<String, Object> request = request("get");
        request.put("logger", logger == null ? "ROOT" : logger);
        return map(call(request));
    }

    /**
     * Every logger that has a level of its own, the root first.
     *
     * @return their {@code {"logger","level","effective"}}
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> configured() {
        return (List<Map<String, Object>>) call(request("get"));
    }

    /**
     * The recent events after a number, waiting up to a time for one when there is none.
     *
     * @param after the number of the last event seen (0: from the oldest kept)
     * @param limit the most to return
     * @param waitMillis how long to wait (0: not at all); an interrupt ends the wait, leaving the
     *     thread interrupted
     * @return {@code {"events":[...],"last","oldest"}}
     */
    Map<String, Object> events(long after, int limit, long waitMillis) {
        Map<String, Object> request = request("events");
        request.put("after", after);
        request.put("limit", limit);
        request.put("waitMillis", waitMillis);
        return map(call(request));
    }

    private static Map<String, Object> request(String action) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", action);
        return request;
    }

    private Object call(Map<String, Object> request) {
        Function<Map<String, Object>, Object> control = service.get();
        if (control == null) {
            throw new IllegalStateException(NOT_HERE);
        }
        return control.apply(request);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object answer) {
        return (Map<String, Object>) answer;
    }

    @Override
    public void close() {
        try {
            closing.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the log control tracker failed: " + e.getMessage(), e);
        }
    }
}
