package io.happyos.registry.core.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution samples and allocated bytes per class loader over a sliding window, kept in one bucket
 * per second of event time. Events arrive a little late (the flight recorder flushes about once a
 * second), so the window ends at the {@linkplain #advance horizon}: the latest time up to which
 * events were delivered. The window counts the buckets of the last {@code W} seconds up to the
 * horizon's second, and its length runs from the start of the oldest of them (or the moment
 * counting began, if later) to the horizon, so a rate is never diluted by time not yet delivered
 * nor by time before measuring began.
 *
 * <p>Memory: {@code W + 2} buckets of one small map each (a key per class loader that ran in that
 * second). Cost: adding is a map update; {@link #totals()} is linear in the buckets' keys. Thread-safe
 * (one lock): the event stream adds, any thread reads.
 */
final class SlidingCounts {

    /**
     * What one class loader's code did over the window.
     *
     * @param samples execution samples
     * @param bytes allocated bytes (allocation sample weights)
     */
    record Tally(long samples, long bytes) {}

    /**
     * The window's sums.
     *
     * @param byLoader per class loader id
     * @param allSamples every execution sample in the window, attributed or not
     * @param lengthMillis how long the window is, in milliseconds; 0 before anything was delivered
     */
    record Totals(Map<Long, Tally> byLoader, long allSamples, long lengthMillis) {}

    private final int seconds;
    private final long[] stamps;
    private final List<Map<Long, long[]>> buckets;
    private final long[] allSamples;
    private long startMillis;
    private long horizonMillis;

    /** @param window the window, rounded up to whole seconds (at least one) */
    SlidingCounts(Duration window) {
        this.seconds = (int) Math.max(1, (window.toMillis() + 999) / 1000);
        int slots = seconds + 2;
        this.stamps = new long[slots];
        this.buckets = new ArrayList<>(slots);
        this.allSamples = new long[slots];
        for (int i = 0; i < slots; i++) {
            buckets.add(new HashMap<>());
        }
        restart(0);
    }

    /** @return the window in whole seconds */
    int seconds() {
        return seconds;
    }

    /**
     * Forgets everything and begins a new window.
     *
     * @param nowMillis when counting begins, epoch milliseconds
     */
    synchronized void restart(long nowMillis) {
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = Long.MIN_VALUE;
            buckets.get(i).clear();
            allSamples[i] = 0;
        }
        startMillis = nowMillis;
        horizonMillis = nowMillis;
    }

    /**
     * Moves the horizon forward (never back).
     *
     * @param millis the time up to which events were delivered, epoch milliseconds
     */
    synchronized void advance(long millis) {
        horizonMillis = Math.max(horizonMillis, millis);
    }

    /**
     * Counts an execution sample.
     *
     * @param timeMillis when it was taken
     * @param loaderId the class loader of its innermost bundle frame, or a negative value when it had none
     */
    synchronized void sample(long timeMillis, long loaderId) {
        int slot = slot(timeMillis);
        if (slot < 0) {
            return;
        }
        allSamples[slot]++;
        if (loaderId >= 0) {
            buckets.get(slot).computeIfAbsent(loaderId, k -> new long[2])[0]++;
        }
    }

    /**
     * Counts allocated bytes.
     *
     * @param timeMillis when the allocation sample was taken
     * @param loaderId the class loader of its innermost bundle frame
     * @param bytes the sample's weight
     */
    synchronized void allocation(long timeMillis, long loaderId, long bytes) {
        int slot = slot(timeMillis);
        if (slot >= 0 && bytes > 0) {
            buckets.get(slot).computeIfAbsent(loaderId, k -> new long[2])[1] += bytes;
        }
    }

    /** The bucket for a time, reset if it held an older second; -1 when the time is too old to count. */
    private int slot(long timeMillis) {
        long second = Math.floorDiv(timeMillis, 1000);
        if (timeMillis < startMillis || second <= Math.floorDiv(horizonMillis, 1000) - seconds) {
            return -1;
        }
        int slot = (int) Math.floorMod(second, (long) stamps.length);
        if (stamps[slot] != second) {
            if (stamps[slot] > second) {
                return -1;
            }
            stamps[slot] = second;
            buckets.get(slot).clear();
            allSamples[slot] = 0;
        }
        return slot;
    }

    /** @return the sums over the window that ends at the horizon */
    synchronized Totals totals() {
        long last = Math.floorDiv(horizonMillis, 1000);
        long first = last - seconds + 1;
        long from = Math.max(startMillis, first * 1000);
        long length = Math.max(0, horizonMillis - from);
        Map<Long, long[]> sums = new HashMap<>();
        long all = 0;
        for (int i = 0; i < stamps.length; i++) {
            if (stamps[i] < first || stamps[i] > last) {
                continue;
            }
            all += allSamples[i];
            buckets.get(i).forEach((loader, counts) -> {
                long[] sum = sums.computeIfAbsent(loader, k -> new long[2]);
                sum[0] += counts[0];
                sum[1] += counts[1];
            });
        }
        Map<Long, Tally> byLoader = new HashMap<>();
        sums.forEach((loader, sum) -> byLoader.put(loader, new Tally(sum[0], sum[1])));
        return new Totals(Map.copyOf(byLoader), all, length);
    }
}
