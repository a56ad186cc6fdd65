package io.happyos.registry.core.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.Journal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of a registry whose database does not exist yet, while it is created on another
 * thread: a new database holds nothing to restore, so start-up need not wait for SQLite's native
 * library to load and the schema to be made (a tenth of a second or more per start, on the start-up
 * path of every fresh storage folder otherwise).
 *
 * <p>Writes made before the database is open are kept in order and handed to it, in that order,
 * as soon as it is; the futures they return complete when the database's do. Reads ({@link #query})
 * wait for it. If it cannot be created, every write fails with that cause, so an operation that
 * waits for its record reports it, and the error is logged once.
 *
 * <p>Thread-safe: one lock decides whether a write is kept or passed on, and the kept ones are
 * handed over in batches until none is left, so no write overtakes an earlier one.
 */
final class OpeningJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(OpeningJournal.class);

    /** Completes once the writes kept have been handed over, with the journal that now takes them. */
    private final CompletableFuture<Journal> handedOver = new CompletableFuture<>();

    private final Object lock = new Object();
    /** Guarded by {@link #lock}; {@code null} once the database is open or failed. */
    private List<Consumer<Journal>> pending = new ArrayList<>();
    /** Guarded by {@link #lock}; set once. */
    private Journal delegate;
    /** Guarded by {@link #lock}: whether a provisioned set was written, so that a read must see it. */
    private boolean setsWritten;
    /** Guarded by {@link #lock}: whether a quota was written, so that a read must see it. */
    private boolean quotasWritten;

    /**
     * @param opening completes with the opened journal, or fails with why it could not be opened
     */
    OpeningJournal(CompletableFuture<Journal> opening) {
        opening.whenComplete((journal, error) -> handOver(journal != null ? journal : failed(error)));
    }

    private static Journal failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.error("the registry database could not be created: {}", cause.getMessage(), cause);
        RegistryException failure = cause instanceof RegistryException r
                ? r
                : new RegistryException("the registry database could not be created: " + cause.getMessage(), cause);
        return new Journal() {
            @Override
            public CompletableFuture<Void> audit(
                    String actor, String operation, String componentId, String error, String details) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public CompletableFuture<Void> deleteDependency(String dependent, String dependency) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public CompletableFuture<Void> writeComponent(String id, ComponentInfo info, Instant registeredAt) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public CompletableFuture<Void> writeQuota(StoredQuota quota) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public CompletableFuture<Void> deleteQuota(String scope, String limit) {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public List<AuditRecord> query(AuditQuery query) {
                throw failure;
            }
        };
    }

    /**
     * Hands the writes kept over, in order, then lets new writes through. The writes run outside
     * the lock: some wait for the database's writer thread, which completes the futures of earlier
     * ones, and what waits on those (the audit record of an operation) writes again; holding the
     * lock meanwhile would leave both threads waiting for each other. Writes made while a batch is
     * handed over are kept for the next batch, so none overtakes an earlier one.
     */
    private void handOver(Journal journal) {
        while (true) {
            List<Consumer<Journal>> batch;
            synchronized (lock) {
                if (pending.isEmpty()) {
                    pending = null;
                    delegate = journal;
                    break;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            for (Consumer<Journal> write : batch) {
                try {
                    write.accept(journal);
                } catch (RuntimeException e) {
                    LOG.warn("a write kept while the registry database was being created failed", e);
                }
            }
        }
        handedOver.complete(journal);
    }

    /** Runs a write now, or keeps it for when the database is open. */
    private void write(Consumer<Journal> write) {
        Journal target;
        synchronized (lock) {
            if (delegate == null) {
                pending.add(write);
                return;
            }
            target = delegate;
        }
        write.accept(target);
    }

    /** As {@link #write}, for a write whose completion the caller may wait for. */
    private CompletableFuture<Void> writeAwaited(Function<Journal, CompletableFuture<Void>> write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        write(journal -> write.apply(journal).whenComplete((ignored, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    /** The open journal, waiting for it. */
    private Journal open() {
        return handedOver.join();
    }

    @Override
    public CompletableFuture<Void> audit(
            String actor, String operation, String componentId, String error, String details) {
        return writeAwaited(j -> j.audit(actor, operation, componentId, error, details));
    }

    @Override
    public void writeAudit(
            String actor, String operation, String componentId, boolean ok, String error, String details) {
        write(j -> j.writeAudit(actor, operation, componentId, ok, error, details));
    }

    @Override
    public CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
        return writeAwaited(j -> j.writeDependency(dependent, dependency, actor));
    }

    @Override
    public CompletableFuture<Void> deleteDependency(String dependent, String dependency) {
        return writeAwaited(j -> j.deleteDependency(dependent, dependency));
    }

    @Override
    public CompletableFuture<Void> writeComponent(String id, ComponentInfo info, Instant registeredAt) {
        return writeAwaited(j -> j.writeComponent(id, info, registeredAt));
    }

    @Override
    public void deleteComponent(String id) {
        write(j -> j.deleteComponent(id));
    }

    @Override
    public void writeManualStatus(String id, ComponentStatus status, String reason) {
        write(j -> j.writeManualStatus(id, status, reason));
    }

    @Override
    public void deleteManualStatus(String id) {
        write(j -> j.deleteManualStatus(id));
    }

    @Override
    public void writeHeaderIndex(String name, String header) {
        write(j -> j.writeHeaderIndex(name, header));
    }

    @Override
    public void deleteHeaderIndex(String name) {
        write(j -> j.deleteHeaderIndex(name));
    }

    @Override
    public void writeProvisionedSet(StoredSet set) {
        synchronized (lock) {
            setsWritten = true;
        }
        write(j -> j.writeProvisionedSet(set));
    }

    @Override
    public void deleteProvisionedSet(String name) {
        write(j -> j.deleteProvisionedSet(name));
    }

    @Override
    public CompletableFuture<Void> writeQuota(StoredQuota quota) {
        synchronized (lock) {
            quotasWritten = true;
        }
        return writeAwaited(j -> j.writeQuota(quota));
    }

    @Override
    public CompletableFuture<Void> deleteQuota(String scope, String limit) {
        return writeAwaited(j -> j.deleteQuota(scope, limit));
    }

    /** None in a new database unless written since: then read once it is open. */
    @Override
    public List<StoredQuota> quotas() {
        synchronized (lock) {
            if (delegate == null && !quotasWritten) {
                return List.of();
            }
        }
        return open().quotas();
    }

    /** None in a new database unless written since: then read once it is open. */
    @Override
    public List<StoredSet> provisionedSets() {
        synchronized (lock) {
            if (delegate == null && !setsWritten) {
                return List.of();
            }
        }
        return open().provisionedSets();
    }

    @Override
    public void queueError(String id, Instant at, String message) {
        write(j -> j.queueError(id, at, message));
    }

    @Override
    public void queueAccess(Map<String, long[]> counts) {
        write(j -> j.queueAccess(counts));
    }

    @Override
    public void prune() {
        write(Journal::prune);
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        return open().query(query);
    }

    /** Nothing counted until the database is open (no wait: meters read this at any time). */
    @Override
    public io.happyos.registry.core.stats.JournalFigures figures() {
        Journal journal = handedOver.getNow(null);
        return journal == null ? Journal.super.figures() : journal.figures();
    }

    /** A database that did not exist has nothing to restore: no wait. */
    @Override
    public Restored restore() {
        return Journal.super.restore();
    }

    @Override
    public void close() {
        open().close();
    }
}
