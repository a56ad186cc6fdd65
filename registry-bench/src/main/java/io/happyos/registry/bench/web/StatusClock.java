package io.happyos.registry.bench.web;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Registration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * When each status change happened, as the registry's status listeners hear of it: a listener added
 * before registry-web starts, so that the registry's callback thread, which calls its listeners one
 * after another in the order they were added, calls it before registry-web's. A lag measured from it
 * is therefore never shorter than the one from registry-web's own listener.
 */
final class StatusClock implements AutoCloseable {

    private record Change(String id, ComponentStatus to) {}

    private final Map<Change, Long> changedAt = new ConcurrentHashMap<>();
    private final Registration registration;

    /** @param registry the registry whose changes are timed; add this before any other listener */
    StatusClock(DynamicRegistry registry) {
        this.registration = registry.lifecycle()
                .addStatusListener((id, from, to) -> changedAt.put(new Change(id, to), System.nanoTime()));
    }

    /**
     * Forgets the last change of a component to a status, before it is made again.
     *
     * @param id the component
     * @param to the status
     */
    void forget(String id, ComponentStatus to) {
        changedAt.remove(new Change(id, to));
    }

    /**
     * Waits for a change to be heard of.
     *
     * @param id the component
     * @param to the status it changes to
     * @param timeout how long to wait
     * @return when it was heard of, {@link System#nanoTime()}
     * @throws TimeoutException when it was not heard of in time
     */
    long await(String id, ComponentStatus to, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Change change = new Change(id, to);
        while (true) {
            Long at = changedAt.get(change);
            if (at != null) {
                return at;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "the registry's status listeners did not hear of " + id + " → " + to + " within " + timeout);
            }
            Thread.sleep(1);
        }
    }

    /** Removes the listener. */
    @Override
    public void close() {
        registration.close();
    }
}
