package io.happyos.registry.core.quota;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.spi.QuotaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which components are over a resource limit, since when, and which have been for longer than the
 * quota's grace period. Fed one sample of every component per tick; answers what changed. Pure: no
 * clock, no threads; the caller serialises the ticks.
 */
final class ResourceWatch {

    /**
     * One component's figures at a tick.
     *
     * @param id its id
     * @param type its type
     * @param threads its threads
     * @param cpuPercent its CPU, percent of a core
     * @param allocationRate its allocation, bytes per second
     */
    record Sample(String id, String type, int threads, double cpuPercent, double allocationRate) {

        double of(QuotaLimit limit) {
            return switch (limit) {
                case MAX_THREADS -> threads;
                case MAX_CPU_PERCENT -> cpuPercent;
                case MAX_ALLOC_RATE -> allocationRate;
                default -> throw new IllegalArgumentException(limit.key() + " is not a resource limit");
            };
        }
    }

    /**
     * What changed at a tick.
     *
     * @param kind EXCEEDED (over for longer than the grace period), CLEARED (back under), or
     *     ENFORCED (over an enforced quota: to deactivate)
     * @param quota the quota
     * @param id the component
     * @param observed its figure
     * @param since since when it has been over
     */
    record Change(QuotaEvent.Kind kind, Quota quota, String id, double observed, Instant since) {}

    private static final QuotaLimit[] RESOURCE_LIMITS = {
        QuotaLimit.MAX_THREADS, QuotaLimit.MAX_CPU_PERCENT, QuotaLimit.MAX_ALLOC_RATE
    };

    private record Key(String id, QuotaLimit limit) {}

    private final Map<Key, Instant> overSince = new HashMap<>();
    private final Map<Key, QuotaViolation> violations = new HashMap<>();

    /**
     * Takes a tick's samples.
     *
     * @param book the quotas
     * @param now the tick's time
     * @param samples every component measured at this tick
     * @return what changed, in the order of the samples
     */
    synchronized List<Change> observe(QuotaBook book, Instant now, List<Sample> samples) {
        List<Change> changes = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (Sample sample : samples) {
            for (QuotaLimit limit : RESOURCE_LIMITS) {
                Key key = new Key(sample.id(), limit);
                seen.add(key);
                Quota quota = strictest(book.covering(limit, sample.id(), sample.type()));
                double value = sample.of(limit);
                if (quota == null || value <= quota.value()) {
                    overSince.remove(key);
                    QuotaViolation gone = violations.remove(key);
                    if (gone != null) {
                        changes.add(
                                new Change(QuotaEvent.Kind.CLEARED, gone.quota(), sample.id(), value, gone.since()));
                    }
                    continue;
                }
                Instant since = overSince.computeIfAbsent(key, k -> now);
                QuotaViolation marked = violations.get(key);
                if (marked != null) {
                    violations.put(key, new QuotaViolation(sample.id(), quota, value, since, marked.enforced()));
                } else if (!Duration.between(since, now).minus(quota.grace()).isNegative()) {
                    violations.put(key, new QuotaViolation(sample.id(), quota, value, since, quota.enforce()));
                    changes.add(new Change(QuotaEvent.Kind.EXCEEDED, quota, sample.id(), value, since));
                    if (quota.enforce()) {
                        changes.add(new Change(QuotaEvent.Kind.ENFORCED, quota, sample.id(), value, since));
                    }
                }
            }
        }
        overSince.keySet().retainAll(seen);
        violations.keySet().retainAll(seen);
        return changes;
    }

    /** @return the components over a limit for longer than its grace period, by component */
    synchronized List<QuotaViolation> violations() {
        List<QuotaViolation> all = new ArrayList<>(violations.values());
        all.sort((a, b) -> a.componentId().equals(b.componentId())
                ? a.quota().limit().compareTo(b.quota().limit())
                : a.componentId().compareTo(b.componentId()));
        return all;
    }

    /** Forgets everything (accounting switched off). */
    synchronized void clear() {
        overSince.clear();
        violations.clear();
    }

    private static Quota strictest(List<Quota> quotas) {
        Quota strictest = null;
        for (Quota q : quotas) {
            if (strictest == null
                    || q.value() < strictest.value()
                    || (q.value() == strictest.value() && q.enforce() && !strictest.enforce())) {
                strictest = q;
            }
        }
        return strictest;
    }
}
