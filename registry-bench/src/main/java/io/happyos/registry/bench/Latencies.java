package io.happyos.registry.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, recorded from any thread, read as percentiles in milliseconds by the
 * nearest-rank method. Shared by the parts that time events one by one (cluster, web).
 */
public final class Latencies {

    private long[] nanos = new long[256];
    private int count;

    /** @param latency one latency, in ns */
    public synchronized void add(long latency) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latency;
    }

    /** @return how many were recorded */
    public synchronized int count() {
        return count;
    }

    /**
     * @param percent 50 for the median, 99 for p99
     * @return that percentile in ms, NaN when nothing was recorded
     */
    public synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }
}
