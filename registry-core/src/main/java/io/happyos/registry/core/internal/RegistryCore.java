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
import io.happyos.registry.spi.InstanceFactory;
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
import io.happyos.registry.spi.StatusListener;
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
import org.osgi.framework.BundleContext;

/**
 * The registry's parts, built once and shared by every caller's view of the registry
 * ({@link BundleRegistry}): the store, the lifecycle thread and its steps, the whiteboard, the
 * journal. Starts and stops them; the views read and change the registry through them.
 */
public final class RegistryCore {

    final ComponentStore store;
    final Explainer explainer;
    volatile java.util.function.Supplier<ServiceDiagnosis> serviceDiagnosisSource = () -> ServiceDiagnosis.NONE;
    final StatusNotifier notifier;
    final StatusHistory statusHistory = new StatusHistory(StatusHistory.DEFAULT_CAPACITY, Clock.systemUTC());
    final LifecycleExecutor lifecycle;
    final Activation activation;
    final io.happyos.registry.core.lifecycle.WaitingComponents waiting;
    private final java.util.concurrent.atomic.AtomicBoolean retryQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** Off until start-up is done: before, entries and their requirements are still being built. */
    private volatile boolean retrying;
    final Deactivation deactivation;
    final Installation installation;
    final BundleContext context;
    /** How often usage telemetry notes who holds component services. */
    private static final long USAGE_SAMPLE_SECONDS = 5;

    private final TimedCalls calls = new TimedCalls("call");
    final PerformanceRecorder performance = new PerformanceRecorder();
    final Whiteboard whiteboard;
    final ComponentInstances instances;
    final BatchActivation batch;
    final Batches batches;
    final VersionHistory history;
    final Reloads reloads;
    volatile FolderDeployer deployer;
    final Journal journal;
    private final java.util.concurrent.ScheduledExecutorService accessFlusher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("access-flush", false));
    final Recovery recovery;
    final Operations operations;
    final KeptState kept;
    final ExplicitDependencies dependencies;
    final StatusChanges statuses;
    final UsageTelemetry usage;

    /**
     * Builds the registry and its parts; {@link #open()} starts tracking extension services.
     *
     * @param context the registry bundle's context
     * @param settings the settings
     * @param ticker the clock of the instance cache
     * @param journal where what the registry is told is kept ({@link Journal#NONE} for nothing)
     */
    public RegistryCore(BundleContext context, RegistrySettings settings, Ticker ticker, Journal journal) {
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
                waiting.retry(store, activation);
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(RegistryCore.class).warn("retrying the waiting components failed", e);
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
}
