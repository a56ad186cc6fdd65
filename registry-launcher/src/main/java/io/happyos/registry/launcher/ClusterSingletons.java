package io.happyos.registry.launcher;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster, singleton bundles ({@value #HEADER}{@code : true}) are started by the cluster's
 * election only, never by the framework itself. A node killed while it ran a singleton left the
 * bundle's persistent start mark set, and the framework would start it again at the next start,
 * before the election says whether this node runs it (another node may run it by then).
 */
final class ClusterSingletons {

    /** The manifest header of a singleton, as registry-cluster reads it (never loaded here: pitfall 2). */
    static final String HEADER = "HappyOS-Singleton";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSingletons.class);

    private ClusterSingletons() {}

    /**
     * Clears the start mark of every installed singleton bundle. Call it between
     * {@code Framework.init()} and {@code start()}: no bundle is started yet, so {@code stop()} only
     * clears the mark (the registry's election starts the bundle when this node leads it).
     *
     * @param context the system bundle's context
     * @return the singleton bundles, whose marks are now clear
     */
    static List<Bundle> clearStartMarks(BundleContext context) {
        List<Bundle> singletons = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0 || !isSingleton(bundle)) {
                continue;
            }
            singletons.add(bundle);
            try {
                bundle.stop();
                LOG.info(
                        "Singleton {} {} waits for the cluster's election: the framework does not start it",
                        bundle.getSymbolicName(),
                        bundle.getVersion());
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Cannot keep the framework from starting the singleton {}", bundle.getSymbolicName(), e);
            }
        }
        return singletons;
    }

    static boolean isSingleton(Bundle bundle) {
        Object value = bundle.getHeaders("").get(HEADER);
        return value != null && "true".equalsIgnoreCase(value.toString().strip());
    }
}
