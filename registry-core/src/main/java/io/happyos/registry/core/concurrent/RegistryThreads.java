package io.happyos.registry.core.concurrent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the registry's threads: every thread and pool of the registry is made here,
 * named {@code happyos-registry-NAME[-N]} (a daemon, so a thread dump says whose it is and a
 * forgotten one never keeps the JVM alive), and stopped by {@link #close()}. Parts that need a
 * thread get this holder in their constructor, the way Caffeine takes an {@code executor}: a test
 * gives them one of its own and closes it.
 */
public final class RegistryThreads implements AutoCloseable {

    /** The prefix of every thread name. */
    public static final String PREFIX = "happyos-registry-";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryThreads.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Deque<ExecutorService> pools = new ArrayDeque<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * A factory of threads named {@code happyos-registry-NAME}, or {@code happyos-registry-NAME-N}
     * when {@code numbered}; the threads are stopped by {@link #close()}.
     *
     * @param name what the threads do
     * @param numbered whether there may be several
     * @return the factory
     */
    public ThreadFactory factory(String name, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(
                    () -> {
                        try {
                            body.run();
                        } finally {
                            threads.remove(Thread.currentThread());
                        }
                    },
                    PREFIX + name + (numbered ? "-" + count.incrementAndGet() : ""));
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    /**
     * @param name what the thread does
     * @param body its work
     * @return a thread, not started
     */
    public Thread thread(String name, Runnable body) {
        return factory(name, false).newThread(body);
    }

    /**
     * @param name what the thread does
     * @return an executor with one thread
     */
    public ExecutorService single(String name) {
        return keep(Executors.newSingleThreadExecutor(factory(name, false)));
    }

    /**
     * @param factory how to make its thread (from {@link #factory})
     * @return an executor with one thread made by that factory
     */
    public ExecutorService single(ThreadFactory factory) {
        return keep(Executors.newSingleThreadExecutor(factory));
    }

    /**
     * @param name what the threads do
     * @return a pool that grows with the work and lets idle threads go
     */
    public ExecutorService cached(String name) {
        return keep(Executors.newCachedThreadPool(factory(name, true)));
    }

    /**
     * @param name what the threads do
     * @param size how many threads
     * @return a pool of that many threads
     */
    public ExecutorService fixed(String name, int size) {
        return keep(Executors.newFixedThreadPool(size, factory(name, true)));
    }

    /**
     * @param name what the thread does
     * @return a scheduler with one thread
     */
    public ScheduledExecutorService scheduler(String name) {
        return keep(Executors.newSingleThreadScheduledExecutor(factory(name, false)));
    }

    private synchronized <E extends ExecutorService> E keep(E pool) {
        if (closed) {
            pool.shutdownNow();
            throw new IllegalStateException("the registry's threads are stopped");
        }
        pools.push(pool);
        return pool;
    }

    /** @return the threads made here that are still alive */
    public List<Thread> alive() {
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(thread);
            }
        }
        return alive;
    }

    /**
     * Stops every pool (newest first) and interrupts every other thread made here, then waits a
     * few seconds for them to end. The parts close their own work first, in their own order; this is
     * what makes sure nothing is left. Idempotent.
     */
    @Override
    public void close() {
        List<ExecutorService> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(pools);
            pools.clear();
        }
        stopping.forEach(ExecutorService::shutdownNow);
        for (Thread thread : alive()) {
            thread.interrupt();
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (ExecutorService pool : stopping) {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            for (Thread thread : alive()) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> left = alive();
        if (!left.isEmpty()) {
            LOG.warn(
                    "{} registry threads did not stop within {} s: {}",
                    left.size(),
                    STOP_WAIT.toSeconds(),
                    left.stream().map(Thread::getName).toList());
        }
    }
}
