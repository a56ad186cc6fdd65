package io.happyos.samples.scheduler.internal;

import io.happyos.registry.cluster.ClusterRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** The node's name from the {@link ClusterRegistry} service, while there is one. */
final class ClusterNodeName extends NodeName {

    private final ServiceTracker<ClusterRegistry, ClusterRegistry> tracker;

    ClusterNodeName(BundleContext context) {
        tracker = new ServiceTracker<>(context, ClusterRegistry.class, null);
        tracker.open();
    }

    @Override
    public String get() {
        ClusterRegistry cluster = tracker.getService();
        return cluster == null ? STANDALONE : cluster.nodeName();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
