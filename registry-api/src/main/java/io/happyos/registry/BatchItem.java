package io.happyos.registry;

import java.util.Objects;

/**
 * The result of a batch operation for one item.
 *
 * @param key what the item was: the component id, or for a registration the JAR path or name given
 * @param id the component's id, or {@code null} when a registration failed
 * @param outcome what happened
 * @param message why it failed or was skipped, else {@code null}
 */
public record BatchItem(String key, String id, BatchOutcome outcome, String message) {

    /**
     * Checks the fields.
     *
     * @param key the item
     * @param id the component's id, or {@code null}
     * @param outcome what happened
     * @param message why, or {@code null}
     * @throws NullPointerException when {@code key} or {@code outcome} is null
     */
    public BatchItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** @return whether the item ended as asked (done or unchanged) */
    public boolean succeeded() {
        return outcome == BatchOutcome.DONE || outcome == BatchOutcome.UNCHANGED;
    }
}
