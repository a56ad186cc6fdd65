package io.happyos.registry.core.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs code the registry does not own (activators, hooks, factories, listeners) on a pool thread
 * and waits at most a timeout, so that code which hangs cannot hang the registry. A call that
 * times out is interrupted and left to finish on its own thread: Java cannot kill it.
 */
public final class TimedCalls implements AutoCloseable {

    /**
     * Set while calls must run on the caller's own thread: the framework's start-level thread,
     * while the registry restores components from inside its activator, may start bundles itself
     * but another thread may not (the framework has not reached their start level yet).
     */
    private static final ThreadLocal<Boolean> INLINE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final ExecutorService pool;

    /**
     * @param name what the pool's threads are for, in their names (happyos-registry-NAME-N)
     * @param threads makes the pool
     */
    public TimedCalls(String name, io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.pool = threads.cached(name);
    }

    /** A call that did not return in time. */
    public static final class TimedOutException extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOutException(Duration timeout) {
            super("timed out after " + describe(timeout));
        }
    }

    /**
     * Runs a call and waits for it.
     *
     * @param call the call
     * @param timeout how long to wait
     * @return its result
     * @throws TimedOutException when it did not return in time (it was interrupted)
     * @throws Exception what it threw
     */
    public <T> T call(Callable<T> call, Duration timeout) throws Exception {
        if (INLINE.get()) {
            return call.call();
        }
        Future<T> future = pool.submit(call);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new TimedOutException(timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Runs an action during which every call runs on the current thread, without a timeout.
     *
     * @param action what to do
     */
    public static void inline(Runnable action) {
        boolean outer = INLINE.get();
        INLINE.set(Boolean.TRUE);
        try {
            action.run();
        } finally {
            INLINE.set(outer);
        }
    }

    /**
     * A duration in words: {@code 30 s}, {@code 500 ms}.
     *
     * @param d the duration
     * @return the words
     */
    public static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
