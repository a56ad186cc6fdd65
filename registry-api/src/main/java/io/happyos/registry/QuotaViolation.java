package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A component over a rate or resource limit for longer than the quota's grace period: health shows it
 * until the component is back under the limit.
 *
 * @param componentId the component
 * @param quota the quota it breaks
 * @param observed its use, in the quota's unit, when last measured
 * @param since since when it has been over the limit
 * @param enforced whether it was deactivated for it
 * @since 2.3
 */
public record QuotaViolation(String componentId, Quota quota, double observed, Instant since, boolean enforced) {

    /**
     * Checks the fields.
     *
     * @param componentId the component
     * @param quota the quota
     * @param observed its use
     * @param since since when
     * @param enforced whether it was deactivated
     */
    public QuotaViolation {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(since, "since");
    }
}
