package io.happyos.registry.core.model;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.stats.StatusHistory;
import io.happyos.registry.spi.StatusListener;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers status changes to callbacks on one thread of its own, in the order they were made, so
 * each component's changes arrive in order and a slow caller never runs callbacks itself. Every
 * change is also kept in the recent history, before any callback hears of it.
 */
public final class StatusNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifier.class);

    private final CopyOnWriteArrayList<StatusListener> callbacks = new CopyOnWriteArrayList<>();
    private volatile StatusListener internal = (id, oldStatus, newStatus) -> {};
    private final TimedCalls calls;
    private final Duration timeout;
    private final StatusHistory history;
    private final ExecutorService thread;

    /**
     * @param calls how callbacks are run
     * @param timeout how long one callback may run before it is given up on
     * @param history where every change is kept, callbacks or not
     */
    public StatusNotifier(
            TimedCalls calls,
            Duration timeout,
            StatusHistory history,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.thread = threads.single("status-callbacks");
        this.calls = calls;
        this.timeout = timeout;
        this.history = history;
    }

    /**
     * Adds a callback.
     *
     * @param callback the callback
     * @return a handle that removes it
     */
    public Registration add(StatusListener callback) {
        callbacks.add(callback);
        return () -> callbacks.remove(callback);
    }

    /**
     * Sets the registry's own callback, called at once on the changing thread with the component's
     * monitor held: it must only note the change and return.
     *
     * @param callback the callback
     */
    public void internal(StatusListener callback) {
        this.internal = callback;
    }

    /**
     * Queues one change for every callback. The caller holds the component's monitor, which keeps
     * the queue in the order of the changes.
     */
    void publish(String id, ComponentStatus oldStatus, ComponentStatus newStatus) {
        history.record(id, oldStatus, newStatus);
        if (oldStatus != newStatus) {
            internal.statusChanged(id, oldStatus, newStatus);
        }
        if (oldStatus == newStatus || callbacks.isEmpty()) {
            return;
        }
        try {
            thread.execute(() -> deliver(id, oldStatus, newStatus));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("status change of {} not delivered: the registry is stopping", id);
        }
    }

    private void deliver(String id, ComponentStatus oldStatus, ComponentStatus newStatus) {
        for (StatusListener callback : callbacks) {
            try {
                calls.call(
                        () -> {
                            callback.statusChanged(id, oldStatus, newStatus);
                            return null;
                        },
                        timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError e) {
                LOG.warn(
                        "status callback {} failed on {} {} -> {}; the other callbacks still run",
                        callback,
                        id,
                        oldStatus,
                        newStatus,
                        e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
