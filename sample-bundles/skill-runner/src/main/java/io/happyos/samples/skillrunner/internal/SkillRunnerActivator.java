package io.happyos.samples.skillrunner.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link DynamicRegistry} service through the bundle's context, runs the skills once the
 * registry is ready (its start-up deployment is over, so every skill of the bundles folder is
 * there; when this bundle starts later, at once), and publishes the {@link SkillRunner} as the
 * instance of the component {@code skill-runner}: a {@code Supplier<Map<String, String>>}, a type
 * every bundle and an embedding application share.
 */
public final class SkillRunnerActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(SkillRunnerActivator.class);

    /** The registry service, once its start-up deployment is over. */
    static final String READY_REGISTRY = "(&(objectClass=" + DynamicRegistry.class.getName() + ")("
            + DynamicRegistry.STATE_PROPERTY + "=" + DynamicRegistry.STATE_READY + "))";

    /** How long a caller waits for this bundle's tracker to see the ready registry. */
    private static final long READY_WAIT_MILLIS = 5_000;

    private ServiceTracker<DynamicRegistry, DynamicRegistry> tracker;
    private ExecutorService runs;
    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        runs = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "skill-runner");
            thread.setDaemon(true);
            return thread;
        });
        // Felix tells the service listeners of the registry becoming ready one after another: a
        // caller woken by an earlier listener (the launcher's readiness wait) may get here before
        // this tracker heard of it, so a caller waits a little for the tracker to catch up
        SkillRunner runner = new SkillRunner(() -> {
            try {
                return tracker.waitForService(READY_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
        tracker = new ServiceTracker<>(context, context.createFilter(READY_REGISTRY), null) {
            @Override
            public DynamicRegistry addingService(ServiceReference<DynamicRegistry> reference) {
                DynamicRegistry registry = super.addingService(reference);
                // not on the framework's event thread: skills may take their time
                runs.execute(() -> runner.runAll(registry));
                return registry;
            }
        };
        registration = context.registerService(
                Supplier.class.getName(),
                runner,
                FrameworkUtil.asDictionary(Map.of(DynamicRegistry.COMPONENT_NAME_PROPERTY, "skill-runner")));
        tracker.open();
        LOG.info("skill-runner started");
    }

    @Override
    public void stop(BundleContext context) {
        tracker.close();
        runs.shutdownNow();
        registration.unregister();
        LOG.info("skill-runner stopped");
    }
}
