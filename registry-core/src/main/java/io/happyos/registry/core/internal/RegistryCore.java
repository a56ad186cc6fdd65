package io.happyos.registry.core.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.bundle.BundleTracking;
import io.happyos.registry.core.concurrent.RegistryThreads;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.deploy.FolderDeployer;
import io.happyos.registry.core.deploy.FolderScanner;
import io.happyos.registry.core.deploy.FolderWatcher;
import io.happyos.registry.core.deploy.Reloads;
import io.happyos.registry.core.deploy.StartupDeployment;
import io.happyos.registry.core.deploy.VersionHistory;
import io.happyos.registry.core.diagnose.Explainer;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.extension.Whiteboard;
import io.happyos.registry.core.instance.ComponentInstances;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Deactivation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.lifecycle.Lifecycle;
import io.happyos.registry.core.lifecycle.LifecycleExecutor;
import io.happyos.registry.core.lifecycle.ParallelActivation;
import io.happyos.registry.core.lifecycle.Recovery;
import io.happyos.registry.core.lifecycle.SequentialBatches;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.model.StatusNotifier;
import io.happyos.registry.core.servicecomponent.ServiceComponentTracker;
import io.happyos.registry.core.stats.PerformanceRecorder;
import io.happyos.registry.core.stats.StatusHistory;
import io.happyos.registry.core.usage.UsageTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The registry's parts, built once and shared by every caller's view of the registry
 * ({@link BundleRegistry}): the store, the lifecycle thread and its steps, the whiteboard, the
 * journal. Starts and stops them; the views read and change the registry through them.
 */
public final class RegistryCore {

    /** Framework property naming the bundles folder deployed at start-up. */
    public static final String BUNDLES_DIR_PROPERTY = "happyos.bundles.dir";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegistryCore.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    final ComponentStore store;
    final io.happyos.registry.core.quota.QuotaEngine quotas;
    final io.happyos.registry.core.resources.ResourceAccounting accounting;
    final io.happyos.registry.core.quota.ResourceMonitor monitor;
    private final java.util.concurrent.ScheduledExecutorService monitorThread;

    /** Framework property: {@code false} switches resource accounting off (default on). */
    public static final String ACCOUNTING_PROPERTY = "happyos.resources.accounting";
    /** Framework property: the window of the CPU, allocation and call figures (default 10 s). */
    public static final String WINDOW_PROPERTY = "happyos.resources.window";

    final Explainer explainer;
    final StatusNotifier notifier;
    final StatusHistory statusHistory = new StatusHistory(StatusHistory.DEFAULT_CAPACITY, Clock.systemUTC());
    final LifecycleExecutor lifecycle;
    final Activation activation;
    final io.happyos.registry.core.lifecycle.WaitingComponents waiting;
    private final java.util.concurrent.atomic.AtomicBoolean retryQueued =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Off until start-up is done: before, entries and their requirements are still being built. */
    private volatile boolean retrying;

    final Deactivation deactivation;
    final Installation installation;
    final BundleContext context;
    /** How often usage telemetry notes who holds component services. */
    private static final long USAGE_SAMPLE_SECONDS = 5;

    private final TimedCalls calls;
    final RegistrySettings settings;
    final RegistryThreads threads;
    private final BundleTracking tracking;
    private final ServiceComponentTracker services;
    private volatile FolderWatcher watcher;
    private volatile ServiceRegistration<DynamicRegistry> registration;
    final PerformanceRecorder performance = new PerformanceRecorder();
    private final java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
    final Whiteboard whiteboard;
    final ComponentInstances instances;
    final ParallelActivation batch;
    final SequentialBatches batches;
    final VersionHistory history;
    final Reloads reloads;
    volatile FolderDeployer deployer;
    final Journal journal;
    private final java.util.concurrent.ScheduledExecutorService accessFlusher;
    final Recovery recovery;
    final AuditedOperations operations;
    final DurableState kept;
    final ExplicitDependencies dependencies;
    final StatusChanges statuses;
    final UsageTelemetry usage;
    final io.happyos.registry.core.provision.Provisioner provisioner;
    /** Works out provisioning plans (downloads), off the lifecycle thread. */
    final java.util.concurrent.ExecutorService provisionThread;

    /**
     * Builds the registry and its parts; {@link #open()} starts tracking extension services.
     *
     * @param context the registry bundle's context
     * @param settings the settings
     * @param ticker the clock of the instance cache
     * @param threads makes and stops every thread of the registry
     * @param journal where what the registry is told is kept ({@link Journal#NONE} for nothing)
     */
    public RegistryCore(
            BundleContext context, RegistrySettings settings, Ticker ticker, RegistryThreads threads, Journal journal) {
        this.context = context;
        this.settings = settings;
        this.threads = threads;
        this.journal = journal;
        this.calls = new TimedCalls("call", threads);
        this.accessFlusher = threads.scheduler("access-flush");
        this.notifier = new StatusNotifier(calls, settings.listenerTimeout(), statusHistory, threads);
        this.store = new ComponentStore(notifier, Clock.systemUTC(), settings.errorHistorySize());
        store.errorSink((id, error) -> journal.queueError(id, error.at(), error.message()));
        this.lifecycle = new LifecycleExecutor(threads);
        this.whiteboard = new Whiteboard(context, notifier, this::factoryGone);
        this.instances = new ComponentInstances(
                store, whiteboard, calls, settings.activationTimeout(), context, performance, ticker);
        Lifecycle shared = new Lifecycle(
                store,
                context,
                new Hooks(whiteboard, calls, settings.activationTimeout()),
                calls,
                settings.activationTimeout(),
                performance,
                instances::cleanup,
                journal);
        this.waiting = new io.happyos.registry.core.lifecycle.WaitingComponents(
                storage(context).resolve("waiting.txt"));
        this.activation = new Activation(shared, waiting);
        notifier.internal((id, from, to) -> {
            if (to == ComponentStatus.ERROR) {
                performance.error();
            }
            if (to == ComponentStatus.ACTIVE || from == ComponentStatus.ERROR) {
                retryWaiting();
            }
            quotaStatus(id, from, to);
        });
        this.deactivation = new Deactivation(shared);
        this.installation = new Installation(shared, deactivation);
        this.batch = new ParallelActivation(store, activation, settings.batchParallelism(), threads);
        this.batches = new SequentialBatches(store, installation, deactivation);
        this.history = new VersionHistory(storage(context).resolve("history"), settings.historySize());
        this.reloads = new Reloads(store, context, activation, deactivation, history);
        this.recovery = new Recovery(store, context, threads);
        this.operations = new AuditedOperations(lifecycle, journal, performance);
        this.kept = new DurableState(store, journal, context);
        store.addedSink(kept::added);
        store.heldErrorSink(journal::deleteManualStatus);
        this.dependencies = new ExplicitDependencies(store, journal);
        this.statuses = new StatusChanges(store, journal, context, activation, deactivation);
        this.usage = new UsageTelemetry(context, store, type -> whiteboard.factoryFor(type) != null, Clock.systemUTC());
        // a bundle's instance lookups are counted once, by its usage counters (see BundleRegistry)
        performance.countAlso(usage::instanceCallsTotal);
        performance.countJournal(journal::figures);
        this.tracking = new BundleTracking(context, store, instances::cleanup, this::frameworkStopping);
        tracking.journal(journal);
        tracking.onArrival(this::retryWaiting);
        this.services = new ServiceComponentTracker(context, store, threads);
        this.explainer = new Explainer(store, context, journal::query, services::diagnosis);
        this.quotas = new io.happyos.registry.core.quota.QuotaEngine(
                store, journal, Clock.systemUTC(), threads.single("quota-events"));
        activation.quotas(quotas);
        installation.quotas(quotas);
        instances.quotas(quotas);
        explainer.quotaRefusals(id -> {
            var refusal = quotas.refusal(id) != null ? quotas.refusal(id) : quotas.wouldRefuse(id);
            return refusal == null ? null : new String[] {refusal.message(), refusal.fix()};
        });
        this.accounting = new io.happyos.registry.core.resources.ResourceAccounting(context, resourceWindow(context));
        this.monitor = new io.happyos.registry.core.quota.ResourceMonitor(store, accounting, quotas, instances::holds);
        this.monitorThread = threads.scheduler("resources");
        this.provisionThread = threads.single("provision");
        this.provisioner = new io.happyos.registry.core.provision.Provisioner(
                context::getProperty,
                threads.cached("maven-http"),
                store,
                context,
                installation,
                activation,
                reloads,
                journal);
    }

    /**
     * Assembles the registry of a registry bundle: its settings from the framework properties, its
     * threads, its journal (the database in the storage folder) and its parts.
     *
     * @param context the registry bundle's context
     * @return the registry, not started
     * @throws io.happyos.registry.core.persist.StartupRefusedException when the database is corrupt,
     *     newer or in use
     */
    public static RegistryCore assemble(BundleContext context) {
        RegistrySettings settings = RegistrySettings.from(context::getProperty);
        RegistryThreads threads = new RegistryThreads();
        try {
            Journal journal = Journals.open(context, settings, threads);
            return new RegistryCore(context, settings, Ticker.systemTicker(), threads, journal);
        } catch (RuntimeException e) {
            threads.close();
            throw e;
        }
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
        return context.getDataFile("") == null
                ? Path.of(".happyos-registry")
                : context.getDataFile("").toPath();
    }

    /**
     * Sets up the bundles folder: what changes there is applied through the lifecycle thread.
     *
     * @param folder the folder
     * @return the deployer
     */
    private FolderDeployer bundlesFolder(Path folder) {
        FolderDeployer created = new FolderDeployer(
                folder,
                store,
                context,
                activation,
                installation,
                reloads,
                history,
                storage(context).resolve("deploy-state.properties"),
                settings.autoRollback(),
                settings.reloadGrace(),
                task -> lifecycle.submit(() -> {
                    task.run();
                    return null;
                }),
                journal,
                threads);
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
        accessFlusher.scheduleWithFixedDelay(
                usage::sampleHolders,
                USAGE_SAMPLE_SECONDS,
                USAGE_SAMPLE_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
        accessFlusher.scheduleWithFixedDelay(
                kept::flushAccess,
                DurableState.ACCESS_FLUSH_SECONDS,
                DurableState.ACCESS_FLUSH_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
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

    /** Tells the quotas of a status change (no-op until they exist: the callback is set before). */
    private void quotaStatus(String id, ComponentStatus from, ComponentStatus to) {
        io.happyos.registry.core.quota.QuotaEngine engine = quotas;
        if (engine == null) {
            return;
        }
        if (to == ComponentStatus.ACTIVE) {
            store.find(id).ifPresent(r -> engine.becameActive(id, r.info().type()));
        } else if (from == ComponentStatus.ACTIVE) {
            engine.stoppedBeingActive(id);
        }
        if (to == null) {
            engine.forget(id);
        }
    }

    private static java.time.Duration resourceWindow(BundleContext context) {
        String text = context.getProperty(WINDOW_PROPERTY);
        if (text == null || text.isBlank()) {
            return java.time.Duration.ofSeconds(10);
        }
        java.time.Duration window = RegistrySettings.duration(text.trim());
        if (window.toSeconds() < 1) {
            throw new io.happyos.registry.RegistryException(
                    WINDOW_PROPERTY + " is " + text + ": give a window of at least one second, such as 10s");
        }
        return window;
    }

    /** Deactivates a component for an enforced quota, as an audited operation, the reason kept. */
    private void enforce(String id, String reason) {
        operations.run(io.happyos.registry.core.quota.QuotaEngine.ACTOR, "deactivate", id, reason, () -> {
            deactivation.deactivate(id);
            store.find(id).ifPresent(r -> store.recordError(r, id + " was " + reason));
            return null;
        });
    }

    /**
     * Switches resource accounting on or off.
     *
     * @param on on or off
     */
    void accounting(boolean on) {
        accounting.setEnabled(on);
        monitorThread.execute(monitor::tick);
    }

    /** Stops every part of the registry that has a thread or tracks something. */
    public void close() {
        monitorThread.shutdownNow();
        accounting.close();
        quotas.close();
        usage.close();
        accessFlusher.shutdownNow();
        kept.flushAccess();
        FolderDeployer current = deployer;
        if (current != null) {
            current.close();
        }
        whiteboard.close();
        provisionThread.shutdownNow();
        lifecycle.close();
        batch.close();
        recovery.close();
        notifier.close();
        calls.close();
    }

    /**
     * Starts the registry: entries for the bundles already installed, what the journal kept put
     * back, the components that were active brought back in dependency order, the service
     * published (each bundle gets its own registry object naming it), then the bundles folder
     * deployed and watched; the service says {@value DynamicRegistry#STATE_READY} once that is over.
     */
    public void start() {
        open();
        tracking.open();
        kept.restore();
        quotas.restore(context.getProperty(io.happyos.registry.core.quota.QuotaSetting.PROPERTY));
        quotas.open(context, this::enforce);
        services.open();
        StartupDeployment deployment = new StartupDeployment(store, context, activation);
        // on the framework's start-level thread, which alone may start bundles at this point
        TimedCalls.inline(deployment::restoreStarted);
        registration =
                context.registerService(DynamicRegistry.class, new RegistryServiceFactory(this), state("starting"));
        String folder = context.getProperty(BUNDLES_DIR_PROPERTY);
        lifecycle
                .submit(() -> {
                    if (folder != null && !folder.isBlank()) {
                        deployFolder(Path.of(folder).toAbsolutePath().normalize());
                    }
                    // after the folder: what the framework's cache lost, then the --provision files
                    provisioner.atStartup(
                            context.getProperty(io.happyos.registry.core.provision.Provisioner.PROVISION_PROPERTY),
                            (actor, operation, error, details) ->
                                    journal.audit(actor, operation, null, error, details));
                    services.refreshAndWait(SHUTDOWN_TIMEOUT_SECONDS * 1000);
                    startRetrying(); // what waited when the container stopped, once everything is back
                    return null;
                })
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.error("start-up deployment failed", error);
                    }
                    markReady();
                });
    }

    /** Reconciles the folder with the framework, then watches it unless told not to. */
    private void deployFolder(Path folder) throws Exception {
        if (!java.nio.file.Files.isDirectory(folder)) {
            LOG.warn("bundles folder {} does not exist: nothing to deploy", folder);
            return;
        }
        FolderDeployer created = bundlesFolder(folder);
        FolderScanner scanner = new FolderScanner(folder, settings.settle().toMillis(), System::currentTimeMillis);
        created.reconcile(scanner);
        if (settings.watch()) {
            watcher = new FolderWatcher(
                    scanner,
                    folder,
                    settings.rescan().toMillis(),
                    settings.settle().toMillis(),
                    changes -> lifecycle
                            .submit(() -> {
                                created.handle(changes, scanner);
                                return null;
                            })
                            .whenComplete((ok, error) -> {
                                if (error != null) {
                                    LOG.warn(
                                            "could not apply the changes in {}: {}", folder, error.getMessage(), error);
                                }
                            }),
                    threads);
            watcher.start();
            LOG.info("watching {} for new, changed and removed JARs", folder);
        }
    }

    private void markReady() {
        ServiceRegistration<DynamicRegistry> current = registration;
        if (current == null) {
            return;
        }
        try {
            current.setProperties(state(DynamicRegistry.STATE_READY));
            LOG.info("registry ready");
            ready.complete(null);
            startAccounting();
        } catch (IllegalStateException stopped) {
            LOG.debug("registry stopped before start-up deployment finished");
        }
    }

    /** Resource accounting and its monitor, once ready: off the start-up path. */
    private void startAccounting() {
        monitorThread.execute(() -> {
            if (!"false"
                    .equalsIgnoreCase(String.valueOf(context.getProperty(ACCOUNTING_PROPERTY))
                            .trim())) {
                accounting.setEnabled(true);
            }
        });
        monitorThread.scheduleWithFixedDelay(monitor::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Completes once the registry says it is ready; never when it stops before.
     *
     * @return the stage, completed on the thread that made the registry ready
     */
    public java.util.concurrent.CompletionStage<Void> ready() {
        return ready.minimalCompletionStage();
    }

    /**
     * @param name what the threads do
     * @return a factory of the registry's threads, stopped when the registry stops
     */
    public java.util.concurrent.ThreadFactory threadFactory(String name) {
        return threads.factory(name, false);
    }

    /**
     * The registry as a bundle sees it, naming the bundle as the caller.
     *
     * @param bundle the caller
     * @return its view of the registry
     */
    public DynamicRegistry view(org.osgi.framework.Bundle bundle) {
        return new BundleRegistry(this, Caller.of(bundle));
    }

    private static Dictionary<String, Object> state(String state) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DynamicRegistry.STATE_PROPERTY, state);
        return properties;
    }

    /** The framework is about to stop every bundle: deactivate ours first, dependents first. */
    private void frameworkStopping() {
        LOG.info("container stopping: deactivating components in reverse dependency order");
        try {
            lifecycle
                    .submit(() -> {
                        deactivation.deactivateAllForShutdown();
                        return null;
                    })
                    .toCompletableFuture()
                    .get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn(
                    "components not all deactivated within {} s; the framework stops the rest",
                    SHUTDOWN_TIMEOUT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("deactivation at shutdown failed", e.getCause());
        }
    }

    /**
     * Stops the registry: the service withdrawn, the folder no longer watched, trackers closed,
     * every part stopped, the journal closed, and last every thread the registry made.
     */
    public void stop() {
        ServiceRegistration<DynamicRegistry> current = registration;
        registration = null;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("registry service already unregistered");
            }
        }
        FolderWatcher folderWatcher = watcher;
        if (folderWatcher != null) {
            folderWatcher.close();
        }
        try {
            services.close();
            tracking.close();
            close();
            journal.close();
        } finally {
            threads.close();
        }
    }
}
