package io.happyos.samples.locator.internal;

import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.cluster.PickStrategy;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks across the cluster through the {@link ClusterRegistry} service: the cluster view knows the
 * ACTIVE instances of every node, with the endpoints each published, and picks one by strategy.
 * Only created when this bundle's optional import of {@code io.happyos.registry.cluster} is wired
 * ({@link ClusterPackage#isWired}); anything else would fail to link.
 */
final class ClusterLocator implements Locator {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLocator.class);

    private final ServiceTracker<ClusterRegistry, ClusterRegistry> tracker;

    /** @param context this bundle's context */
    ClusterLocator(BundleContext context) {
        this.tracker = new ServiceTracker<>(context, ClusterRegistry.class, null) {
            @Override
            public ClusterRegistry addingService(ServiceReference<ClusterRegistry> reference) {
                ClusterRegistry cluster = super.addingService(reference);
                if (cluster != null) {
                    LOG.info(
                            "skill-locator: cluster view of node {}: samples:locate picks across the cluster",
                            cluster.nodeName());
                }
                return cluster;
            }

            @Override
            public void removedService(ServiceReference<ClusterRegistry> reference, ClusterRegistry service) {
                LOG.info("skill-locator: the cluster view is gone: samples:locate picks among this container's");
                super.removedService(reference, service);
            }
        };
    }

    /** Starts watching for the cluster view. */
    void open() {
        tracker.open();
    }

    /** Stops watching. */
    void close() {
        tracker.close();
    }

    /** @return whether the cluster view is there now */
    boolean available() {
        return tracker.getService() != null;
    }

    @Override
    public Optional<Located> pick(String nameOrType, Strategy strategy) {
        ClusterRegistry cluster = tracker.getService();
        if (cluster == null) {
            throw new IllegalStateException("the cluster view is gone: try again, this container's will answer");
        }
        Optional<ClusterComponent> picked = cluster.pick(nameOrType, PickStrategy.valueOf(strategy.name()));
        return picked.map(c -> new Located(c.node(), c.id(), c.endpoints()));
    }

    @Override
    public String scope() {
        return "the cluster";
    }
}
