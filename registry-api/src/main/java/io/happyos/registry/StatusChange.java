package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One status change of one component, as the registry recorded it.
 *
 * @param sequence the change's number: increasing by one with each change the registry records, so
 *     that a gap between two numbers tells how many changes were missed
 * @param id the component's id
 * @param from its status before, or {@code null} when it was just registered
 * @param to its status after, or {@code null} when it was just unregistered
 * @param at when the change was made
 */
public record StatusChange(long sequence, String id, ComponentStatus from, ComponentStatus to, Instant at) {

    /**
     * Checks the fields.
     *
     * @param sequence the change's number
     * @param id the component's id
     * @param from its status before, or {@code null} when it was just registered
     * @param to its status after, or {@code null} when it was just unregistered
     * @param at when the change was made
     * @throws NullPointerException when {@code id} or {@code at} is null
     * @throws IllegalArgumentException when {@code from} and {@code to} are both null or equal
     */
    public StatusChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        if (from == to) {
            throw new IllegalArgumentException("a status change needs two different statuses, not " + from + " twice");
        }
    }
}
