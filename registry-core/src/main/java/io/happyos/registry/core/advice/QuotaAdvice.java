package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quotas suggested from observed peaks: {@value #HEADROOM} times the peak, rounded up, for what has no
 * quota of that limit yet.
 *
 * <p>Per component, for {@code max-threads}, {@code max-cpu-percent}, {@code max-alloc-rate} and
 * {@code calls-per-second}, when no quota of the limit covers it (its id, its type or {@code global}) and
 * the peak was measured (not -1) and is at least: 1 thread, {@value #MIN_CPU_PERCENT}% of a core,
 * {@link #MIN_ALLOC_RATE} bytes per second, 1 call per second; lower peaks are no ground for a limit.
 * Per type, {@code max-active} when at least {@value #MIN_PEAK_ACTIVE} components of it were active at
 * once and no quota of {@code type:T} or {@code cluster:type:T} limits it.
 */
final class QuotaAdvice {

    /** How much above the peak a suggested quota lies: room for normal variation, still a bound. */
    static final double HEADROOM = 1.5;

    /** The lowest CPU peak, in percent of a core, that calls for a quota. */
    static final double MIN_CPU_PERCENT = 5;

    /** The lowest allocation peak, in bytes per second, that calls for a quota: 1 MB/s. */
    static final double MIN_ALLOC_RATE = 1 << 20;

    /**
     * The lowest peak of components of a type active at once that calls for a {@code max-active} quota: a
     * type of one or two components needs no cap of its own.
     */
    static final int MIN_PEAK_ACTIVE = 3;

    private QuotaAdvice() {}

    /**
     * The suggested quotas: per component in the order given, by limit; then per type, by type.
     *
     * @param observations what was observed
     * @return one advice per quota suggested
     */
    static List<Advice> suggest(Observations observations) {
        List<Advice> advice = new ArrayList<>();
        List<ComponentFacts> components = new ArrayList<>(observations.components());
        components.sort(Comparator.comparing(ComponentFacts::id));
        for (ComponentFacts c : components) {
            if (c.peakThreads() >= 1 && uncovered(observations, c, QuotaLimit.MAX_THREADS)) {
                double value = Math.ceil(c.peakThreads() * HEADROOM);
                advice.add(component(c, QuotaLimit.MAX_THREADS, value, Wording.count(c.peakThreads(), "thread")));
            }
            if (c.peakCpuPercent() >= MIN_CPU_PERCENT && uncovered(observations, c, QuotaLimit.MAX_CPU_PERCENT)) {
                double value = Math.ceil(c.peakCpuPercent() * HEADROOM);
                advice.add(component(
                        c, QuotaLimit.MAX_CPU_PERCENT, value, Wording.percent(c.peakCpuPercent()) + " of a core"));
            }
            if (c.peakAllocationRate() >= MIN_ALLOC_RATE && uncovered(observations, c, QuotaLimit.MAX_ALLOC_RATE)) {
                double value = roundUpSize(c.peakAllocationRate() * HEADROOM);
                advice.add(component(c, QuotaLimit.MAX_ALLOC_RATE, value, Wording.rate(c.peakAllocationRate())));
            }
            if (c.peakCallsPerSecond() >= 1 && uncovered(observations, c, QuotaLimit.CALLS_PER_SECOND)) {
                double value = Math.ceil(c.peakCallsPerSecond() * HEADROOM);
                advice.add(component(
                        c,
                        QuotaLimit.CALLS_PER_SECOND,
                        value,
                        Wording.decimal(c.peakCallsPerSecond(), 1) + " instance calls per second by one consumer"));
            }
        }
        for (Map.Entry<String, Integer> peak : new TreeMap<>(observations.peakActiveByType()).entrySet()) {
            String type = peak.getKey();
            if (peak.getValue() >= MIN_PEAK_ACTIVE && typeUncovered(observations, type)) {
                List<String> ofType = components.stream()
                        .filter(c -> c.type().equals(type))
                        .map(ComponentFacts::id)
                        .toList();
                advice.add(type(type, peak.getValue(), ofType));
            }
        }
        return advice;
    }

    private static Advice component(ComponentFacts c, QuotaLimit limit, double value, String peak) {
        Quota quota = new Quota(c.id(), limit, value);
        String summary =
                "limit " + c.id() + " to " + quota.valueText() + " (" + limit.key() + "): its peak was " + peak;
        List<String> evidence = List.of(
                "peak since the registry started: " + peak,
                "no " + limit.key() + " quota covers " + c.id() + " (its id, type:" + c.type() + " or global)",
                "suggested: " + Wording.decimal(HEADROOM, 1) + " x the peak, rounded up");
        return new Advice(
                AdviceKind.QUOTA,
                List.of(c.id()),
                summary,
                evidence,
                "registry:quota set " + c.id() + " " + limit.key() + " " + quota.valueText());
    }

    private static Advice type(String type, int peak, List<String> ofType) {
        Quota quota = new Quota(Quota.TYPE_PREFIX + type, QuotaLimit.MAX_ACTIVE, Math.ceil(peak * HEADROOM));
        String summary = "limit the components of type " + type + " active at once to " + quota.valueText()
                + " (max-active): at most " + peak + " were";
        List<String> evidence = List.of(
                "peak since the registry started: " + Wording.count(peak, "component") + " of type " + type
                        + " active at once",
                "no max-active quota limits type:" + type,
                "suggested: " + Wording.decimal(HEADROOM, 1) + " x the peak, rounded up");
        return new Advice(
                AdviceKind.QUOTA,
                ofType,
                summary,
                evidence,
                "registry:quota set " + quota.scope() + " max-active " + quota.valueText());
    }

    private static boolean uncovered(Observations observations, ComponentFacts c, QuotaLimit limit) {
        for (QuotaStatus status : observations.quotas()) {
            Quota q = status.quota();
            if (q.limit() == limit && !q.clusterScoped() && q.covers(c.id(), c.type())) {
                return false;
            }
        }
        return true;
    }

    private static boolean typeUncovered(Observations observations, String type) {
        for (QuotaStatus status : observations.quotas()) {
            Quota q = status.quota();
            if (q.limit() == QuotaLimit.MAX_ACTIVE && type.equals(q.scopeType())) {
                return false;
            }
        }
        return true;
    }

    /** Up to a whole MB (or KB below 1 MB), so that the quota reads as a round size. */
    private static double roundUpSize(double bytes) {
        double unit = bytes >= (1 << 20) ? 1 << 20 : 1 << 10;
        return Math.ceil(bytes / unit) * unit;
    }
}
