package io.happyos.registry.core.instance;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.extension.Whiteboard;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.stats.PerformanceRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of active components: made by the factory for the component's type, or else the
 * service the component's bundle registers under its name; kept in an {@link InstanceCache};
 * disposed of when the component stops, the cache evicts them, or their factory goes away.
 */
public final class ComponentInstances {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentInstances.class);
    /** A power of two: one cache hit in this many is timed for the mean lookup time; every miss is. */
    static final int TIMED_ONE_IN = 64;

    private final ComponentStore store;
    private final Whiteboard whiteboard;
    private final TimedCalls calls;
    private final Duration timeout;
    private final BundleContext context;
    private final PerformanceRecorder performance;
    private final InstanceCache cache;

    /**
     * @param store the entries
     * @param whiteboard where factories come from
     * @param calls how factories are called
     * @param timeout how long a factory may take
     * @param context the registry bundle's context, to get services
     * @param performance where lookups are timed
     * @param ticker the cache's clock
     */
    public ComponentInstances(
            ComponentStore store,
            Whiteboard whiteboard,
            TimedCalls calls,
            Duration timeout,
            BundleContext context,
            PerformanceRecorder performance,
            com.github.benmanes.caffeine.cache.Ticker ticker) {
        this.store = store;
        this.whiteboard = whiteboard;
        this.calls = calls;
        this.timeout = timeout;
        this.context = context;
        this.performance = performance;
        this.cache = new InstanceCache(ticker, this::dispose);
    }

    /**
     * The instance of an active component, made on first use. Counts as an access.
     *
     * @param id the component
     * @return the instance
     * @throws RegistryException when it is not active or nothing can make its instance
     */
    public Object get(String id) {
        return get(id, null);
    }

    /**
     * The instance of an active component, made on first use, the access counted by a consumer's
     * counter.
     *
     * @param id the component
     * @param consumer counts the access instead of the record and the performance recorder, or
     *     {@code null} for those to count it
     * @return the instance
     * @throws RegistryException when it is not active or nothing can make its instance
     */
    public Object get(String id, ConsumerCounter consumer) {
        // the hot path, an instance already made: one cache lookup finds the instance and the record
        // it was made for (its status and counters), no lock, no allocation, one counter incremented;
        // small, so that it is compiled into its callers. One lookup in TIMED_ONE_IN is timed
        Slot slot = cache.slotIfReady(Objects.requireNonNull(id, "id"));
        ComponentRecord record = slot == null ? null : slot.record();
        if (record != null
                && record.status() == ComponentStatus.ACTIVE
                && !record.removed()
                && (ThreadLocalRandom.current().nextInt() & (TIMED_ONE_IN - 1)) != 0) {
            counted(record, cache.recentMillis(), consumer);
            if (consumer == null) {
                performance.untimedHit();
            }
            return slot.instance();
        }
        return timedGet(id, consumer);
    }

    /** {@link #get}, timed: a lookup sampled for the mean time, or one that finds no instance ready. */
    private Object timedGet(String id, ConsumerCounter consumer) {
        long start = System.nanoTime();
        Slot slot = cache.slotIfReady(id);
        ComponentRecord record = slot == null ? null : slot.record();
        if (record != null && record.status() == ComponentStatus.ACTIVE && !record.removed()) {
            counted(record, cache.recentMillis(), consumer);
            looked(System.nanoTime() - start, true, consumer);
            return slot.instance();
        }
        record = store.record(id);
        ComponentStatus status = record.status();
        if (status != ComponentStatus.ACTIVE) {
            throw new RegistryException(
                    id + " is not active (" + status + "): activate it first (registry:activate " + id + ")");
        }
        boolean[] created = {false};
        ComponentRecord current = record;
        Object instance = cache.get(id, key -> {
            created[0] = true;
            return create(current);
        });
        counted(record, System.currentTimeMillis(), consumer);
        looked(System.nanoTime() - start, !created[0], consumer);
        return instance;
    }

    private static void counted(ComponentRecord record, long nowMillis, ConsumerCounter consumer) {
        if (consumer == null) {
            record.recordAccess(nowMillis);
        } else {
            record.accessedAt(nowMillis);
            consumer.count(record, nowMillis);
            record.accessCounted();
        }
    }

    private void looked(long nanos, boolean hit, ConsumerCounter consumer) {
        if (consumer == null) {
            performance.lookup(nanos, hit);
        } else {
            performance.timed(nanos, hit);
        }
    }

    /**
     * The wall clock as of the last lookup on this thread: right after {@link #get} returned, the
     * time of that lookup (to about a millisecond) without reading the clock again. See
     * {@link InstanceCache#recentMillis()}.
     *
     * @return epoch milliseconds
     */
    public long recentMillis() {
        return cache.recentMillis();
    }

    private volatile io.happyos.registry.core.model.QuotaGate quotas = io.happyos.registry.core.model.QuotaGate.OPEN;

    /**
     * Tells the quotas to ask before an instance is made.
     *
     * @param quotas the quotas
     */
    public void quotas(io.happyos.registry.core.model.QuotaGate quotas) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * Whether the registry holds an instance of a component now.
     *
     * @param id the component
     * @return whether its instance is in the cache
     */
    public boolean holds(String id) {
        return cache.peek(id) != null;
    }

    private InstanceCache.Held create(ComponentRecord record) {
        quotas.admitInstance(record, this::holds);
        RegistryEntry entry = store.snapshot(record);
        Whiteboard.Factory factory = whiteboard.factoryFor(entry.component().type());
        if (factory != null) {
            Object instance;
            try {
                instance = calls.call(() -> factory.factory().create(entry), timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while the factory made the instance of " + record.id(), e);
            } catch (Exception e) {
                throw new RegistryException(
                        "the factory for type " + entry.component().type() + " could not make " + record.id() + ": "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                        e);
            }
            if (instance == null) {
                throw new RegistryException(
                        "the factory for type " + entry.component().type() + " returned null for " + record.id());
            }
            return new InstanceCache.Held(instance, factory, record);
        }
        ServiceReference<?> ref = namedService(record);
        Object service = ref == null ? null : context.getService(ref);
        if (service == null) {
            throw new RegistryException("nothing provides an instance of " + record.id() + ": register a "
                    + "InstanceFactory for type " + entry.component().type() + ", or have its bundle register a "
                    + "service with " + DynamicRegistry.COMPONENT_NAME_PROPERTY + "="
                    + entry.component().name());
        }
        return new InstanceCache.Held(service, ref, record);
    }

    /** The best service the component's bundle registers under the component's name. */
    private ServiceReference<?> namedService(ComponentRecord record) {
        if (record.control() != null) {
            return record.control().service(); // a service component: its own service object
        }
        if (!record.hasBundle()) {
            return null;
        }
        String filter = "(" + DynamicRegistry.COMPONENT_NAME_PROPERTY + "="
                + escape(record.info().name()) + ")";
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + filter, e);
        }
        ServiceReference<?> best = null;
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (ref.getBundle() != null
                    && ref.getBundle().getBundleId() == record.bundleId()
                    && (best == null || ref.compareTo(best) > 0)) {
                best = ref;
            }
        }
        return best;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("(", "\\(")
                .replace(")", "\\)");
    }

    private void dispose(String id, InstanceCache.Held held) {
        if (held.source() instanceof ServiceReference<?> ref) {
            context.ungetService(ref);
        } else if (held.source() instanceof Whiteboard.Factory factory) {
            RegistryEntry entry = store.find(id).map(store::snapshot).orElse(null);
            try {
                calls.call(
                        () -> {
                            factory.factory().dispose(entry, held.instance());
                            return null;
                        },
                        timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("the factory could not dispose of the instance of {}: {}", id, e.getMessage(), e);
            }
        }
    }

    /**
     * Disposes of a component's instance.
     *
     * @param id the component
     * @return whether it had one
     */
    public boolean cleanup(String id) {
        return cache.remove(id);
    }

    /**
     * Disposes of the instances not accessed for a while.
     *
     * @param idleFor how long
     * @return their ids
     */
    public List<String> cleanupIdle(Duration idleFor) {
        return cache.removeIdle(idleFor);
    }

    /**
     * Bounds the instances kept.
     *
     * @param maxSize the most kept
     * @param ttl how long after creation
     */
    public void enableCaching(int maxSize, Duration ttl) {
        cache.enable(maxSize, ttl);
    }

    /**
     * Disposes of every instance a factory made: it went away.
     *
     * @param factoryKey the factory's key (see {@link Whiteboard.Factory#key()})
     */
    public void factoryGone(Object factoryKey) {
        cache.removeIf((id, held) ->
                held.source() instanceof Whiteboard.Factory f && f.key().equals(factoryKey));
    }
}
