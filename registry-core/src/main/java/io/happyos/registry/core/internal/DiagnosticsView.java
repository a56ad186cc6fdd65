package io.happyos.registry.core.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Diagnostics;
import io.happyos.registry.DriftReport;
import io.happyos.registry.Explanation;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.StatusChange;
import io.happyos.registry.UsageStats;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.stats.Statistics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Diagnostics}: reads of what the registry observed; nothing here changes anything but the
 * audit log, to which the caller may add records of what it did elsewhere, under its name.
 */
final class DiagnosticsView implements Diagnostics {

    private final RegistryCore core;
    private final ComponentStore store;
    private final String actor;

    DiagnosticsView(RegistryCore core, Caller caller) {
        this.core = core;
        this.store = core.store;
        this.actor = caller.actor();
    }

    @Override
    public Explanation explain(String id) {
        return core.explainer.explain(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<RegistryEntry> getHealthyComponents() {
        return store.snapshots(r -> r.status() != ComponentStatus.ERROR && r.status() != ComponentStatus.INACTIVE);
    }

    @Override
    public UsageStats getUsageStats() {
        return Statistics.usage(store.snapshots(r -> true));
    }

    @Override
    public PerformanceMetrics getPerformanceMetrics() {
        return core.performance.snapshot();
    }

    @Override
    public Optional<Duration> getActivationTime(String id) {
        return Optional.ofNullable(
                store.record(Objects.requireNonNull(id, "id")).lastActivationTime());
    }

    @Override
    public ServiceUsage getServiceUsage(String id) {
        return core.usage.usage(Objects.requireNonNull(id, "id"));
    }

    @Override
    public DriftReport getDrift() {
        return core.usage.drift();
    }

    @Override
    public List<AuditRecord> getAuditLog(AuditQuery query) {
        return core.journal.query(Objects.requireNonNull(query, "query"));
    }

    @Override
    public void recordAudit(String operation, String componentId, boolean ok, String error, String details) {
        Objects.requireNonNull(operation, "operation");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("operation must say what was done (for example cluster:activate)");
        }
        core.journal.writeAudit(actor, operation, componentId, ok, error, details);
    }

    @Override
    public List<StatusChange> getRecentStatusChanges(int limit) {
        return core.statusHistory.recent(limit);
    }

    @Override
    public io.happyos.registry.ResourceUsage getResourceUsage(String id) {
        return core.monitor.usage(store.record(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<io.happyos.registry.ResourceUsage> getResourceUsages() {
        return store.records().stream()
                .sorted(java.util.Comparator.comparing(io.happyos.registry.core.model.ComponentRecord::id))
                .map(core.monitor::usage)
                .toList();
    }

    @Override
    public boolean isResourceAccountingEnabled() {
        return core.accounting.enabled();
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> setResourceAccounting(boolean enabled) {
        return core.operations.run(actor, "resource-accounting", null, enabled ? "on" : "off", () -> {
            core.accounting(enabled);
            return null;
        });
    }

    @Override
    public List<io.happyos.registry.Advice> getAdvice() {
        return io.happyos.registry.core.advice.Advisor.advise(AdviceInputs.gather(core, getDrift()));
    }
}
