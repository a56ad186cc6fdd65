package io.happyos.registry.core.extension;

import io.happyos.registry.Registration;
import io.happyos.registry.core.model.StatusNotifier;
import io.happyos.registry.spi.InstanceFactory;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.spi.StatusListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension points in use: factory, hook and listener services (the whiteboard) and those
 * registered through the API. Services rank by service ranking; registrations through the API rank
 * above every service for factories and run after the services for hooks.
 */
public final class Whiteboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    /**
     * The factory chosen for a type.
     *
     * @param key what identifies its registration (a service reference or an API handle), so the
     *     instances it made can be found when it goes away
     * @param factory the factory
     */
    public record Factory(Object key, InstanceFactory factory) {}

    private record Registered<T>(Object key, T value) {}

    private final BundleContext context;
    private final StatusNotifier notifier;
    private final Consumer<Object> factoryGone;
    private final Map<String, List<Registered<InstanceFactory>>> apiFactories = new ConcurrentHashMap<>();
    private final Map<LifecyclePhase, List<LifecycleHook>> apiHooks = new ConcurrentHashMap<>();
    private final Map<ServiceReference<StatusListener>, Registration> listeners = new ConcurrentHashMap<>();
    private ServiceTracker<InstanceFactory, InstanceFactory> factories;
    private ServiceTracker<LifecycleHook, LifecycleHook> hooks;
    private ServiceTracker<StatusListener, StatusListener> listenerTracker;

    /**
     * @param context the registry bundle's context
     * @param notifier where listener services are added
     * @param factoryGone told the key of a factory that went away
     */
    public Whiteboard(BundleContext context, StatusNotifier notifier, Consumer<Object> factoryGone) {
        this.context = context;
        this.notifier = notifier;
        this.factoryGone = factoryGone;
    }

    /** Starts tracking the services. */
    public void open() {
        factories = new ServiceTracker<>(context, InstanceFactory.class, new Gone<>(ref -> factoryGone.accept(ref)));
        hooks = new ServiceTracker<>(context, LifecycleHook.class, null);
        listenerTracker = new ServiceTracker<>(context, StatusListener.class, new ServiceTrackerCustomizer<>() {
            @Override
            public StatusListener addingService(ServiceReference<StatusListener> ref) {
                StatusListener listener = context.getService(ref);
                if (listener != null) {
                    listeners.put(ref, notifier.add(listener));
                }
                return listener;
            }

            @Override
            public void modifiedService(ServiceReference<StatusListener> ref, StatusListener listener) {
                // nothing depends on a listener's properties
            }

            @Override
            public void removedService(ServiceReference<StatusListener> ref, StatusListener listener) {
                Registration registration = listeners.remove(ref);
                if (registration != null) {
                    registration.close();
                }
                context.ungetService(ref);
            }
        });
        factories.open();
        hooks.open();
        listenerTracker.open();
    }

    /**
     * The factory for a type: the newest registered through the API, else the highest ranked service.
     *
     * @param type the component type
     * @return the factory, or {@code null} when none serves the type
     */
    public Factory factoryFor(String type) {
        List<Registered<InstanceFactory>> api = apiFactories.getOrDefault(type, List.of());
        if (!api.isEmpty()) {
            Registered<InstanceFactory> newest = api.get(api.size() - 1);
            return new Factory(newest.key(), newest.value());
        }
        ServiceReference<InstanceFactory> best = null;
        for (ServiceReference<InstanceFactory> ref : references(factories)) {
            if (values(ref.getProperty(InstanceFactory.TYPE_PROPERTY)).contains(type)
                    && (best == null || ref.compareTo(best) > 0)) {
                best = ref;
            }
        }
        InstanceFactory factory = best == null ? null : factories.getService(best);
        return factory == null ? null : new Factory(best, factory);
    }

    /**
     * The hooks of a phase in the order to call them: services by ranking (highest first), then
     * those registered through the API in registration order.
     *
     * @param phase the phase
     * @return the hooks
     */
    public List<LifecycleHook> hooksFor(LifecyclePhase phase) {
        List<ServiceReference<LifecycleHook>> refs = new ArrayList<>();
        for (ServiceReference<LifecycleHook> ref : references(hooks)) {
            if (values(ref.getProperty(LifecycleHook.PHASE_PROPERTY)).contains(phase.name())) {
                refs.add(ref);
            }
        }
        refs.sort(Comparator.<ServiceReference<LifecycleHook>>naturalOrder().reversed());
        List<LifecycleHook> result = new ArrayList<>();
        for (ServiceReference<LifecycleHook> ref : refs) {
            LifecycleHook hook = hooks.getService(ref);
            if (hook != null) {
                result.add(hook);
            }
        }
        result.addAll(apiHooks.getOrDefault(phase, List.of()));
        return result;
    }

    /**
     * Registers a factory through the API.
     *
     * @param type the component type
     * @param factory the factory
     * @return removes it and has its instances disposed of
     */
    public Registration registerFactory(String type, InstanceFactory factory) {
        Object key = new Object() {
            @Override
            public String toString() {
                return "factory for " + type + " registered through the API";
            }
        };
        Registered<InstanceFactory> entry = new Registered<>(key, factory);
        apiFactories.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(entry);
        return once(() -> {
            apiFactories.getOrDefault(type, List.of()).remove(entry);
            factoryGone.accept(key);
        });
    }

    /**
     * Registers a hook through the API.
     *
     * @param phase the phase
     * @param hook the hook
     * @return removes it
     */
    public Registration registerHook(LifecyclePhase phase, LifecycleHook hook) {
        List<LifecycleHook> list = apiHooks.computeIfAbsent(phase, p -> new CopyOnWriteArrayList<>());
        list.add(hook);
        return once(() -> list.remove(hook));
    }

    private static Registration once(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private static <T> List<ServiceReference<T>> references(ServiceTracker<T, T> tracker) {
        ServiceReference<T>[] refs = tracker == null ? null : tracker.getServiceReferences();
        return refs == null ? List.of() : List.of(refs);
    }

    /** A service property as a list of strings: one value, an array or a collection. */
    static List<String> values(Object property) {
        List<String> values = new ArrayList<>();
        if (property instanceof String s) {
            values.add(normal(s));
        } else if (property instanceof String[] array) {
            for (String s : array) {
                values.add(normal(s));
            }
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(normal(String.valueOf(v))));
        }
        return values;
    }

    private static String normal(String value) {
        String trimmed = value.trim();
        // phases are enum names; types are case-sensitive, and never look like a phase
        String upper = trimmed.toUpperCase(Locale.ROOT);
        for (LifecyclePhase phase : LifecyclePhase.values()) {
            if (phase.name().equals(upper)) {
                return upper;
            }
        }
        return trimmed;
    }

    @Override
    public void close() {
        for (ServiceTracker<?, ?> tracker : List.of(factories, hooks, listenerTracker)) {
            if (tracker != null) {
                tracker.close();
            }
        }
        listeners.values().forEach(Registration::close);
        listeners.clear();
    }

    /** Tells when a tracked service goes away, before the tracker lets go of it. */
    private final class Gone<T> implements ServiceTrackerCustomizer<T, T> {
        private final Consumer<ServiceReference<T>> onGone;

        Gone(Consumer<ServiceReference<T>> onGone) {
            this.onGone = onGone;
        }

        @Override
        public T addingService(ServiceReference<T> ref) {
            return context.getService(ref);
        }

        @Override
        public void modifiedService(ServiceReference<T> ref, T service) {
            // a change of happyos.factory.type takes effect on the next request
        }

        @Override
        public void removedService(ServiceReference<T> ref, T service) {
            try {
                onGone.accept(ref);
            } catch (RuntimeException e) {
                LOG.warn("could not dispose of the instances of a factory that went away", e);
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
