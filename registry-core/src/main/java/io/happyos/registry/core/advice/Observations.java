package io.happyos.registry.core.advice;

import io.happyos.registry.DriftReport;
import io.happyos.registry.QuotaStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the registry has observed, as the {@link Advisor} reads it: a snapshot, gathered by the
 * registry (or made up by a test).
 *
 * @param now when it was gathered
 * @param components every component that is not part of the container
 * @param drift declared and observed use (dependencies used and undeclared, declared and unused)
 * @param quotas the quotas set now
 * @param peakActiveByType the most components of each type active at once since the registry started
 */
public record Observations(
        Instant now,
        List<ComponentFacts> components,
        DriftReport drift,
        List<QuotaStatus> quotas,
        Map<String, Integer> peakActiveByType) {

    /**
     * Checks and copies.
     *
     * @param now when
     * @param components the components
     * @param drift the drift report
     * @param quotas the quotas
     * @param peakActiveByType peaks of active components per type
     */
    public Observations {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(drift, "drift");
        components = List.copyOf(components);
        quotas = List.copyOf(quotas);
        peakActiveByType = Map.copyOf(peakActiveByType);
    }
}
