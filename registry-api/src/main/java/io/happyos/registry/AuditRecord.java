package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log: who did what to which component, when, and what came of it.
 *
 * @param sequence the record's number, increasing in the order records were written
 * @param at when it happened
 * @param actor who did it: {@code shell}, {@code bundle:SYMBOLICNAME}, {@code folder-watcher},
 *     {@code framework} or {@code registry}
 * @param operation what was done, e.g. {@code activate}, {@code add-dependency}, {@code quarantine}
 * @param componentId the component concerned, or {@code null} for none
 * @param ok whether it succeeded
 * @param error why it failed, or {@code null}
 * @param details more about it, or {@code null}
 */
public record AuditRecord(
        long sequence,
        Instant at,
        String actor,
        String operation,
        String componentId,
        boolean ok,
        String error,
        String details) {

    /**
     * Checks the fields.
     *
     * @param sequence the record's number
     * @param at when it happened
     * @param actor who did it
     * @param operation what was done
     * @param componentId the component, or {@code null}
     * @param ok whether it succeeded
     * @param error why it failed, or {@code null}
     * @param details more, or {@code null}
     * @throws NullPointerException when {@code at}, {@code actor} or {@code operation} is null
     */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operation, "operation");
    }
}
