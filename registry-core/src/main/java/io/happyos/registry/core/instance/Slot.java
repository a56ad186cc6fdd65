package io.happyos.registry.core.instance;

import io.happyos.registry.core.model.ComponentRecord;
import java.util.concurrent.CompletableFuture;

/**
 * What the cache holds for one id: the instance and when it was last obtained, or, for the callers
 * that waited on a creation that failed, the failure. The access time is a plain volatile write so
 * that a cache hit stays cheap; a lost race between two hits only loses one of two nearly equal
 * times.
 */
final class Slot {

    private final InstanceCache.Held held;
    // the held instance and record again, one hop nearer for a cache hit
    private final Object instance;
    private final ComponentRecord record;
    private final Throwable failure;
    /** How stale the last access time may be: idleness is asked for in seconds and minutes. */
    static final long TOUCH_GRANULARITY_NANOS = 1_000_000L;

    private volatile long lastAccess;

    Slot(InstanceCache.Held held, long now) {
        this(held, null, now);
    }

    private Slot(InstanceCache.Held held, Throwable failure, long now) {
        this.held = held;
        this.instance = held == null ? null : held.instance();
        this.record = held == null ? null : held.record();
        this.failure = failure;
        this.lastAccess = now;
    }

    /** The outcome of a creation that threw (a RuntimeException or an Error). */
    static Slot failed(Throwable failure) {
        return new Slot(null, failure, Long.MIN_VALUE);
    }

    /** @return the instance, {@code null} for a failed creation */
    InstanceCache.Held held() {
        return held;
    }

    /** @return the instance, {@code null} for a failed creation */
    Object instance() {
        return instance;
    }

    /** @return the record the instance was made for, or {@code null} */
    ComponentRecord record() {
        return record;
    }

    /** @return what the creator threw, or {@code null} */
    Throwable failure() {
        return failure;
    }

    long lastAccess() {
        return lastAccess;
    }

    /**
     * Notes an access. Written at most once per {@link #TOUCH_GRANULARITY_NANOS} of the ticker, so a
     * hot instance's slot is read, not written, by the threads looking it up.
     */
    void touch(long now) {
        if (now - lastAccess >= TOUCH_GRANULARITY_NANOS || now < lastAccess) {
            lastAccess = now;
        }
    }

    /** The slot of a future that completed with an instance, else {@code null}. */
    static Slot ifReady(CompletableFuture<Slot> future) {
        if (future == null || future.isCompletedExceptionally()) {
            return null;
        }
        Slot slot = future.getNow(null); // null while the creation runs
        return slot == null || slot.held == null ? null : slot;
    }

    /** For ordering: the last access of a ready slot, the latest possible time for one in creation. */
    static long lastAccessOf(CompletableFuture<Slot> future) {
        Slot slot = ifReady(future);
        return slot == null ? Long.MAX_VALUE : slot.lastAccess();
    }
}
