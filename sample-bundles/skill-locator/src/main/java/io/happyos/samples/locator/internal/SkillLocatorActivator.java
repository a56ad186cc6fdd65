package io.happyos.samples.locator.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for the cluster view, tracks the local registry and publishes {@code samples:locate} as a
 * Gogo command (a service with {@code osgi.command.scope} and {@code osgi.command.function}). Each
 * command asks the cluster while its view is there, else this container's registry.
 */
public final class SkillLocatorActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(SkillLocatorActivator.class);

    private ServiceTracker<DynamicRegistry, DynamicRegistry> registry;
    /** {@code null} when the cluster's package is not wired (a standalone container). */
    private ClusterLocator cluster;

    private ServiceRegistration<LocateCommand> command;

    @Override
    public void start(BundleContext context) {
        registry = new ServiceTracker<>(context, DynamicRegistry.class, null);
        registry.open();
        LocalLocator local = new LocalLocator(registry::getService, context);
        ClusterLocator clustered = null;
        if (ClusterPackage.isWired(context.getBundle())) {
            clustered = new ClusterLocator(context);
            clustered.open();
            if (!clustered.available()) {
                LOG.info("skill-locator: no cluster view yet: samples:locate picks among this container's "
                        + "components until the ClusterRegistry service comes");
            }
        } else {
            LOG.info(
                    "skill-locator: no cluster ({} is not there: a standalone container): samples:locate picks "
                            + "among this container's components",
                    ClusterPackage.NAME);
        }
        cluster = clustered;
        ClusterLocator view = clustered;
        LocateCommand locate = new LocateCommand(() -> view != null && view.available() ? view : local);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", LocateCommand.SCOPE);
        props.put("osgi.command.function", LocateCommand.FUNCTIONS.clone());
        command = context.registerService(LocateCommand.class, locate, props);
        LOG.info("skill-locator started");
    }

    @Override
    public void stop(BundleContext context) {
        command.unregister();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        registry.close();
        LOG.info("skill-locator stopped");
    }
}
