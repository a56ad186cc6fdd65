package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommendations from observations: pure logic, no state, the same advice for the same observations.
 *
 * <p>Advice comes most useful first, by kind, in this order:
 *
 * <ol>
 *   <li>{@link io.happyos.registry.AdviceKind#ERROR_RATE}: something is going wrong now;
 *   <li>{@link io.happyos.registry.AdviceKind#SLOW_ACTIVATION}: something got worse;
 *   <li>{@link io.happyos.registry.AdviceKind#UNDECLARED_DEPENDENCY}: a hidden dependency, which breaks the
 *       consumer when the registry stops what it does not know is needed;
 *   <li>{@link io.happyos.registry.AdviceKind#UNUSED}: threads and memory to win back;
 *   <li>{@link io.happyos.registry.AdviceKind#QUOTA}: protection against what has not happened yet;
 *   <li>{@link io.happyos.registry.AdviceKind#USED_TOGETHER}: convenience;
 *   <li>{@link io.happyos.registry.AdviceKind#UNUSED_DEPENDENCY}: tidiness.
 * </ol>
 *
 * <p>Within a kind: the largest rise of errors, the largest slowdown, the drift report's order, the
 * component that would free the most threads, then allocation, then instances, the quotas by
 * component and limit then by type, the largest group. Ties are broken by id. The thresholds are in
 * {@link AnomalyAdvice}, {@link UsageAdvice} and {@link QuotaAdvice}.
 */
public final class Advisor {

    private Advisor() {}

    /**
     * The advice the observations call for, most useful first.
     *
     * @param observations what the registry observed
     * @return the advice, unmodifiable; empty for a quiet registry
     */
    public static List<Advice> advise(Observations observations) {
        List<Advice> advice = new ArrayList<>();
        advice.addAll(AnomalyAdvice.errorRates(
                observations.components(),
                observations.now(),
                observations.drift().observedSince()));
        advice.addAll(AnomalyAdvice.slowActivations(observations.components()));
        advice.addAll(DriftAdvice.undeclared(observations.drift()));
        advice.addAll(UsageAdvice.unused(observations));
        advice.addAll(QuotaAdvice.suggest(observations));
        advice.addAll(UsageAdvice.usedTogether(observations.components()));
        advice.addAll(DriftAdvice.unused(observations.drift()));
        return List.copyOf(advice);
    }
}
