package io.happyos.registry.core.instance;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A ticker that remembers its latest reading, and the wall clock at that moment. A cache with
 * expiry reads its ticker on every lookup, so the caller of a hit finds the time of its own lookup
 * here, to the millisecond, without reading a clock again (a clock read costs about as much as the
 * rest of a cache hit on a virtual machine). The reading is replaced only when it moved by
 * {@link #STEP_NANOS} or more, so threads hitting the cache share its line read-only; two threads
 * replacing it at once may leave the older of two nearly equal readings.
 */
final class RecentTime implements Ticker {

    /** How stale a remembered reading may be, as the ticker counts. */
    static final long STEP_NANOS = 1_000_000L;

    private record Reading(long nanos, long millis) {}

    private final Ticker ticker;
    private final boolean system;
    private volatile Reading latest;

    /** @param ticker the time source read */
    RecentTime(Ticker ticker) {
        this.ticker = ticker;
        this.system = ticker == Ticker.systemTicker();
        this.latest = new Reading(ticker.read(), System.currentTimeMillis());
    }

    @Override
    public long read() {
        long nanos = ticker.read();
        Reading last = latest;
        if (nanos - last.nanos >= STEP_NANOS || nanos < last.nanos) {
            latest = new Reading(nanos, System.currentTimeMillis());
        }
        return nanos;
    }

    /** @return the latest reading of the ticker */
    long nanos() {
        return latest.nanos;
    }

    /**
     * The wall clock, epoch milliseconds: when the ticker is the system's and was read a moment ago
     * on this thread, the time remembered with its reading (at most a millisecond or so old); else
     * the wall clock read now (another ticker does not move with the wall clock).
     *
     * @return the time
     */
    long millis() {
        return system ? latest.millis : System.currentTimeMillis();
    }
}
