package io.happyos.registry.spi;

import io.happyos.registry.Quota;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a quota did, as {@link QuotaListener}s are told.
 *
 * @param kind what happened
 * @param quota the quota
 * @param componentId the component concerned
 * @param observed the use, in the quota's unit
 * @param message what happened in one sentence, the same as the log's and the audit log's
 * @param at when
 * @since 2.1
 */
public record QuotaEvent(Kind kind, Quota quota, String componentId, double observed, String message, Instant at) {

    /** What happened. */
    public enum Kind {
        /** An admission limit refused an operation, or a rate limit rejected a call. */
        REFUSED,
        /** A component has been over a resource limit for longer than the grace period (a warning). */
        EXCEEDED,
        /** A component over an enforced resource limit was deactivated. */
        ENFORCED,
        /** A component marked as over a limit is back under it. */
        CLEARED
    }

    /**
     * Checks the fields.
     *
     * @param kind what happened
     * @param quota the quota
     * @param componentId the component
     * @param observed the use
     * @param message the sentence
     * @param at when
     */
    public QuotaEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
