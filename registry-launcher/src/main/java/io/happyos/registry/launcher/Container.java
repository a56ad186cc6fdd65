package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of the embedded framework: start with the runtime bundles, wait, stop. */
final class Container {

    private static final Logger LOG = LoggerFactory.getLogger(Container.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Framework framework;
    private final AtomicBoolean stopReported = new AtomicBoolean();

    private Container(Framework framework) {
        this.framework = framework;
    }

    /**
     * Creates, initialises and starts the framework, installs or updates the runtime bundles and
     * starts them.
     *
     * @param options the command line
     * @param build the build info
     * @param interactive whether the Gogo shell gets the console
     * @return the running container
     * @throws StartupException when any step fails; the framework is stopped again
     */
    static Container start(LauncherOptions options, BuildInfo build, boolean interactive) throws StartupException {
        prepareFolders(options, interactive);
        RuntimeBundles runtime = RuntimeBundles.embedded();
        Map<String, Object> properties = FrameworkSettings.create(options, build, interactive);
        LOG.info("Starting the container: storage {}, bundles {}, clean {}", options.storageDir(),
                options.bundlesDir(), options.clean());
        Framework framework = newFramework(properties);
        Container container = new Container(framework);
        try {
            framework.init();
            List<Bundle> bundles = runtime.installOrUpdate(framework.getBundleContext());
            framework.start();
            RuntimeBundles.startAll(bundles);
            LOG.info("Container started with {} runtime bundles", bundles.size());
            return container;
        } catch (BundleException | RuntimeException e) {
            container.stop();
            throw new StartupException("Cannot start the OSGi framework: " + e.getMessage(), e);
        } catch (StartupException e) {
            container.stop();
            throw e;
        }
    }

    private static void prepareFolders(LauncherOptions options, boolean interactive) throws StartupException {
        if (options.clean()) {
            StorageFolder.clean(options.storageDir());
        }
        try {
            if (!Files.isDirectory(options.bundlesDir())) {
                Files.createDirectories(options.bundlesDir());
                LOG.warn("Bundles folder {} did not exist; created it empty", options.bundlesDir());
            }
            if (interactive) {
                GoshProfile.write(options.storageDir());
            }
        } catch (IOException e) {
            throw new StartupException("Cannot prepare the bundles folder " + options.bundlesDir() + " or the shell profile: " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Framework newFramework(Map<String, Object> properties) throws StartupException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Container.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new StartupException("No OSGi FrameworkFactory on the class path"));
        // Felix takes objects as values (felix.log.logger); the API type says String
        return factory.newFramework((Map) properties);
    }

    /** The framework. */
    Framework framework() {
        return framework;
    }

    /**
     * Blocks until the framework stops, by whoever stops it (the shell, a shutdown hook).
     *
     * @throws InterruptedException when interrupted
     */
    void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.WAIT_TIMEDOUT);
        if (event.getType() == FrameworkEvent.ERROR) {
            LOG.error("The framework stopped with an error", event.getThrowable());
        }
    }

    /**
     * Stops the framework and waits, at most {@link #STOP_TIMEOUT}, for it to stop. Safe to call
     * more than once and from any thread.
     *
     * @return whether it stopped in time
     */
    boolean stop() {
        int state = framework.getState();
        if (state != Bundle.UNINSTALLED && state != Bundle.INSTALLED && state != Bundle.RESOLVED) {
            LOG.info("Stopping the container");
            try {
                framework.stop();
            } catch (BundleException | RuntimeException e) {
                LOG.error("Stopping the framework failed", e);
            }
        }
        try {
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} s", STOP_TIMEOUT.toSeconds());
                return false;
            }
            if (stopReported.compareAndSet(false, true)) {
                LOG.info("Container stopped");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
