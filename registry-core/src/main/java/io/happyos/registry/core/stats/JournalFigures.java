package io.happyos.registry.core.stats;

/**
 * What the journal counted since the registry started: audit records of reloads and quarantines,
 * and the changes it committed with the time they took.
 *
 * @param reloads audit records of the operation {@code reload}
 * @param quarantines audit records of the operation {@code quarantine}
 * @param writes changes committed
 * @param writeNanos the time they took together, each from queued to committed
 * @param maxWriteNanos the longest of those times
 */
public record JournalFigures(long reloads, long quarantines, long writes, long writeNanos, long maxWriteNanos) {

    /** Nothing counted: a registry without a journal. */
    public static final JournalFigures NONE = new JournalFigures(0, 0, 0, 0, 0);
}
