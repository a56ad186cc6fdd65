package io.happyos.registry.core.model;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.core.stats.JournalFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where the registry writes down what it was told, so that a restart finds it again, and its
 * audit log. Every change is queued on one writer and made durable in order (group commit); an
 * operation is reported complete only once its changes and its audit record are durable, and a
 * change that cannot be recorded is undone in memory (see {@link PendingWrites}). The few changes
 * that cannot be undone (removals, statuses set by hand) block until durable.
 */
public interface Journal extends AutoCloseable {

    /** Keeps nothing: the registry without persistence. */
    Journal NONE = new Journal() {};

    /**
     * What the journal counted since it was opened: reloads and quarantines audited, changes
     * committed and how long they waited.
     *
     * @return the figures now; {@link JournalFigures#NONE} for a journal that keeps nothing
     */
    default JournalFigures figures() {
        return JournalFigures.NONE;
    }

    /**
     * Records one audit entry.
     *
     * @param actor who
     * @param operation what
     * @param componentId which component, or {@code null}
     * @param error why it failed, or {@code null} when it succeeded
     * @param details more, or {@code null}
     * @return completes once the record is durable
     */
    default CompletableFuture<Void> audit(
            String actor, String operation, String componentId, String error, String details) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Durably records one audit entry whose outcome is given apart from its error: an operation
     * carried out outside the registry.
     *
     * @param actor who
     * @param operation what
     * @param componentId which component, or {@code null}
     * @param ok whether it succeeded
     * @param error why it failed, or {@code null}
     * @param details more, or {@code null}
     * @throws io.happyos.registry.RegistryException when the record cannot be written
     */
    default void writeAudit(
            String actor, String operation, String componentId, boolean ok, String error, String details) {}

    /**
     * Queues an explicit dependency.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @param actor who added it
     * @return completes once durable
     */
    default CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Queues the removal of an explicit dependency.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return completes once durable
     */
    default CompletableFuture<Void> deleteDependency(String dependent, String dependency) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Queues a component registered without a bundle.
     *
     * @param id its id
     * @param info what it is
     * @param registeredAt when
     * @return completes once durable
     */
    default CompletableFuture<Void> writeComponent(String id, ComponentInfo info, Instant registeredAt) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Durably forgets everything about a component.
     *
     * @param id its id
     */
    default void deleteComponent(String id) {}

    /**
     * Durably keeps a status set by hand.
     *
     * @param id the component
     * @param status the status
     * @param reason why
     */
    default void writeManualStatus(String id, ComponentStatus status, String reason) {}

    /**
     * Durably forgets a status set by hand.
     *
     * @param id the component
     */
    default void deleteManualStatus(String id) {}

    /**
     * Durably keeps the definition of a header index.
     *
     * @param name the index
     * @param header the manifest header
     */
    default void writeHeaderIndex(String name, String header) {}

    /**
     * Durably forgets the definition of a header index.
     *
     * @param name the index
     */
    default void deleteHeaderIndex(String name) {}

    /**
     * Durably keeps a provisioned set, replacing what was kept under its name.
     *
     * @param set the set
     */
    default void writeProvisionedSet(StoredSet set) {}

    /**
     * Durably forgets a provisioned set.
     *
     * @param name its name
     */
    default void deleteProvisionedSet(String name) {}

    /** @return the provisioned sets kept, oldest first (none without persistence) */
    default List<StoredSet> provisionedSets() {
        return List.of();
    }

    /**
     * Durably keeps a quota, replacing the one of the same scope and limit.
     *
     * @param quota the quota
     * @return completes once it is durable; fails with the reason it cannot be
     */
    default CompletableFuture<Void> writeQuota(StoredQuota quota) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Durably forgets a quota.
     *
     * @param scope its scope
     * @param limit its limit's key
     * @return completes once it is durable; fails with the reason it cannot be
     */
    default CompletableFuture<Void> deleteQuota(String scope, String limit) {
        return CompletableFuture.completedFuture(null);
    }

    /** @return the quotas kept, ordered by scope and limit (none without persistence) */
    default List<StoredQuota> quotas() {
        return List.of();
    }

    /**
     * A quota as the journal keeps it.
     *
     * @param scope its scope
     * @param limit its limit's key ({@code max-active})
     * @param value its value
     * @param enforce whether a resource limit deactivates
     * @param graceMillis its grace period in milliseconds
     * @param origin who set it ({@code setting} or an actor)
     * @param at when
     */
    record StoredQuota(
            String scope, String limit, double value, boolean enforce, long graceMillis, String origin, Instant at) {}

    /**
     * A provisioned set as the journal keeps it.
     *
     * @param name its name
     * @param kind {@code FEATURE} or {@code INSTALL}
     * @param version its version, or {@code null}
     * @param source where it came from
     * @param at when it was provisioned last
     * @param actor who provisioned it last
     * @param bundles its bundles, one line each, in the provisioning package's own format
     */
    record StoredSet(
            String name, String kind, String version, String source, Instant at, String actor, List<String> bundles) {

        /** Copies the list. */
        public StoredSet {
            bundles = List.copyOf(bundles);
        }
    }

    /**
     * Queues an error for a component's history.
     *
     * @param id the component
     * @param at when
     * @param message what
     */
    default void queueError(String id, Instant at, String message) {}

    /**
     * Queues the access counts of the components accessed since the last call.
     *
     * @param counts for each id, its count and last access in epoch milliseconds
     */
    default void queueAccess(Map<String, long[]> counts) {}

    /** Queues the pruning of the audit log to its retention; never blocks. */
    default void prune() {}

    /**
     * The audit log.
     *
     * @param query filters and limit
     * @return the records, newest first
     */
    default List<AuditRecord> query(AuditQuery query) {
        return List.of();
    }

    /** @return what was kept, to restore at start-up (empty without persistence) */
    default Restored restore() {
        return new Restored(List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * What a restart restores.
     *
     * @param components components registered without a bundle: id, info and registration time
     * @param dependencies explicit dependencies as (dependent, dependency) pairs
     * @param errors error histories by component id, oldest first
     * @param manualStatuses statuses set by hand, by component id
     * @param access access counts and last access (epoch ms) by component id
     * @param headerIndexes header index definitions, name to header
     */
    record Restored(
            List<StoredComponent> components,
            List<String[]> dependencies,
            Map<String, List<io.happyos.registry.ErrorRecord>> errors,
            Map<String, String> manualStatuses,
            Map<String, long[]> access,
            Map<String, String> headerIndexes) {}

    /**
     * A component registered without a bundle.
     *
     * @param id its id
     * @param info what it is
     * @param registeredAt when
     */
    record StoredComponent(String id, ComponentInfo info, Instant registeredAt) {}

    @Override
    default void close() {}
}
