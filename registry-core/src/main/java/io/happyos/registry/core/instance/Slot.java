package io.happyos.registry.core.instance;

import java.util.concurrent.CompletableFuture;

/**
 * What the cache holds for one id: the instance and when it was last obtained, or, for the callers
 * that waited on a creation that failed, the failure. The access time is a plain volatile write so
 * that a cache hit stays cheap; a lost race between two hits only loses one of two nearly equal
 * times.
 */
final class Slot {

    private final InstanceCache.Held held;
    private final Throwable failure;
    private volatile long lastAccess;

    Slot(InstanceCache.Held held, long now) {
        this(held, null, now);
    }

    private Slot(InstanceCache.Held held, Throwable failure, long now) {
        this.held = held;
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

    /** @return what the creator threw, or {@code null} */
    Throwable failure() {
        return failure;
    }

    long lastAccess() {
        return lastAccess;
    }

    void touch(long now) {
        lastAccess = now;
    }

    /** The slot of a future that completed with an instance, else {@code null}. */
    static Slot ifReady(CompletableFuture<Slot> future) {
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        Slot slot = future.getNow(null);
        return slot == null || slot.held == null ? null : slot;
    }

    /** For ordering: the last access of a ready slot, the latest possible time for one in creation. */
    static long lastAccessOf(CompletableFuture<Slot> future) {
        Slot slot = ifReady(future);
        return slot == null ? Long.MAX_VALUE : slot.lastAccess();
    }
}
