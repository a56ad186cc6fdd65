package io.happyos.registry.core.model;

import io.happyos.registry.RegistryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The journal writes an operation queued while it ran on the lifecycle thread. The lifecycle
 * thread does not wait for them, so the next operation can start while the writer commits
 * several at once; the operation is reported complete only once they are durable, and a write
 * that fails undoes the change it recorded before the operation fails.
 */
public final class PendingWrites {

    private static final ThreadLocal<PendingWrites> CURRENT = new ThreadLocal<>();
    private static final long WAIT_SECONDS = 30;

    private final List<CompletableFuture<Void>> writes = new ArrayList<>();
    private final Deque<Runnable> undos = new ArrayDeque<>();

    private PendingWrites() {}

    /** @return the writes of an operation starting on this thread */
    public static PendingWrites begin() {
        PendingWrites pending = new PendingWrites();
        CURRENT.set(pending);
        return pending;
    }

    /** The operation on this thread is over. */
    public static void end() {
        CURRENT.remove();
    }

    /**
     * Registers a write the current operation waits for before it completes, and what undoes its
     * effect in memory when it fails. Outside an operation (start-up, the bundles folder), waits for
     * the write at once and undoes on failure.
     *
     * @param write the write
     * @param undo undoes the change in memory
     * @throws RegistryException outside an operation, when the write failed (after the undo)
     */
    public static void add(CompletableFuture<Void> write, Runnable undo) {
        PendingWrites pending = CURRENT.get();
        if (pending != null) {
            pending.writes.add(write);
            pending.undos.push(undo);
            return;
        }
        try {
            await(write);
        } catch (RegistryException e) {
            undo.run();
            throw e;
        }
    }

    /**
     * Waits for a write now (for changes that cannot be undone).
     *
     * @param write the write
     * @throws RegistryException when it failed
     */
    public static void await(CompletableFuture<Void> write) {
        try {
            write.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RegistryException r
                    ? r
                    : new RegistryException(
                            "could not record the change: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryException("could not record the change within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while recording the change", e);
        }
    }

    /** @return completes when every write is durable; fails with the first failure */
    public CompletableFuture<Void> durable() {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Undoes, newest first, the changes whose writes were registered. */
    public void undo() {
        while (!undos.isEmpty()) {
            undos.pop().run();
        }
    }
}
