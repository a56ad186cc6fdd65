package io.happyos.registry.shell.internal;

import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Who a Gogo session acts for when a remote shell opened it: the bundles that open sessions for
 * remote users (registry-ssh) publish a {@code java.util.function.Function} with the service property
 * {@value #PROPERTY}{@code =true}, which maps a {@code CommandSession} object to its actor
 * ({@code ssh:USER@ADDRESS}) for the sessions they opened and to {@code null} for any other. The
 * session is passed as the object itself, so nothing a user types can make one session pass for another.
 */
final class RemoteActors implements Function<Object, String>, AutoCloseable {

    /** The service property that marks such a function. */
    static final String PROPERTY = "happyos.session.actor";

    @SuppressWarnings("rawtypes")
    private final ServiceTracker<Function, Function> tracker;

    private RemoteActors(@SuppressWarnings("rawtypes") ServiceTracker<Function, Function> tracker) {
        this.tracker = tracker;
    }

    /**
     * Starts tracking the functions.
     *
     * @param context the shell bundle's context
     * @return the tracker, open
     */
    @SuppressWarnings("rawtypes")
    static RemoteActors track(BundleContext context) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(
                    "(&(objectClass=" + Function.class.getName() + ")(" + PROPERTY + "=true))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter is a constant: " + e.getMessage(), e);
        }
        ServiceTracker<Function, Function> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        return new RemoteActors(tracker);
    }

    /**
     * The actor of a session.
     *
     * @param session a Gogo {@code CommandSession}, or {@code null}
     * @return the actor a remote shell gave it, or {@code null} for a session of the local console
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public String apply(Object session) {
        if (session == null) {
            return null;
        }
        for (Function function : tracker.getServices(new Function[0])) {
            Object actor = function.apply(session);
            if (actor instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
