package io.happyos.registry.core.persist;

import io.happyos.registry.RegistryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the registry database from one daemon thread, {@value #THREAD_NAME}, which owns the
 * write connection. Whatever is queued when the thread gets to it goes into one transaction (group
 * commit: one disk sync for many changes), each work inside its own savepoint so that a failing
 * work is undone alone. A future completes only after the transaction holding its work has been
 * committed; dependent actions run on the writer thread unless added with an {@code ...Async}
 * method, so keep them short. Before and after each transaction the writer checks that the database
 * file is still the one it writes to ({@link RegistryDatabase#ensureInPlace()}).
 */
public final class DurableWriter implements AutoCloseable {

    /** The writer thread's name. */
    public static final String THREAD_NAME = "happyos-registry-db-writer";

    private static final Logger LOG = LoggerFactory.getLogger(DurableWriter.class);
    private static final Task STOP = new Task("stop", c -> {}, new CompletableFuture<>(), 0L);

    private final RegistryDatabase db;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final WriteTimes times = new WriteTimes();
    private final Thread thread;
    private boolean closed;
    private String lastProblem; // writer thread only

    /** How often an idle writer checks that the database file is still in place. */
    static final long IDLE_CHECK_MILLIS = 2_000;

    /**
     * Starts the writer thread.
     *
     * @param db the database whose write connection the thread takes over
     * @param threads makes the writer thread
     */
    public DurableWriter(RegistryDatabase db, io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.db = db;
        this.thread = threads.thread("db-writer", this::loop);
        thread.start();
    }

    /**
     * Queues a change described as "a change".
     *
     * @param work the change
     * @return completes once the change is committed; fails with a {@link RegistryException}
     *     when it could not be made or committed, or the writer is closed
     */
    public CompletableFuture<Void> submit(SqlWork work) {
        return submit("a change", work);
    }

    /**
     * Queues a change.
     *
     * @param what what it records, for the error message: "could not record WHAT: ..."
     * @param work the change
     * @return completes once the change is committed; fails with a {@link RegistryException}
     *     when it could not be made or committed, or the writer is closed
     */
    public CompletableFuture<Void> submit(String what, SqlWork work) {
        Task task = new Task(what, work, new CompletableFuture<>(), System.nanoTime());
        synchronized (this) {
            if (closed) {
                task.future.completeExceptionally(
                        new RegistryException("could not record " + what + ": the registry database is closed"));
                return task.future;
            }
            pending.incrementAndGet();
            queue.add(task);
        }
        return task.future;
    }

    /** @return the changes committed since the writer started, and how long they waited */
    WriteTimes times() {
        return times;
    }

    /** @return how many changes are queued or being written */
    public int pending() {
        return pending.get();
    }

    /**
     * Writes everything queued so far, then stops the thread. Later submissions fail. Does not
     * close the database.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while the registry database writer finished {} changes", pending());
        }
    }

    private void loop() {
        List<Task> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                Task first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    checkInPlace(); // deleted while nothing changes: put back before a crash could lose it
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
            } catch (InterruptedException e) {
                LOG.warn("the registry database writer was interrupted; it goes on until closed");
                continue;
            }
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                writeSafely(batch);
            }
            batch.clear();
        }
        checkInPlace(); // deleted just before the container stops: the next start must find it
        LOG.debug("registry database writer stopped");
    }

    /** Puts back a deleted or replaced database file; says once why it cannot, until it can. */
    private void checkInPlace() {
        try {
            db.ensureInPlace();
            lastProblem = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                LOG.error("{}", e.getMessage());
            }
            lastProblem = String.valueOf(e.getMessage());
        }
    }

    private void writeSafely(List<Task> batch) {
        List<RegistryException> failures;
        try {
            // a database file deleted or replaced since the last batch is put back before it is written to,
            // and one deleted while this batch was written is put back, with it, before it is acknowledged
            db.ensureInPlace();
            failures = new Batch(db.writeConnection(), batch).write();
            db.ensureInPlace();
        } catch (RegistryException e) {
            LOG.error("{} changes to the registry database are not recorded: {}", batch.size(), e.getMessage());
            failures = new ArrayList<>();
            for (Task task : batch) {
                failures.add(new RegistryException("could not record " + task.what + ": " + e.getMessage(), e));
            }
        } catch (Throwable t) {
            // keep the thread alive and never leave a caller waiting forever
            LOG.error("the registry database writer failed", t);
            failures = new ArrayList<>();
            for (Task task : batch) {
                failures.add(new RegistryException("could not record " + task.what + ": " + t, t));
            }
        }
        pending.addAndGet(-batch.size());
        long committed = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            if (failures.get(i) == null) {
                times.record(committed - batch.get(i).queuedAt);
                batch.get(i).future.complete(null);
            } else {
                batch.get(i).future.completeExceptionally(failures.get(i));
            }
        }
    }

    /**
     * A change waiting to be written.
     *
     * @param what what it records
     * @param work the change
     * @param future completed after the commit
     * @param queuedAt {@link System#nanoTime()} when it was queued
     */
    record Task(String what, SqlWork work, CompletableFuture<Void> future, long queuedAt) {}

    /** One transaction holding several changes. */
    private static final class Batch {

        private final Connection c;
        private final List<Task> tasks;

        Batch(Connection c, List<Task> tasks) {
            this.c = c;
            this.tasks = tasks;
        }

        /** @return per task, in order: {@code null} when it is committed, or why it is not */
        List<RegistryException> write() {
            try {
                Connections.execute(c, "BEGIN IMMEDIATE");
            } catch (SQLException e) {
                return failAll("could not start a transaction", e);
            }
            List<RegistryException> failures = new ArrayList<>();
            for (Task task : tasks) {
                failures.add(runInSavepoint(task));
            }
            try {
                Connections.execute(c, "COMMIT");
            } catch (SQLException e) {
                rollback();
                return failAll("the transaction could not be committed", e);
            }
            return failures;
        }

        private RegistryException runInSavepoint(Task task) {
            try {
                Connections.execute(c, "SAVEPOINT work");
                task.work.run(c);
                Connections.execute(c, "RELEASE work");
                return null;
            } catch (SQLException | RuntimeException e) {
                try {
                    Connections.execute(c, "ROLLBACK TO work");
                    Connections.execute(c, "RELEASE work");
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                LOG.warn("could not record {}: {}", task.what, e.getMessage());
                return new RegistryException("could not record " + task.what + ": " + e.getMessage(), e);
            }
        }

        private void rollback() {
            try {
                Connections.execute(c, "ROLLBACK");
            } catch (SQLException e) {
                // SQLite already rolled back after the failed commit
                LOG.debug("rollback after a failed commit: {}", e.getMessage());
            }
        }

        private List<RegistryException> failAll(String problem, SQLException e) {
            LOG.error("{} changes to the registry database are lost: {}: {}", tasks.size(), problem, e.getMessage());
            List<RegistryException> failures = new ArrayList<>();
            for (Task task : tasks) {
                failures.add(new RegistryException(
                        "could not record " + task.what + ": " + problem + ": " + e.getMessage(), e));
            }
            return failures;
        }
    }
}
