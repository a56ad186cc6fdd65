package io.happyos.registry.web.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Registration;
import io.happyos.registry.StatusChange;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status changes of one registry, handed to every open event stream as they happen. A status
 * listener wakes one dispatcher thread ({@code happyos-web-events}), which reads the changes newer
 * than the last it handed out (the registry numbers them) and offers them to each stream's own
 * queue; the stream's request thread writes them. A stream that falls more than its queue behind
 * is ended, and the browser reconnects with {@code Last-Event-ID} and catches up from the
 * registry's kept changes.
 */
final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /** How many changes the registry keeps, so the most a stream can catch up on. */
    static final int KEPT = 1000;

    /** How long the dispatcher waits for a wake-up before looking anyway. */
    private static final Duration POLL = Duration.ofMillis(250);

    private static final int QUEUE = 4096;

    /** Put in a stream's queue to end it. */
    static final StatusChange END = new StatusChange(
            -1,
            "-",
            io.happyos.registry.ComponentStatus.ACTIVE,
            io.happyos.registry.ComponentStatus.INACTIVE,
            java.time.Instant.EPOCH);

    private final DynamicRegistry registry;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread dispatcher;
    private final Registration listener;
    private volatile boolean closed;
    private long last;

    EventHub(DynamicRegistry registry) {
        this.registry = registry;
        this.last = newest(registry.diagnostics().getRecentStatusChanges(1));
        this.listener = registry.lifecycle().addStatusListener((id, from, to) -> wake.release());
        this.dispatcher = new Thread(this::dispatch, "happyos-web-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** One open stream: its queue of changes to write. */
    static final class Subscriber {
        private final BlockingQueue<StatusChange> queue = new ArrayBlockingQueue<>(QUEUE);

        /**
         * The next change, or {@link #END}.
         *
         * @param timeout how long to wait
         * @return the change, or {@code null} when none came in time
         */
        StatusChange next(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private boolean offer(StatusChange change) {
            return queue.offer(change);
        }

        private void end() {
            queue.clear();
            queue.offer(END);
        }
    }

    /**
     * Opens a stream. Changes that happen from now on are queued for it.
     *
     * @return the stream's subscriber; {@link #unsubscribe} when done
     */
    Subscriber subscribe() {
        Subscriber s = new Subscriber();
        subscribers.add(s);
        if (closed) {
            s.end();
        }
        return s;
    }

    void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    /**
     * The kept changes after a sequence number, for a stream that resumes.
     *
     * @param after the last sequence the client saw
     * @return the newer changes, oldest first
     */
    List<StatusChange> since(long after) {
        return registry.diagnostics().getRecentStatusChanges(KEPT).stream()
                .filter(c -> c.sequence() > after)
                .toList();
    }

    /**
     * Whether changes after a sequence number were dropped from what the registry keeps.
     *
     * @param after the last sequence the client saw
     * @return whether the client missed some
     */
    boolean lost(long after) {
        List<StatusChange> kept = registry.diagnostics().getRecentStatusChanges(KEPT);
        return !kept.isEmpty() && kept.get(0).sequence() > after + 1;
    }

    private void dispatch() {
        while (!closed) {
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (closed) {
                    return;
                }
                List<StatusChange> fresh = since(last);
                if (fresh.isEmpty()) {
                    continue;
                }
                last = fresh.get(fresh.size() - 1).sequence();
                for (Subscriber s : subscribers) {
                    for (StatusChange change : fresh) {
                        if (!s.offer(change)) {
                            LOG.debug("an event stream fell {} changes behind; ended so that it resumes", QUEUE);
                            s.end();
                            subscribers.remove(s);
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("handing out status changes failed; still running", e);
            }
        }
    }

    private static long newest(List<StatusChange> changes) {
        return changes.isEmpty() ? 0 : changes.get(changes.size() - 1).sequence();
    }

    @Override
    public void close() {
        closed = true;
        listener.close();
        dispatcher.interrupt();
        for (Subscriber s : subscribers) {
            s.end();
        }
        subscribers.clear();
    }
}
