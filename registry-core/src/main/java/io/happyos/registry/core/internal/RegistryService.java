package io.happyos.registry.core.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.BatchResult;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.HealthStats;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.UsageStats;
import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.JarVersion;
import io.happyos.registry.Explanation;
import io.happyos.registry.core.diagnose.Explainer;
import io.happyos.registry.core.diagnose.ServiceDiagnosis;
import io.happyos.registry.core.deploy.FolderDeployer;
import io.happyos.registry.core.deploy.Reloads;
import io.happyos.registry.core.deploy.VersionHistory;
import io.happyos.registry.core.export.GraphExporter;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.extension.TimedCalls;
import io.happyos.registry.core.extension.Whiteboard;
import io.happyos.registry.core.instance.ComponentInstances;
import io.happyos.registry.core.lifecycle.BatchActivation;
import io.happyos.registry.core.lifecycle.Batches;
import io.happyos.registry.core.lifecycle.Lifecycle;
import io.happyos.registry.core.lifecycle.Recovery;
import io.happyos.registry.core.stats.PerformanceRecorder;
import io.happyos.registry.core.stats.Statistics;
import io.happyos.registry.core.stats.StatusHistory;
import io.happyos.registry.StatusChange;
import io.happyos.registry.core.usage.UsageTelemetry;
import io.happyos.registry.DriftReport;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.spi.ComponentFactory;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.Registration;
import io.happyos.registry.StatusCallback;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Deactivation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.lifecycle.LifecycleExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The {@link DynamicRegistry} service: queries read the store, operations go through the lifecycle thread. */
public final class RegistryService implements DynamicRegistry {

    private final ComponentStore store;
    private final Explainer explainer;
    private volatile java.util.function.Supplier<ServiceDiagnosis> serviceDiagnosisSource = () -> ServiceDiagnosis.NONE;
    private final StatusNotifier notifier;
    private final StatusHistory statusHistory = new StatusHistory(StatusHistory.DEFAULT_CAPACITY, Clock.systemUTC());
    private final LifecycleExecutor lifecycle;
    private final Activation activation;
    private final io.happyos.registry.core.lifecycle.WaitingComponents waiting;
    private final java.util.concurrent.atomic.AtomicBoolean retryQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** Off until start-up is done: before, entries and their requirements are still being built. */
    private volatile boolean retrying;
    private final Deactivation deactivation;
    private final Installation installation;
    private final BundleContext context;
    /** How often usage telemetry notes who holds component services. */
    private static final long USAGE_SAMPLE_SECONDS = 5;

    private final TimedCalls calls = new TimedCalls("call");
    private final PerformanceRecorder performance = new PerformanceRecorder();
    private final Whiteboard whiteboard;
    private final ComponentInstances instances;
    private final BatchActivation batch;
    private final Batches batches;
    private final VersionHistory history;
    private final Reloads reloads;
    private volatile FolderDeployer deployer;
    private final Journal journal;
    private final java.util.concurrent.ScheduledExecutorService accessFlusher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("access-flush", false));
    private final Recovery recovery;
    private final Operations operations;
    private final KeptState kept;
    private final ExplicitDependencies dependencies;
    private final StatusChanges statuses;
    private final UsageTelemetry usage;

    /**
     * Builds the registry and its parts; {@link #open()} starts tracking extension services.
     *
     * @param context the registry bundle's context
     * @param settings the settings
     * @param ticker the clock of the instance cache
     * @param journal where what the registry is told is kept ({@link Journal#NONE} for nothing)
     */
    public RegistryService(BundleContext context, RegistrySettings settings, Ticker ticker, Journal journal) {
        this.context = context;
        this.journal = journal;
        this.notifier = new StatusNotifier(calls, settings.listenerTimeout(), statusHistory);
        this.store = new ComponentStore(notifier, Clock.systemUTC(), settings.errorHistorySize());
        store.errorSink((id, error) -> journal.queueError(id, error.at(), error.message()));
        this.lifecycle = new LifecycleExecutor();
        this.whiteboard = new Whiteboard(context, notifier, this::factoryGone);
        this.instances = new ComponentInstances(store, whiteboard, calls, settings.activationTimeout(), context,
                performance, ticker);
        Lifecycle shared = new Lifecycle(store, context, new Hooks(whiteboard, calls, settings.activationTimeout()),
                calls, settings.activationTimeout(), performance, instances::cleanup, journal);
        this.waiting = new io.happyos.registry.core.lifecycle.WaitingComponents(storage(context).resolve("waiting.txt"));
        this.activation = new Activation(shared, waiting);
        notifier.internal((id, from, to) -> {
            if (to == ComponentStatus.ACTIVE || from == ComponentStatus.ERROR) {
                retryWaiting();
            }
        });
        this.deactivation = new Deactivation(shared);
        this.installation = new Installation(shared, deactivation);
        this.batch = new BatchActivation(store, activation, settings.batchParallelism());
        this.batches = new Batches(store, installation, deactivation);
        this.history = new VersionHistory(storage(context).resolve("history"), settings.historySize());
        this.reloads = new Reloads(store, context, activation, deactivation, history);
        this.recovery = new Recovery(store, context);
        this.operations = new Operations(lifecycle, journal, performance);
        this.kept = new KeptState(store, journal, context);
        store.addedSink(kept::added);
        store.heldErrorSink(journal::deleteManualStatus);
        this.dependencies = new ExplicitDependencies(store, journal);
        this.statuses = new StatusChanges(store, journal, context, activation, deactivation);
        this.usage = new UsageTelemetry(context, store, type -> whiteboard.factoryFor(type) != null, Clock.systemUTC());
        this.explainer = new Explainer(store, context, journal::query, () -> serviceDiagnosisSource.get());
    }

    /**
     * Where {@link #explain} learns about Declarative Services components.
     *
     * @param diagnosis what SCR knows, looked up at each explanation
     */
    public void diagnoseServicesWith(java.util.function.Supplier<ServiceDiagnosis> diagnosis) {
        this.serviceDiagnosisSource = diagnosis;
    }

    /**
     * A component stopped, whoever stopped it: its instance is disposed of.
     *
     * @param id the component
     */
    public void componentStopped(String id) {
        instances.cleanup(id);
    }

    private static Path storage(BundleContext context) {
        String dir = context.getProperty("happyos.storage.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return context.getDataFile("") == null ? Path.of(".happyos-registry") : context.getDataFile("").toPath();
    }

    /**
     * Sets up the bundles folder: what changes there is applied through the lifecycle thread.
     *
     * @param folder the folder
     * @param settings the settings (auto rollback and its grace period)
     * @return the deployer
     */
    public FolderDeployer bundlesFolder(Path folder, RegistrySettings settings) {
        FolderDeployer created = new FolderDeployer(folder, store, context, activation, installation, reloads, history,
                storage(context).resolve("deploy-state.properties"), settings.autoRollback(), settings.reloadGrace(),
                task -> lifecycle.submit(() -> {
                    task.run();
                    return null;
                }), journal);
        deployer = created;
        return created;
    }

    private void factoryGone(Object key) {
        // the whiteboard is built before the instances; a factory cannot go before both exist
        if (instances != null) {
            instances.factoryGone(key);
        }
    }

    /** Starts tracking factory, hook and listener services, and flushing access counts. */
    public void open() {
        whiteboard.open();
        usage.open();
        accessFlusher.scheduleWithFixedDelay(usage::sampleHolders, USAGE_SAMPLE_SECONDS, USAGE_SAMPLE_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
        accessFlusher.scheduleWithFixedDelay(kept::flushAccess, KeptState.ACCESS_FLUSH_SECONDS,
                KeptState.ACCESS_FLUSH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        // retention of the audit log: queued on the writer, so it never blocks an operation
        accessFlusher.scheduleWithFixedDelay(journal::prune, 10, 10, java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * Something arrived that a waiting component may need (a bundle installed, resolved or updated; a
     * component active or out of ERROR): queues one retry of the waiting components on the lifecycle
     * thread, after the operation in progress. Any thread; cheap when nothing waits.
     */
    public void retryWaiting() {
        if (!retrying || waiting.isEmpty() || !retryQueued.compareAndSet(false, true)) {
            return;
        }
        lifecycle.later(() -> {
            retryQueued.set(false);
            try {
                Actors.as(Actors.REGISTRY, () -> waiting.retry(store, activation));
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(RegistryService.class).warn("retrying the waiting components failed", e);
            }
        });
    }

    /**
     * Start-up is done (entries, their requirements and what the journal kept are all back): from
     * now on, waiting components are retried whenever something arrives, and once now (at once when
     * called on the lifecycle thread).
     */
    public void startRetrying() {
        retrying = true;
        if (lifecycle.onLifecycleThread()) {
            waiting.retry(store, activation); // before the registry says it is ready
        } else {
            retryWaiting();
        }
    }

    /** Puts back what the journal kept; see {@link KeptState#restore()}. */
    public void restore() {
        kept.restore();
    }

    /** Stops every thread and tracker of the registry. */
    public void close() {
        usage.close();
        accessFlusher.shutdownNow();
        kept.flushAccess();
        FolderDeployer current = deployer;
        if (current != null) {
            current.close();
        }
        whiteboard.close();
        lifecycle.close();
        batch.close();
        recovery.close();
        notifier.close();
        calls.close();
    }

    /** @return the entries */
    public ComponentStore store() {
        return store;
    }

    /** @return the activation steps, for start-up work already on the lifecycle thread */
    public Activation activation() {
        return activation;
    }

    /** @return the deactivation steps, for the framework's shutdown */
    public Deactivation deactivation() {
        return deactivation;
    }

    /** @return the install steps, for start-up work already on the lifecycle thread */
    public Installation installation() {
        return installation;
    }

    /** @return the lifecycle thread */
    public LifecycleExecutor lifecycle() {
        return lifecycle;
    }

    private <T> CompletionStage<T> operation(String name, String componentId, Callable<T> operation) {
        return operations.run(name, componentId, operation);
    }

    @Override
    public CompletionStage<String> registerComponent(ComponentInfo component) {
        Objects.requireNonNull(component, "component");
        return operation("register", component.name(), () -> installation.register(component));
    }

    @Override
    public CompletionStage<Void> unregisterComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operations.run("unregister", id, "unregistered " + id, () -> {
            waiting.remove(id);
            installation.unregister(id);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operations.run("activate", id, started -> started ? "activated " + id : id + " was already active",
                () -> activation.activate(id));
    }

    @Override
    public CompletionStage<Void> deactivateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operations.run("deactivate", id, "deactivated " + id, () -> {
            boolean waited = waiting.contains(id);
            waiting.remove(id);
            deactivation.deactivate(id);
            if (waited) {
                statuses.waitEnded(id);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        return recovery.withRetries(id, policy, this::activateComponent);
    }

    @Override
    public RegistryEntry getComponent(String id) {
        return store.snapshot(store.record(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Optional<RegistryEntry> findComponent(String id) {
        return store.find(Objects.requireNonNull(id, "id")).map(store::snapshot);
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
    public List<RegistryEntry> getHealthyComponents() {
        return store.snapshots(r -> r.status() != ComponentStatus.ERROR && r.status() != ComponentStatus.INACTIVE);
    }

    @Override
    public void createIndex(String name, Function<RegistryEntry, ?> keyFunction) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyFunction, "keyFunction");
        store.indexes().createIndex(name, keyFunction, listComponents());
    }

    @Override
    public void createHeaderIndex(String name, String header) {
        kept.createHeaderIndex(Objects.requireNonNull(name, "name"), Objects.requireNonNull(header, "header"));
    }

    @Override
    public List<RegistryEntry> getComponentsByIndex(String name, String key) {
        return store.snapshots(store.indexes().idsByIndex(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean dropIndex(String name) {
        kept.forgetHeaderIndex(Objects.requireNonNull(name, "name"));
        return store.indexes().dropIndex(name);
    }

    @Override
    public List<String> getIndexNames() {
        return store.indexes().indexNames();
    }

    @Override
    public Object getComponentInstance(String id) {
        return getComponentInstance(id, Actors.callerBundle());
    }

    /**
     * {@link #getComponentInstance(String)} on behalf of a bundle named by the caller (a per-bundle
     * view passes its own bundle), counted for usage telemetry without a thread-local frame or a
     * clock read of its own.
     *
     * @param id the component
     * @param caller the calling bundle, or {@code null} for a call not counted (the registry's own)
     * @return the instance
     */
    public Object getComponentInstance(String id, Bundle caller) {
        Object instance = instances.get(Objects.requireNonNull(id, "id"));
        usage.instanceCall(id, caller, instances.recentMillis());
        return instance;
    }

    @Override
    public <T> T getComponentInstance(String id, Class<T> type) {
        Object instance = getComponentInstance(id);
        if (!type.isInstance(instance)) {
            throw new RegistryException("the instance of " + id + " is a " + instance.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(instance);
    }

    @Override
    public void enableInstanceCaching(int maxSize, Duration ttl) {
        instances.enableCaching(maxSize, Objects.requireNonNull(ttl, "ttl"));
    }

    @Override
    public boolean cleanupComponentInstance(String id) {
        store.record(id);
        return instances.cleanup(id);
    }

    @Override
    public List<String> cleanupIdleInstances(Duration idleFor) {
        return instances.cleanupIdle(Objects.requireNonNull(idleFor, "idleFor"));
    }

    @Override
    public Registration registerComponentFactory(String type, ComponentFactory factory) {
        return whiteboard.registerFactory(Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook) {
        return whiteboard.registerHook(Objects.requireNonNull(phase, "phase"), Objects.requireNonNull(hook, "hook"));
    }

    @Override
    public CompletionStage<BatchResult> registerComponentsBatch(List<ComponentInfo> components) {
        List<ComponentInfo> copy = List.copyOf(components);
        return operation("register-batch", null, () -> batches.register(copy));
    }

    @Override
    public CompletionStage<BatchResult> activateComponentsBatch(Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        return operation("activate-batch", null, () -> batch.activate(copy));
    }

    @Override
    public CompletionStage<BatchResult> deactivateComponentsBatch(Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        return operation("deactivate-batch", null, () -> batches.deactivate(copy));
    }

    @Override
    public CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses) {
        Map<String, ComponentStatus> copy = new java.util.LinkedHashMap<>(statuses);
        return operation("status-batch", null, () -> batches.updateStatus(copy, this.statuses::change));
    }

    @Override
    public HealthStats getHealthStats() {
        return HealthCheck.of(store, context, waiting);
    }

    @Override
    public UsageStats getUsageStats() {
        return Statistics.usage(listComponents());
    }

    @Override
    public PerformanceMetrics getPerformanceMetrics() {
        return performance.snapshot();
    }

    @Override
    public Optional<Duration> getActivationTime(String id) {
        return Optional.ofNullable(store.record(Objects.requireNonNull(id, "id")).lastActivationTime());
    }

    @Override
    public ServiceUsage getServiceUsage(String id) {
        return usage.usage(Objects.requireNonNull(id, "id"));
    }

    @Override
    public DriftReport getDrift() {
        return usage.drift();
    }

    @Override
    public CompletionStage<List<DependencyProblem>> validateDependencies(String id) {
        Objects.requireNonNull(id, "id");
        return operations.run("validate", id, problems -> problems.isEmpty() ? "no dependency problems"
                : problems.size() + " dependency problems: " + problems, () -> recovery.validate(id));
    }

    @Override
    public DependencyGraphView getDependencyGraph() {
        return GraphViews.whole(store);
    }

    @Override
    public DependencyGraphView getDependencyGraph(String id) {
        return GraphViews.around(store, Objects.requireNonNull(id, "id"));
    }

    @Override
    public String exportDependencyGraph(GraphFormat format, String id) {
        Objects.requireNonNull(format, "format");
        return GraphExporter.export(id == null ? getDependencyGraph() : getDependencyGraph(id), format);
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        String wanted = normalise(Objects.requireNonNull(path, "path"));
        return store.records().stream()
                .filter(r -> r.info().path() != null && normalise(r.info().path()).equals(wanted))
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
    public CompletionStage<Void> addDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return operations.run("add-dependency", dependent, dependency, () -> {
            dependencies.add(dependent, dependency);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> removeDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return operations.run("remove-dependency", dependent, dependency, () -> {
            dependencies.remove(dependent, dependency);
            retryWaiting();
            return null;
        });
    }

    @Override
    public Set<String> getDependencies(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencies(id) : Set.of());
    }

    @Override
    public List<Dependency> getDependencyDetails(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencyDetails(id) : List.of());
    }

    @Override
    public Set<String> getDependents(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependents(id) : Set.of());
    }

    @Override
    public boolean hasCircularDependency(String id, String potentialDependency) {
        store.record(id);
        store.record(potentialDependency);
        return store.readGraph(g -> g.findPath(potentialDependency, id).isPresent());
    }

    @Override
    public List<List<String>> findCircularDependencies() {
        return store.readGraph(GraphAlgorithms::cycles);
    }

    @Override
    public List<String> getActivationOrder(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        ids.forEach(store::record);
        return store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids.isEmpty() ? g.nodeIds() : ids));
    }

    @Override
    public CompletionStage<Void> setComponentStatus(String id, ComponentStatus status) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        return operations.run("set-status", id, "status set to " + status + " by hand", () -> {
            if (status != ComponentStatus.ACTIVE) {
                waiting.remove(id);
            }
            statuses.change(id, status);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        return operations.run("mark-error", id, "marked in ERROR by hand: " + message, () -> {
            waiting.remove(id);
            statuses.markError(id, message);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        Objects.requireNonNull(id, "id");
        return operations.run("clear-error", id, now -> "ERROR cleared by hand; status now " + now,
                () -> statuses.clearError(id)).thenApply(now -> null);
    }

    @Override
    public Registration registerStatusCallback(StatusCallback callback) {
        return notifier.add(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public List<StatusChange> getRecentStatusChanges(int limit) {
        return statusHistory.recent(limit);
    }

    @Override
    public List<JarVersion> getVersionHistory(String id) {
        ComponentRecord record = store.record(Objects.requireNonNull(id, "id"));
        return record.hasBundle() ? history.list(record.info().name()) : List.of();
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id) {
        return rollbackComponent(id, null);
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id, String version) {
        Objects.requireNonNull(id, "id");
        return operation("rollback", id, () -> {
            ComponentRecord record = store.record(id);
            List<JarVersion> versions = getVersionHistory(id);
            JarVersion target = versions.stream().skip(1)
                    .filter(v -> version == null || v.version().equals(version))
                    .findFirst()
                    .orElseThrow(() -> new RegistryException(version == null
                            ? id + " has no earlier version to roll back to (registry:history " + id + ")"
                            : id + " has no kept version " + version + " (registry:history " + id + " lists them)"));
            FolderDeployer current = deployer;
            List<String> failures = current != null ? current.rollBackTo(record, target, List.of())
                    : reloads.reinstate(record, target, file -> { }, List.of());
            store.recordError(record, "rolled back " + id + " to " + target.version() + " by request");
            if (!failures.isEmpty()) {
                throw new RegistryException("rolled back " + id + " to " + target.version() + ", but "
                        + String.join("; ", failures));
            }
            return target.version();
        });
    }

    @Override
    public List<String> getImpact(String id) {
        return reloads.impact(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Explanation explain(String id) {
        Objects.requireNonNull(id, "id");
        return explainer.explain(id);
    }

    @Override
    public List<AuditRecord> getAuditLog(AuditQuery query) {
        return journal.query(Objects.requireNonNull(query, "query"));
    }
}
