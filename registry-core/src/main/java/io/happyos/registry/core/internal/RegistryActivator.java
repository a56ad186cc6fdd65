package io.happyos.registry.core.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.bundle.BundleTracking;
import io.happyos.registry.core.deploy.FolderDeployer;
import io.happyos.registry.core.deploy.FolderScanner;
import io.happyos.registry.core.deploy.FolderWatcher;
import io.happyos.registry.core.deploy.StartupDeployment;
import io.happyos.registry.core.extension.TimedCalls;
import io.happyos.registry.core.service.ServiceComponentTracker;
import io.happyos.registry.core.lifecycle.LifecycleExecutor;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the registry: entries for the bundles already installed, the components that were active
 * brought back in dependency order, the service published, then the bundles folder deployed.
 */
public final class RegistryActivator implements BundleActivator {

    /** Framework property naming the bundles folder deployed at start-up. */
    public static final String BUNDLES_DIR_PROPERTY = "happyos.bundles.dir";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryActivator.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    private LifecycleExecutor lifecycle;
    private RegistryCore registry;
    private BundleTracking tracking;
    private ServiceComponentTracker services;
    private volatile FolderWatcher watcher;
    private Journal journal = Journal.NONE;
    private volatile ServiceRegistration<DynamicRegistry> registration;

    @Override
    public void start(BundleContext context) {
        RegistrySettings settings = RegistrySettings.from(context::getProperty);
        journal = Journals.open(context, settings); // refuses to start on a corrupt, newer or busy database
        registry = new RegistryCore(context, settings, Ticker.systemTicker(), journal);
        lifecycle = registry.lifecycle();
        ComponentStore store = registry.store();
        registry.open();
        tracking = new BundleTracking(context, store, registry::componentStopped, this::frameworkStopping);
        tracking.journal(journal);
        tracking.onArrival(registry::retryWaiting);
        tracking.open();
        registry.restore();
        services = new ServiceComponentTracker(context, store);
        registry.diagnoseServicesWith(services::diagnosis);
        services.open();
        StartupDeployment deployment = new StartupDeployment(store, context, registry.activation());
        // on the framework's start-level thread, which alone may start bundles at this point
        TimedCalls.inline(deployment::restoreStarted);
        // each bundle gets a view naming it in the audit log
        registration = context.registerService(DynamicRegistry.class, new RegistryServiceFactory(registry), state("starting"));
        String folder = context.getProperty(BUNDLES_DIR_PROPERTY);
        lifecycle.submit(() -> {
            if (folder != null && !folder.isBlank()) {
                deployFolder(Path.of(folder).toAbsolutePath().normalize(), settings);
            }
            services.refreshAndWait(SHUTDOWN_TIMEOUT_SECONDS * 1000);
            registry.startRetrying(); // what waited when the container stopped, once everything is back
            return null;
        }).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.error("start-up deployment failed", error);
            }
            markReady();
        });
    }

    /** Reconciles the folder with the framework, then watches it unless told not to. */
    private void deployFolder(Path folder, RegistrySettings settings) throws Exception {
        if (!java.nio.file.Files.isDirectory(folder)) {
            LOG.warn("bundles folder {} does not exist: nothing to deploy", folder);
            return;
        }
        FolderDeployer deployer = registry.bundlesFolder(folder, settings);
        FolderScanner scanner = new FolderScanner(folder, settings.settle().toMillis(), System::currentTimeMillis);
        deployer.reconcile(scanner);
        if (settings.watch()) {
            watcher = new FolderWatcher(scanner, folder, settings.rescan().toMillis(), settings.settle().toMillis(),
                    changes -> lifecycle.submit(() -> {
                        deployer.handle(changes, scanner);
                        return null;
                    }).whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.warn("could not apply the changes in {}: {}", folder, error.getMessage(), error);
                        }
                    }));
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
        } catch (IllegalStateException stopped) {
            LOG.debug("registry stopped before start-up deployment finished");
        }
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
            lifecycle.submit(() -> {
                registry.deactivation().deactivateAllForShutdown();
                return null;
            }).toCompletableFuture().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("components not all deactivated within {} s; the framework stops the rest", SHUTDOWN_TIMEOUT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("deactivation at shutdown failed", e.getCause());
        }
    }

    @Override
    public void stop(BundleContext context) {
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
        services.close();
        tracking.close();
        registry.close();
        journal.close();
    }
}
