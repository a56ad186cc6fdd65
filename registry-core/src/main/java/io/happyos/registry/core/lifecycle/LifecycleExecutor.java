package io.happyos.registry.core.lifecycle;

import io.happyos.registry.RegistryException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs lifecycle operations one at a time on a thread of their own, so two operations never start
 * and stop the same bundles at once and callers never run activators. An operation submitted from
 * the lifecycle thread itself (an activator calling the registry) runs at once, inline, instead of
 * waiting for itself. Results are handed back on another thread so that what a caller chains on a
 * stage never runs on, or blocks, the lifecycle thread.
 */
public final class LifecycleExecutor implements AutoCloseable {

    private volatile Thread lifecycleThread;
    private final ExecutorService lifecycle;
    private final ExecutorService completions;

    /** @param threads makes the lifecycle thread and the pool that completes callers' stages */
    public LifecycleExecutor(io.happyos.registry.core.concurrent.RegistryThreads threads) {
        java.util.concurrent.ThreadFactory named = threads.factory("lifecycle", false);
        this.lifecycle = threads.single(r -> {
            Thread t = named.newThread(r);
            lifecycleThread = t;
            return t;
        });
        this.completions = threads.cached("completion");
    }

    /**
     * Runs an operation on the lifecycle thread.
     *
     * @param operation what to do
     * @return its result; fails with what it threw
     */
    public <T> CompletionStage<T> submit(Callable<T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (Thread.currentThread() == lifecycleThread) {
            complete(result, operation);
            return result.minimalCompletionStage();
        }
        try {
            lifecycle.execute(() -> {
                CompletableFuture<T> inner = new CompletableFuture<>();
                complete(inner, operation);
                inner.whenCompleteAsync(
                        (value, error) -> {
                            if (error != null) {
                                result.completeExceptionally(error);
                            } else {
                                result.complete(value);
                            }
                        },
                        completions);
            });
        } catch (RejectedExecutionException stopped) {
            result.completeExceptionally(
                    new RegistryException("the registry is stopped: the container is shutting down"));
        }
        return result.minimalCompletionStage();
    }

    /**
     * Queues a task on the lifecycle thread, after what is queued already, even when called from the
     * lifecycle thread itself (unlike {@link #submit}). Dropped once the executor is closed.
     *
     * @param task what to do; what it throws is logged by the caller's task itself
     */
    public void later(Runnable task) {
        try {
            lifecycle.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the registry is stopping: nothing is left to do
        }
    }

    /** @return whether the caller is the lifecycle thread */
    public boolean onLifecycleThread() {
        return Thread.currentThread() == lifecycleThread;
    }

    private static <T> void complete(CompletableFuture<T> future, Callable<T> operation) {
        try {
            future.complete(operation.call());
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        lifecycle.shutdown();
        try {
            if (!lifecycle.awaitTermination(30, TimeUnit.SECONDS)) {
                lifecycle.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completions.shutdown();
    }
}
