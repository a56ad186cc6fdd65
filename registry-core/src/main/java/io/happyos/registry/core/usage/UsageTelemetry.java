package io.happyos.registry.core.usage;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.Dependency;
import io.happyos.registry.DriftReport;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.FindHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage telemetry: which consumer bundles use which components, and how often. Lookups are counted
 * by a framework find hook ({@link ServiceLookupHook}), instance calls by the registry, and who
 * holds a component's service is read from the framework ({@code getUsingBundles}) every few
 * seconds and at every query, so that consumers that only track services (DS components, service
 * trackers opened before the service came) are seen too. Everything is in memory, from the
 * registry's start.
 */
public final class UsageTelemetry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageTelemetry.class);
    private static final String COMPONENT_SERVICES =
            "(|(" + ProviderKey.DS_NAME + "=*)(" + DynamicRegistry.COMPONENT_NAME_PROPERTY + "=*))";
    /** Metadata the service components carry: the entry of the bundle that declares or registers them. */
    private static final List<String> OWNER_KEYS = List.of("Declared-By", "Registered-By");

    private static final String DS_MARKER = "DS-Component";

    private final BundleContext context;
    private final ComponentStore store;
    private final Predicate<String> hasFactory;
    private final Clock clock;
    private final Instant since;
    private final long ownBundleId;
    private final UsageCounters counters = new UsageCounters();
    private volatile ServiceRegistration<FindHook> hook;

    /**
     * @param context the registry bundle's context
     * @param store the entries
     * @param hasFactory whether a component factory makes the instances of a component type
     * @param clock the time source
     */
    public UsageTelemetry(BundleContext context, ComponentStore store, Predicate<String> hasFactory, Clock clock) {
        this.context = context;
        this.store = store;
        this.hasFactory = hasFactory;
        this.clock = clock;
        this.since = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.ownBundleId = context.getBundle().getBundleId();
    }

    /** Starts counting lookups: publishes the find hook, called last so that it sees what callers get. */
    public void open() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MIN_VALUE);
        props.put(Constants.SERVICE_DESCRIPTION, "HappyOS registry usage telemetry (counts lookups, hides nothing)");
        hook = context.registerService(FindHook.class, new ServiceLookupHook(ownBundleId, counters, clock), props);
    }

    /** Stops counting lookups. */
    @Override
    public void close() {
        ServiceRegistration<FindHook> current = hook;
        hook = null;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("usage telemetry hook already unregistered");
            }
        }
    }

    /**
     * Counts an instance obtained from the registry.
     *
     * @param componentId the component
     * @param caller the bundle whose view of the registry was called, or {@code null} (not counted)
     */
    public void instanceCall(String componentId, Bundle caller) {
        if (caller != null) {
            instanceCall(componentId, caller, clock.millis());
        }
    }

    /**
     * Counts a call of {@code getComponentInstance} at a time the caller already knows (an instance
     * lookup knows the time of its cache hit), so the hot path reads no clock. Never throws.
     *
     * @param componentId the component
     * @param caller the bundle whose view of the registry was called, or {@code null} (not counted)
     * @param nowMillis the time of the call, epoch milliseconds
     */
    public void instanceCall(String componentId, Bundle caller, long nowMillis) {
        if (caller == null) {
            return;
        }
        try {
            counters.ofInstance(componentId, caller).instanceCall(nowMillis);
        } catch (RuntimeException e) {
            LOG.debug("usage telemetry could not count an instance call of {}", componentId, e);
        }
    }

    /**
     * One consumer's counter of instance calls for one component record, for a caller that counts
     * many calls (a bundle's registry object keeps the ones it used last): counting through it
     * makes no map lookup and increments one counter. The counts are those {@link #instanceCall}
     * makes; {@link #getAsLong} reads them.
     */
    public static final class InstanceCalls implements LongSupplier {

        private final ComponentRecord record;
        private final ConsumerCounters counters;
        private final LongAdder calls; // the counters' own, held here to save a hop on every call
        // the millisecond of the last call counted through this object: the counters' first and last
        // seen are looked at only when it moves on. Racy on purpose: a thread that reads an old value
        // only looks at them once more
        private long lastMillis;

        private InstanceCalls(ComponentRecord record, ConsumerCounters counters) {
            this.record = record;
            this.counters = counters;
            this.calls = counters.instanceCallCounter();
        }

        /** @return the component record counted for */
        public ComponentRecord record() {
            return record;
        }

        /**
         * Counts one call.
         *
         * @param nowMillis the time of the call, epoch milliseconds
         */
        public void count(long nowMillis) {
            calls.increment();
            if (nowMillis != lastMillis) {
                lastMillis = nowMillis;
                counters.seen(nowMillis);
            }
        }

        /** @return the calls counted so far, by this counter or by {@link #instanceCall} */
        @Override
        public long getAsLong() {
            return calls.sum();
        }

        /** Equal when they count into the same counters: the same consumer's calls of one component. */
        @Override
        public boolean equals(Object other) {
            return other instanceof InstanceCalls that && that.counters == counters;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(counters);
        }
    }

    /**
     * The counter of a consumer's instance calls of a component, made on first use; the same
     * counts as {@link #instanceCall(String, Bundle, long)}, which it saves the lookups of.
     *
     * @param record the component
     * @param caller the consumer bundle
     * @return its counter
     */
    public InstanceCalls instanceCalls(ComponentRecord record, Bundle caller) {
        return new InstanceCalls(record, counters.ofInstance(record.id(), caller));
    }

    /**
     * @return every instance call counted, of every component by every consumer bundle, since the
     *     start; never decreases
     */
    public long instanceCallsTotal() {
        return counters.instanceCallsTotal();
    }

    /** Notes which bundles hold component services now; called every few seconds. Never throws. */
    public void sampleHolders() {
        try {
            holders(services());
        } catch (RuntimeException e) {
            LOG.warn("usage telemetry could not sample the services in use: {}", e.toString(), e);
        }
    }

    /**
     * The usage of one component.
     *
     * @param id the component
     * @return its usage
     * @throws ComponentNotFoundException for an unknown id
     */
    public ServiceUsage usage(String id) {
        ComponentRecord record = store.record(id);
        Map<ProviderKey, List<ServiceReference<?>>> services = services();
        Map<ProviderKey, Set<Long>> holders = holders(services);
        Owner owner = owner(record);
        ProviderKey key = serviceKey(record, owner);
        List<String> offers = offers(record, key, services);
        return usage(record, key, holders, offers);
    }

    /**
     * Compares declared dependencies with observed use.
     *
     * @return the report
     */
    public DriftReport drift() {
        Map<ProviderKey, List<ServiceReference<?>>> services = services();
        Map<ProviderKey, Set<Long>> holders = holders(services);
        List<ComponentRecord> records = store.records();
        Map<String, List<Dependency>> edges = store.readGraph(g -> {
            Map<String, List<Dependency>> all = new HashMap<>();
            records.forEach(r -> all.put(r.id(), g.contains(r.id()) ? g.dependencyDetails(r.id()) : List.of()));
            return all;
        });
        List<ComponentFacts> facts = new ArrayList<>(records.size());
        Map<String, ServiceUsage> usage = new HashMap<>();
        for (ComponentRecord r : records) {
            Owner owner = owner(r);
            ProviderKey key = serviceKey(r, owner);
            List<String> offers = offers(r, key, services);
            boolean active = r.status() == ComponentStatus.ACTIVE;
            facts.add(new ComponentFacts(
                    r.id(),
                    active,
                    DynamicRegistry.TYPE_SYSTEM.equals(r.info().type()),
                    owner.bundleId(),
                    owner.entry(),
                    active && !offers.isEmpty(),
                    offers,
                    edges.getOrDefault(r.id(), List.of())));
            ServiceUsage u = usage(r, key, holders, offers);
            if (!u.consumers().isEmpty()) {
                usage.put(r.id(), u);
            }
        }
        return new DriftAnalysis(since, facts, usage).report();
    }

    /** The component services registered now, by key: one lookup of the framework. */
    private Map<ProviderKey, List<ServiceReference<?>>> services() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, COMPONENT_SERVICES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException stopped) {
            return Map.of(); // the registry bundle is stopping
        }
        Map<ProviderKey, List<ServiceReference<?>>> byKey = new HashMap<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            ProviderKey key = ProviderKey.of(ref);
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(ref);
            }
        }
        return byKey;
    }

    /** Who holds each component's services now (the registry itself left out), noted as seen. */
    private Map<ProviderKey, Set<Long>> holders(Map<ProviderKey, List<ServiceReference<?>>> services) {
        long now = clock.millis();
        Map<ProviderKey, Set<Long>> holders = new HashMap<>();
        services.forEach((key, refs) -> {
            for (ServiceReference<?> ref : refs) {
                Bundle[] using = ref.getUsingBundles();
                for (Bundle b : using == null ? new Bundle[0] : using) {
                    if (b.getBundleId() != ownBundleId) {
                        counters.of(key, b).held(now);
                        holders.computeIfAbsent(key, k -> new HashSet<>()).add(b.getBundleId());
                    }
                }
            }
        });
        return holders;
    }

    /** The bundle behind a component and its entry. */
    private record Owner(String entry, long bundleId) {}

    private Owner owner(ComponentRecord record) {
        if (record.hasBundle()) {
            return new Owner(record.id(), record.bundleId());
        }
        for (String key : OWNER_KEYS) {
            String by = record.info().metadata().get(key);
            if (by != null) {
                ComponentRecord bundle =
                        store.find(by).filter(ComponentRecord::hasBundle).orElse(null);
                if (bundle != null) {
                    return new Owner(bundle.id(), bundle.bundleId());
                }
            }
        }
        return new Owner(null, RegistryEntry.NO_BUNDLE);
    }

    /** The key a component's services are counted under, or {@code null} when it can have none. */
    private static ProviderKey serviceKey(ComponentRecord record, Owner owner) {
        if (owner.bundleId() == RegistryEntry.NO_BUNDLE) {
            return null;
        }
        boolean ds = !record.hasBundle() && record.info().metadata().containsKey(DS_MARKER);
        return new ProviderKey(
                ds ? ProviderKey.Kind.DS : ProviderKey.Kind.NAMED,
                owner.bundleId(),
                record.info().name());
    }

    private List<String> offers(
            ComponentRecord record, ProviderKey key, Map<ProviderKey, List<ServiceReference<?>>> services) {
        List<String> offers = new ArrayList<>();
        for (ServiceReference<?> ref :
                key == null ? List.<ServiceReference<?>>of() : services.getOrDefault(key, List.of())) {
            Object classes = ref.getProperty(Constants.OBJECTCLASS);
            offers.add("service "
                    + (classes instanceof String[] names ? String.join(", ", names) : String.valueOf(classes))
                    + " (service.id " + ref.getProperty(Constants.SERVICE_ID) + ")");
        }
        if (hasFactory.test(record.info().type())) {
            offers.add("instances made by the InstanceFactory for type "
                    + record.info().type());
        }
        return offers;
    }

    private ServiceUsage usage(
            ComponentRecord record, ProviderKey key, Map<ProviderKey, Set<Long>> holders, List<String> offers) {
        Map<Long, Merged> merged = new TreeMap<>();
        if (key != null) {
            counters.consumers(key)
                    .values()
                    .forEach(c -> merged.computeIfAbsent(c.bundleId(), id -> new Merged(c))
                            .add(c));
        }
        counters.consumers(ProviderKey.instance(record.id()))
                .values()
                .forEach(c -> merged.computeIfAbsent(c.bundleId(), id -> new Merged(c))
                        .add(c));
        Set<Long> holding = key == null ? Set.of() : holders.getOrDefault(key, Set.of());
        List<ConsumerUsage> consumers = new ArrayList<>();
        for (Merged m : merged.values()) {
            if (m.first == Long.MAX_VALUE) {
                continue; // counters made a moment ago, not counted yet
            }
            String entry =
                    store.findByBundle(m.bundleId).map(ComponentRecord::id).orElse(null);
            consumers.add(new ConsumerUsage(
                    entry,
                    m.bundleId,
                    m.symbolicName,
                    m.lookups,
                    m.instanceCalls,
                    holding.contains(m.bundleId),
                    Instant.ofEpochMilli(m.first),
                    Instant.ofEpochMilli(m.last)));
        }
        consumers.sort(Comparator.comparingLong((ConsumerUsage c) -> -(c.lookups() + c.instanceCalls()))
                .thenComparing(ConsumerUsage::name));
        boolean observable = record.status() == ComponentStatus.ACTIVE && !offers.isEmpty();
        return new ServiceUsage(record.id(), since, observable, offers, consumers);
    }

    /** One consumer's counts for a component's services and its instance together. */
    private static final class Merged {
        final long bundleId;
        final String symbolicName;
        long lookups;
        long instanceCalls;
        long first = Long.MAX_VALUE;
        long last;

        Merged(ConsumerCounters c) {
            this.bundleId = c.bundleId();
            this.symbolicName = c.symbolicName();
        }

        Merged add(ConsumerCounters c) {
            lookups += c.lookups();
            instanceCalls += c.instanceCalls();
            if (c.firstSeen() != 0) {
                first = Math.min(first, c.firstSeen());
                last = Math.max(last, c.lastSeen());
            }
            return this;
        }
    }
}
