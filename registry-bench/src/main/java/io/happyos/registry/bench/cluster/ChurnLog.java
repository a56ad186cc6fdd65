package io.happyos.registry.bench.cluster;

import io.happyos.registry.bench.Latencies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writes of the simulated nodes and what the observer saw of them: for each write made inside
 * the measuring window, whether it was seen and how long after. Written from the writers' threads
 * and the observer's event thread.
 */
final class ChurnLog {

    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile boolean measuring;
    private long from;
    private long until;

    /** Starts the measuring window: writes from now on count. Called once. */
    void open() {
        from = System.nanoTime();
        measuring = true;
    }

    /** Ends the measuring window: later writes do not count. Called once, after {@link #open}. */
    void close() {
        measuring = false;
        until = System.nanoTime();
    }

    /** @return the window's length in seconds */
    double windowSeconds() {
        return (until - from) / 1e9;
    }

    /**
     * A simulated node is about to write a change.
     *
     * @param node the node
     * @param sequence the change's number on that node
     * @param at when, {@link System#nanoTime()}
     */
    void written(String node, long sequence, long at) {
        if (measuring) {
            pending.put(node + "/" + sequence, at);
            written.incrementAndGet();
        }
    }

    /**
     * The observer saw a change.
     *
     * @param node the node
     * @param sequence the change's number on that node
     * @param at when, {@link System#nanoTime()}
     */
    void seen(String node, long sequence, long at) {
        Long sent = pending.remove(node + "/" + sequence);
        if (sent != null) {
            latencies.add(at - sent);
            seen.incrementAndGet();
        }
    }

    /** @return writes of the window not seen yet */
    int unseen() {
        return pending.size();
    }

    /** @return writes made in the window */
    int written() {
        return written.get();
    }

    /** @return writes of the window the observer saw */
    int seen() {
        return seen.get();
    }

    /** @return from each write of the window to the observer seeing it */
    Latencies latencies() {
        return latencies;
    }
}
