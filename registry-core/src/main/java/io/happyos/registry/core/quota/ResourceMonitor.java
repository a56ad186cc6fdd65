package io.happyos.registry.core.quota;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.ResourceUsage;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.resources.ResourceAccounting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: the resource figures of every component (from {@link ResourceAccounting}), its
 * instance calls per second (from its access count), the peaks of each since the registry started,
 * and the resource limits of the quotas checked against them. Answers {@link ResourceUsage} from the
 * last tick.
 */
public final class ResourceMonitor implements QuotaFigures.Use {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceMonitor.class);

    /**
     * The highest figures of one component since the registry started.
     *
     * @param threads most threads at once (-1 when never measured)
     * @param cpuPercent highest CPU over a window (-1 when never measured)
     * @param allocationRate highest allocation rate (-1 when never measured)
     * @param callsPerSecond highest instance calls per second over a window
     */
    public record Peaks(int threads, double cpuPercent, double allocationRate, double callsPerSecond) {
        static final Peaks NONE = new Peaks(-1, -1, -1, 0);

        Peaks max(ResourceAccounting.Measured m, double calls) {
            return new Peaks(
                    m == null ? threads : Math.max(threads, m.threads()),
                    m == null ? cpuPercent : Math.max(cpuPercent, m.cpuPercent()),
                    m == null ? allocationRate : Math.max(allocationRate, m.allocationRate()),
                    Math.max(callsPerSecond, calls));
        }
    }

    private final ComponentStore store;
    private final ResourceAccounting accounting;
    private final QuotaEngine engine;
    private final Predicate<String> holdsInstance;
    private final int windowSeconds;
    private final Map<String, long[]> accessRings = new HashMap<>(); // guarded by this
    private final Map<String, Peaks> peaks = new ConcurrentHashMap<>();
    private final Map<String, Integer> peakActiveByType = new ConcurrentHashMap<>();
    private volatile Map<Long, ResourceAccounting.Measured> measured = Map.of();
    private volatile Map<String, Double> callRates = Map.of();
    private long ticks;

    /**
     * @param store the entries
     * @param accounting threads, CPU and allocation per bundle
     * @param engine the quotas to check
     * @param holdsInstance whether the registry holds an instance of a component
     */
    public ResourceMonitor(
            ComponentStore store, ResourceAccounting accounting, QuotaEngine engine, Predicate<String> holdsInstance) {
        this.store = store;
        this.accounting = accounting;
        this.engine = engine;
        this.holdsInstance = holdsInstance;
        this.windowSeconds = (int) Math.max(1, accounting.window().toSeconds());
    }

    /** One tick: measure, count, keep the peaks, check the resource limits. Never throws. */
    public synchronized void tick() {
        try {
            ticks++;
            boolean on = accounting.enabled();
            Map<Long, ResourceAccounting.Measured> now = on ? accounting.measureAll() : Map.of();
            measured = now;
            Map<String, Double> rates = new HashMap<>();
            Map<String, Integer> activeByType = new HashMap<>();
            List<ResourceWatch.Sample> samples = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (ComponentRecord r : store.records()) {
                String type = r.info().type();
                if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
                    continue;
                }
                present.add(r.id());
                double calls = callsPerSecond(r);
                rates.put(r.id(), calls);
                if (r.status() == ComponentStatus.ACTIVE) {
                    activeByType.merge(type, 1, Integer::sum);
                }
                ResourceAccounting.Measured m =
                        r.hasBundle() && on ? now.getOrDefault(r.bundleId(), ResourceAccounting.Measured.NONE) : null;
                peaks.compute(r.id(), (id, p) -> (p == null ? Peaks.NONE : p).max(m, calls));
                if (m != null) {
                    samples.add(
                            new ResourceWatch.Sample(r.id(), type, m.threads(), m.cpuPercent(), m.allocationRate()));
                }
            }
            callRates = rates;
            accessRings.keySet().retainAll(present);
            peaks.keySet().retainAll(present);
            activeByType.forEach((type, n) -> peakActiveByType.merge(type, n, Math::max));
            if (on) {
                engine.observe(samples);
            } else {
                engine.unmeasured();
            }
        } catch (RuntimeException e) {
            LOG.warn("the resource monitor's tick failed: {}", e.toString(), e);
        }
    }

    /** Instance calls per second over the window, from the record's access count at each tick. */
    private double callsPerSecond(ComponentRecord r) {
        long[] ring = accessRings.computeIfAbsent(r.id(), id -> new long[windowSeconds + 2]);
        // ring[0] counts the ticks seen, the rest the access counts of the last windowSeconds + 1 ticks
        long seen = ring[0]++;
        int slots = ring.length - 1;
        long count = r.accessCount();
        ring[1 + (int) (seen % slots)] = count;
        if (seen == 0) {
            return 0;
        }
        long span = Math.min(seen, slots - 1);
        long before = ring[1 + (int) ((seen - span) % slots)];
        return Math.max(0, count - before) / (double) span;
    }

    /**
     * What a component costs, as of the last tick.
     *
     * @param r the component
     * @return its usage
     */
    public ResourceUsage usage(ComponentRecord r) {
        boolean on = accounting.enabled();
        ResourceAccounting.Measured m = on && r.hasBundle() ? measured.get(r.bundleId()) : null;
        if (on && r.hasBundle() && m == null && measured.isEmpty()) {
            m = accounting.measureAll().get(r.bundleId()); // switched on since the last tick
        }
        boolean accounted = on && r.hasBundle();
        if (m == null) {
            m = ResourceAccounting.Measured.NONE;
        }
        int instances = holdsInstance.test(r.id()) ? 1 : 0;
        return new ResourceUsage(
                r.id(),
                accounted,
                m.threads(),
                m.threadNames(),
                m.cpuPercent(),
                m.cpuShare(),
                m.allocationRate(),
                instances,
                instances,
                r.lastActivationTime(),
                callRates.getOrDefault(r.id(), 0.0),
                accounting.window());
    }

    @Override
    public double of(String id, QuotaLimit limit) {
        if (limit == QuotaLimit.CALLS_PER_SECOND) {
            return callRates.getOrDefault(id, 0.0);
        }
        ComponentRecord r = store.find(id).orElse(null);
        if (r == null || !r.hasBundle() || !accounting.enabled()) {
            return -1;
        }
        ResourceAccounting.Measured m = measured.getOrDefault(r.bundleId(), ResourceAccounting.Measured.NONE);
        return switch (limit) {
            case MAX_THREADS -> m.threads();
            case MAX_CPU_PERCENT -> m.cpuPercent();
            case MAX_ALLOC_RATE -> m.allocationRate();
            default -> -1;
        };
    }

    @Override
    public boolean holdsInstance(String id) {
        return holdsInstance.test(id);
    }

    /**
     * @param id a component
     * @return its peaks since the registry started
     */
    public Peaks peaks(String id) {
        return peaks.getOrDefault(id, Peaks.NONE);
    }

    /** @return the most components of each type active at once, as seen at the ticks */
    public Map<String, Integer> peakActiveByType() {
        return Map.copyOf(peakActiveByType);
    }

    /** @return the window of the figures */
    public Duration window() {
        return accounting.window();
    }
}
