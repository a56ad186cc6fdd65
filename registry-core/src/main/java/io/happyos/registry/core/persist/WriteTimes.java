package io.happyos.registry.core.persist;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many changes the writer committed and how long each waited, from queued to committed.
 * Recorded by the writer thread, read by anyone; the three figures are read one after another,
 * so under concurrent writes they may be a few changes apart.
 */
final class WriteTimes {

    private final LongAdder writes = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0L);

    void record(long took) {
        long duration = Math.max(0L, took);
        writes.increment();
        nanos.add(duration);
        max.accumulate(duration);
    }

    long writes() {
        return writes.sum();
    }

    long nanos() {
        return nanos.sum();
    }

    long max() {
        return max.get();
    }
}
