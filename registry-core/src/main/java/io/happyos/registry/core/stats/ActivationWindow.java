package io.happyos.registry.core.stats;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent durations, in a ring: recording is one increment and one store, and the sorting
 * that percentiles need happens only when someone asks for them.
 */
final class ActivationWindow {

    /** Marks a slot never written, so a snapshot taken while a writer is mid-way skips it. */
    private static final long EMPTY = -1L;

    private final AtomicLongArray ring;
    private final AtomicLong next = new AtomicLong();

    ActivationWindow(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        ring = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            ring.set(i, EMPTY);
        }
    }

    void add(long nanos) {
        long slot = next.getAndIncrement();
        ring.set((int) (slot & (ring.length() - 1)), Math.max(0L, nanos));
    }

    /** The recorded durations, sorted ascending. */
    long[] sorted() {
        long[] copy = new long[ring.length()];
        int n = 0;
        for (int i = 0; i < ring.length(); i++) {
            long value = ring.get(i);
            if (value != EMPTY) {
                copy[n++] = value;
            }
        }
        long[] values = Arrays.copyOf(copy, n);
        Arrays.sort(values);
        return values;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent} of the values at
     * or below it.
     */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0L;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
