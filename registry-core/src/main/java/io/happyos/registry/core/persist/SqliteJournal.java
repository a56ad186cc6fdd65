package io.happyos.registry.core.persist;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.stats.JournalFigures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's journal in SQLite ({@code STORAGE/registry.db}): state changes are written and
 * committed before the registry applies them; error histories, access counts and audit records
 * are queued on the same writer, so they are durable, in order, by the time the operation that
 * caused them reports completion.
 */
public final class SqliteJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RegistryDatabase db;
    private final DurableWriter writer;
    private final PersistentState state;
    private final AuditLog audit;
    private final int keepErrors;
    private final int keepAudit;
    private final Duration auditMaxAge;

    /**
     * Opens the database, or refuses to start.
     *
     * @param file the database file
     * @param keepErrors errors kept per component
     * @param keepAudit audit records kept at most
     * @param auditMaxAge audit records kept at most this long
     * @param threads makes the writer thread
     * @throws StartupRefusedException when the file is corrupt, newer or in use
     */
    public SqliteJournal(
            Path file,
            int keepErrors,
            int keepAudit,
            Duration auditMaxAge,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.db = RegistryDatabase.open(file);
        this.writer = new DurableWriter(db, threads);
        this.state = new PersistentState(db, writer, Clock.systemUTC());
        this.audit = new AuditLog(db, writer, Clock.systemUTC());
        this.keepErrors = keepErrors;
        this.keepAudit = keepAudit;
        this.auditMaxAge = auditMaxAge;
        audit.prune(keepAudit, auditMaxAge);
    }

    @Override
    public JournalFigures figures() {
        WriteTimes times = writer.times();
        return new JournalFigures(
                audit.recorded("reload"), audit.recorded("quarantine"), times.writes(), times.nanos(), times.max());
    }

    /** Waits for a write; one that fails leaves the registry's memory unchanged. */
    private static void durable(CompletableFuture<Void> write, String what) {
        try {
            write.get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RegistryException(
                    "could not record " + what + ": " + cause.getMessage()
                            + " (is the disk full? the registry.db file writable?); nothing was changed",
                    cause);
        } catch (TimeoutException e) {
            throw new RegistryException(
                    "could not record " + what + " within " + WRITE_TIMEOUT.toSeconds() + " s; nothing was changed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while recording " + what, e);
        }
    }

    @Override
    public CompletableFuture<Void> audit(
            String actor, String operation, String componentId, String error, String details) {
        return audit.record(actor, operation, componentId, error == null, error, details);
    }

    @Override
    public void writeAudit(
            String actor, String operation, String componentId, boolean ok, String error, String details) {
        durable(audit.record(actor, operation, componentId, ok, error, details), "the audit record of " + operation);
    }

    /** A queued write whose failure reads as one clear sentence. */
    private static CompletableFuture<Void> queued(CompletableFuture<Void> write, String what) {
        return write.exceptionallyCompose(e -> CompletableFuture.failedFuture(new RegistryException(
                "could not record " + what + ": " + (e.getCause() == null ? e : e.getCause()).getMessage()
                        + " (is the disk full? the registry.db file writable?); the change was undone",
                e)));
    }

    @Override
    public CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
        return queued(
                state.addDependency(dependent, dependency, actor), "the dependency " + dependent + " -> " + dependency);
    }

    @Override
    public CompletableFuture<Void> deleteDependency(String dependent, String dependency) {
        return queued(
                state.removeDependency(dependent, dependency), "the removal of " + dependent + " -> " + dependency);
    }

    @Override
    public CompletableFuture<Void> writeComponent(String id, ComponentInfo info, Instant registeredAt) {
        return queued(state.putComponent(info, id, registeredAt), "the registration of " + id);
    }

    @Override
    public void deleteComponent(String id) {
        durable(state.forget(id), "the removal of " + id);
    }

    @Override
    public void writeManualStatus(String id, ComponentStatus status, String reason) {
        durable(state.setManualStatus(id, status.name(), reason), "the status of " + id);
    }

    @Override
    public void deleteManualStatus(String id) {
        durable(state.clearManualStatus(id), "the status of " + id);
    }

    @Override
    public void writeHeaderIndex(String name, String header) {
        durable(state.putHeaderIndex(name, header), "the index " + name);
    }

    @Override
    public void deleteHeaderIndex(String name) {
        durable(state.removeHeaderIndex(name), "the removal of the index " + name);
    }

    @Override
    public void writeProvisionedSet(StoredSet set) {
        durable(state.putProvisionedSet(set), "the provisioned set " + set.name());
    }

    @Override
    public void deleteProvisionedSet(String name) {
        durable(state.removeProvisionedSet(name), "the removal of the provisioned set " + name);
    }

    @Override
    public CompletableFuture<Void> writeQuota(StoredQuota quota) {
        return queued(state.putQuota(quota), "the quota " + quota.limit() + " of " + quota.scope());
    }

    @Override
    public CompletableFuture<Void> deleteQuota(String scope, String limit) {
        return queued(state.removeQuota(scope, limit), "the removal of the quota " + limit + " of " + scope);
    }

    @Override
    public List<StoredQuota> quotas() {
        return state.quotas();
    }

    @Override
    public List<StoredSet> provisionedSets() {
        return ProvisionedSets.all(db);
    }

    @Override
    public void queueError(String id, Instant at, String message) {
        state.addError(id, at, message, keepErrors).exceptionally(e -> {
            LOG.warn("could not keep an error of {}: {}", id, e.getMessage());
            return null;
        });
    }

    @Override
    public void queueAccess(Map<String, long[]> counts) {
        state.saveAccess(counts).exceptionally(e -> {
            LOG.warn("could not keep access counts: {}", e.getMessage());
            return null;
        });
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        return audit.query(query);
    }

    @Override
    public Restored restore() {
        List<Journal.StoredComponent> stored = state.components().stream()
                .map(c -> new Journal.StoredComponent(c.id(), c.info(), c.registeredAt()))
                .toList();
        return new Restored(
                stored,
                state.dependencies(),
                state.allErrors(),
                state.manualStatuses(),
                state.access(),
                state.headerIndexes());
    }

    /** Prunes the audit log to its retention (never blocks an operation: it is queued). */
    @Override
    public void prune() {
        audit.prune(keepAudit, auditMaxAge);
    }

    @Override
    public void close() {
        writer.close();
        db.close();
    }
}
