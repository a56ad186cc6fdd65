package io.happyos.samples.locator.internal;

import java.util.Locale;

/**
 * How {@code samples:locate} chooses among the ACTIVE instances, by the names the cluster's own
 * {@code cluster:pick --strategy} takes. The cluster's {@code PickStrategy} has the same constants;
 * this copy exists because a standalone container has no cluster package to take it from.
 */
enum Strategy {
    ROUND_ROBIN,
    RANDOM,
    STICKY,
    LEAST_ACCESSED;

    /** The strategy when the command is given none. */
    static final Strategy DEFAULT = ROUND_ROBIN;

    /**
     * Reads a strategy as the user types it.
     *
     * @param text {@code round-robin}, {@code random}, {@code sticky} or {@code least-accessed} (any case)
     * @return the strategy
     * @throws IllegalArgumentException for any other text, listing the ones there are
     */
    static Strategy parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Strategy strategy : values()) {
            if (strategy.name().equals(wanted)) {
                return strategy;
            }
        }
        // no cause to chain: the shell prints the deepest cause's message, and this is the one to show
        throw new IllegalArgumentException(
                "unknown strategy '" + text + "': give round-robin, random, sticky or least-accessed");
    }
}
