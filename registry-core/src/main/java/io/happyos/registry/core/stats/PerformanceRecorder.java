package io.happyos.registry.core.stats;

import io.happyos.registry.PerformanceMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Counts and times what the registry does, for {@link PerformanceMetrics}.
 *
 * <p>Thread-safe and cheap to record into: counters are {@link LongAdder}s, and percentiles come
 * from the {@value #WINDOW} most recent activation durations, sorted only when a snapshot is taken.
 * Only activations that succeeded are timed, so fast refusals do not make activation look quick.
 */
public final class PerformanceRecorder {

    /** How many recent activation durations the percentiles are computed from. */
    public static final int WINDOW = 4096;

    private final LongAdder activations = new LongAdder();
    private final LongAdder activationFailures = new LongAdder();
    private final LongAdder activationNanos = new LongAdder();
    private final LongAccumulator maxActivationNanos = new LongAccumulator(Math::max, 0L);
    private final ActivationWindow window = new ActivationWindow(WINDOW);
    // lookups counted here; those of consumer bundles are counted once, by the consumer's own
    // counter (see countedElsewhere), so that a cache hit through a bundle increments one counter
    private final LongAdder lookups = new LongAdder();
    private final LongAdder lookupNanos = new LongAdder();
    private final LongAdder timedLookups = new LongAdder();
    private final LongAdder misses = new LongAdder(); // every lookup that made the instance
    private volatile LongSupplier countedElsewhere = () -> 0L;
    private final LongAdder operations = new LongAdder();
    private final LongAdder operationFailures = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile Supplier<JournalFigures> journal = () -> JournalFigures.NONE;

    /**
     * Records the activation of one component.
     *
     * @param nanos how long it took; negative counts as 0
     * @param succeeded whether it succeeded; failures are counted but not timed
     */
    public void activation(long nanos, boolean succeeded) {
        if (!succeeded) {
            activationFailures.increment();
            return;
        }
        long duration = Math.max(0L, nanos);
        activations.increment();
        activationNanos.add(duration);
        maxActivationNanos.accumulate(duration);
        window.add(duration);
    }

    /**
     * Records one instance lookup ({@code getComponentInstance}).
     *
     * @param nanos how long it took; negative counts as 0
     * @param cacheHit whether it was served from an instance that already existed
     */
    public void lookup(long nanos, boolean cacheHit) {
        lookups.increment();
        timed(nanos, cacheHit);
    }

    /**
     * Records the time of one instance lookup that is counted elsewhere (see
     * {@link #countAlso}): its time and whether it was a hit, not the lookup itself.
     *
     * @param nanos how long it took; negative counts as 0
     * @param cacheHit whether it was served from an instance that already existed
     */
    public void timed(long nanos, boolean cacheHit) {
        timedLookups.increment();
        lookupNanos.add(Math.max(0L, nanos));
        if (!cacheHit) {
            misses.increment();
        }
    }

    /**
     * Records one instance lookup served from an existing instance and not timed: the mean lookup
     * time is that of the timed lookups, a sample.
     */
    public void untimedHit() {
        lookups.increment(); // one counter: the hot path of an instance lookup
    }

    /**
     * Counts, as lookups, the ones counted by someone else: the consumer bundles' counters of their
     * instance calls, which count each such lookup once and instead of this recorder.
     *
     * @param lookups the number of lookups counted there since the start; never decreases
     */
    public void countAlso(LongSupplier lookups) {
        this.countedElsewhere = Objects.requireNonNull(lookups, "lookups");
    }

    /**
     * Records one lifecycle operation (register, unregister, activate, deactivate, status).
     *
     * @param failed whether it failed
     */
    public void operation(boolean failed) {
        operations.increment();
        if (failed) {
            operationFailures.increment();
        }
    }

    /** Records a change of a component's status to ERROR. */
    public void error() {
        errors.increment();
    }

    /**
     * Reads what the journal counts (reloads, quarantines, committed changes) into the figures.
     *
     * @param figures the journal's figures now; called at each snapshot
     */
    public void countJournal(Supplier<JournalFigures> figures) {
        this.journal = Objects.requireNonNull(figures, "figures");
    }

    /**
     * The figures now. The counters are read one after another, so under concurrent recording they
     * may be a few events apart from each other.
     *
     * @return every field filled: {@link Duration#ZERO} for a time with no sample, a cache hit
     *     rate of 0 when there was no lookup
     */
    public PerformanceMetrics snapshot() {
        long activated = activations.sum();
        long[] recent = window.sorted();
        long lookedUp = lookups.sum() + countedElsewhere.getAsLong();
        long missed = misses.sum();
        JournalFigures kept = journal.get();
        return new PerformanceMetrics(
                activated,
                activationFailures.sum(),
                mean(activationNanos.sum(), activated),
                Duration.ofNanos(ActivationWindow.percentile(recent, 50)),
                Duration.ofNanos(ActivationWindow.percentile(recent, 99)),
                Duration.ofNanos(maxActivationNanos.get()),
                lookedUp,
                mean(lookupNanos.sum(), timedLookups.sum()),
                lookedUp == 0 ? 0.0 : Math.max(0.0, (double) (lookedUp - missed) / lookedUp),
                operations.sum(),
                operationFailures.sum(),
                Duration.ofNanos(activationNanos.sum()),
                Math.min(missed, lookedUp),
                errors.sum(),
                kept.reloads(),
                kept.quarantines(),
                kept.writes(),
                Duration.ofNanos(kept.writeNanos()),
                Duration.ofNanos(kept.maxWriteNanos()));
    }

    private static Duration mean(long totalNanos, long count) {
        return count == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos / count);
    }
}
