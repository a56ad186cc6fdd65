package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependencies;
import io.happyos.registry.Diagnostics;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.HealthStats;
import io.happyos.registry.Indexes;
import io.happyos.registry.Instances;
import io.happyos.registry.Lifecycle;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.Versions;
import io.happyos.registry.core.instance.ComponentInstances;
import io.happyos.registry.core.instance.ConsumerCounter;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.usage.UsageTelemetry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The registry as one caller sees it: the {@link DynamicRegistry} service object a bundle gets
 * (from {@link RegistryServiceFactory}), or one made for the shell, the launcher or a test. The
 * caller is a final field, so every operation is audited under its name and every instance lookup
 * is counted for it, with no thread-local state; queries read the store directly.
 */
public final class BundleRegistry implements DynamicRegistry {

    private final RegistryCore core;
    private final ComponentStore store;
    private final ComponentInstances instances;
    private final UsageTelemetry usage;
    private final Caller caller;
    private final LifecycleView lifecycle;
    private final DependencyView dependencies;
    private final InstanceView instanceView;
    private final IndexView indexes;
    private final DiagnosticsView diagnostics;
    private final VersionView versions;
    private final ProvisioningView provisioning;
    private final QuotasView quotas;
    // the caller's usage counters of the components it got instances of lately, by the id's hash,
    // each with the record it counts for: counting a call then looks nothing up and increments one
    // counter; null when the caller is no bundle (the record and the recorder count its calls)
    private final UsageTelemetry.InstanceCalls[] counted;
    private static final int COUNTED = 64; // a power of two
    private final ConsumerCounter consumer;

    /**
     * @param core the registry's parts
     * @param caller who calls through this object
     */
    public BundleRegistry(RegistryCore core, Caller caller) {
        this.core = core;
        this.store = core.store;
        this.instances = core.instances;
        this.usage = core.usage;
        this.caller = Objects.requireNonNull(caller, "caller");
        this.lifecycle = new LifecycleView(core, caller, this::activateComponent);
        this.dependencies = new DependencyView(core, caller);
        this.instanceView = new InstanceView(core);
        this.indexes = new IndexView(core);
        this.diagnostics = new DiagnosticsView(core, caller);
        this.versions = new VersionView(core, caller);
        this.provisioning = new ProvisioningView(core, caller);
        this.quotas = new QuotasView(core, caller);
        this.counted = caller.bundle() == null ? null : new UsageTelemetry.InstanceCalls[COUNTED];
        this.consumer = counted == null ? null : this::countCall;
    }

    @Override
    public String toString() {
        return "DynamicRegistry for " + caller.actor();
    }

    @Override
    public CompletionStage<String> registerComponent(ComponentInfo component) {
        Objects.requireNonNull(component, "component");
        return core.operations.run(
                caller.actor(), "register", component.name(), () -> core.installation.register(component));
    }

    @Override
    public CompletionStage<Void> unregisterComponent(String id) {
        Objects.requireNonNull(id, "id");
        return core.operations.run(caller.actor(), "unregister", id, "unregistered " + id, () -> {
            core.waiting.remove(id);
            core.installation.unregister(id);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return core.operations.run(
                caller.actor(),
                "activate",
                id,
                started -> started ? "activated " + id : id + " was already active",
                () -> core.activation.activate(id));
    }

    @Override
    public CompletionStage<Void> deactivateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return core.operations.run(caller.actor(), "deactivate", id, "deactivated " + id, () -> {
            boolean waited = core.waiting.contains(id);
            core.waiting.remove(id);
            core.deactivation.deactivate(id);
            if (waited) {
                core.statuses.waitEnded(id);
            }
            return null;
        });
    }

    @Override
    public RegistryEntry getComponent(String id) {
        return store.snapshot(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Optional<RegistryEntry> findComponent(String id) {
        return store.findSnapshot(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<RegistryEntry> listComponents() {
        return store.snapshots(r -> true);
    }

    @Override
    public List<RegistryEntry> getComponentsByType(String type) {
        Objects.requireNonNull(type, "type");
        return store.snapshots(store.indexes().idsByType(type));
    }

    @Override
    public List<RegistryEntry> getComponentsByStatus(ComponentStatus status) {
        Objects.requireNonNull(status, "status");
        return store.snapshots(store.indexes().idsByStatus(status));
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        String wanted = normalise(Objects.requireNonNull(path, "path"));
        return store.records().stream()
                .filter(r ->
                        r.info().path() != null && normalise(r.info().path()).equals(wanted))
                .map(ComponentRecord::id)
                .sorted()
                .findFirst();
    }

    private static String normalise(String path) {
        try {
            Path p = path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
            return p.toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    @Override
    public Object getComponentInstance(String id) {
        if (core.quotas.rateLimited()) {
            rateLimit(Objects.requireNonNull(id, "id"));
        }
        return instances.get(Objects.requireNonNull(id, "id"), consumer);
    }

    /** The calls-per-second quotas of a component, for this caller (the registry's own calls are not limited). */
    private void rateLimit(String id) {
        org.osgi.framework.Bundle bundle = caller.bundle();
        if (bundle == null) {
            return;
        }
        store.find(id)
                .ifPresent(record ->
                        core.quotas.admitCall(id, record.info().type(), bundle.getBundleId(), caller.actor()));
    }

    /**
     * Counts an instance call for the caller in usage telemetry, through the counter it used last
     * for this record; that counter counts the record's accesses and the registry's lookups too.
     */
    private void countCall(ComponentRecord record, long nowMillis) {
        int slot = record.serial() & (COUNTED - 1);
        UsageTelemetry.InstanceCalls calls = counted[slot]; // racy but safe: final fields, canonical counters
        if (calls == null || calls.record() != record) {
            try {
                calls = usage.instanceCalls(record, caller.bundle());
            } catch (RuntimeException e) {
                // telemetry never fails a lookup: counted by the record and the registry alone
                record.recordAccess(nowMillis);
                core.performance.untimedHit();
                return;
            }
            record.countAlso(calls);
            counted[slot] = calls;
        }
        calls.count(nowMillis);
    }

    @Override
    public <T> T getComponentInstance(String id, Class<T> type) {
        Object instance = getComponentInstance(id);
        if (!type.isInstance(instance)) {
            throw new RegistryException(
                    "the instance of " + id + " is a " + instance.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(instance);
    }

    @Override
    public HealthStats getHealthStats() {
        return HealthCheck.of(store, core.context, core.waiting);
    }

    @Override
    public DynamicRegistry actingFor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException(
                    "actor must name who the calls are made for (for example node:alpha/shell), was blank");
        }
        return new BundleRegistry(core, new Caller(actor, caller.bundle()));
    }

    @Override
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public Dependencies dependencies() {
        return dependencies;
    }

    @Override
    public Instances instances() {
        return instanceView;
    }

    @Override
    public Indexes indexes() {
        return indexes;
    }

    @Override
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    @Override
    public Versions versions() {
        return versions;
    }

    @Override
    public io.happyos.registry.Provisioning provisioning() {
        return provisioning;
    }

    @Override
    public io.happyos.registry.Quotas quotas() {
        return quotas;
    }
}
