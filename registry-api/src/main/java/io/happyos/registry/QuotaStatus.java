package io.happyos.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A quota and where its scope stands against it.
 *
 * @param quota the quota
 * @param origin where it was set: {@code setting} (the {@code happyos.quotas} setting, applied at each
 *     start) or the actor that set it through the API or the shell
 * @param setAt when it was set
 * @param used for admission limits, the use over the scope now (across the cluster for a cluster scope);
 *     for the others the highest use of one component of the scope now; -1 when not measured (resource
 *     accounting off)
 * @param over the components over it now (rate and resource limits) or, for admission limits, empty
 * @param note a remark in words, or {@code null} (e.g. that a cluster scope counts this node only)
 * @since 2.3
 */
public record QuotaStatus(Quota quota, String origin, Instant setAt, double used, List<String> over, String note) {

    /**
     * Checks and copies.
     *
     * @param quota the quota
     * @param origin where it was set
     * @param setAt when
     * @param used the use
     * @param over the components over it
     * @param note a remark, or {@code null}
     */
    public QuotaStatus {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(setAt, "setAt");
        over = List.copyOf(over);
    }
}
