package io.happyos.registry;

import java.time.Instant;

/**
 * Which audit records to return; {@code null} fields do not filter. Records come newest first.
 *
 * @param componentId only this component's records
 * @param operation only this operation
 * @param actor only this actor
 * @param since only records at or after this time
 * @param until only records before this time
 * @param failedOnly only records of operations that failed
 * @param limit at most this many records (at least 1)
 */
public record AuditQuery(
        String componentId,
        String operation,
        String actor,
        Instant since,
        Instant until,
        boolean failedOnly,
        int limit) {

    /** The limit when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    /**
     * Checks the limit.
     *
     * @param componentId only this component's records, or {@code null}
     * @param operation only this operation, or {@code null}
     * @param actor only this actor, or {@code null}
     * @param since only records at or after this time, or {@code null}
     * @param until only records before this time, or {@code null}
     * @param failedOnly only failures
     * @param limit at most this many
     * @throws IllegalArgumentException for a limit below 1
     */
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** @return the newest {@value #DEFAULT_LIMIT} records, whatever they are */
    public static AuditQuery latest() {
        return new AuditQuery(null, null, null, null, null, false, DEFAULT_LIMIT);
    }

    /**
     * A copy for one component.
     *
     * @param id the component
     * @return the query
     */
    public AuditQuery forComponent(String id) {
        return new AuditQuery(id, operation, actor, since, until, failedOnly, limit);
    }

    /**
     * A copy with another limit.
     *
     * @param max at most this many
     * @return the query
     */
    public AuditQuery limit(int max) {
        return new AuditQuery(componentId, operation, actor, since, until, failedOnly, max);
    }
}
