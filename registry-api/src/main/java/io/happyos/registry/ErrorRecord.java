package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a component's error history.
 *
 * @param at when the error was recorded
 * @param message what went wrong, in words
 */
public record ErrorRecord(Instant at, String message) {

    /**
     * Checks the fields.
     *
     * @param at when the error was recorded
     * @param message what went wrong, in words
     * @throws NullPointerException when a field is null
     */
    public ErrorRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
