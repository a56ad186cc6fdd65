package io.happyos.samples.scheduler.internal;

import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The name of the node this container is, for the log: the cluster view's, or {@value #STANDALONE}
 * without a cluster. The bundle's import of the cluster's package is optional, so the view is
 * reached only when that import is wired ({@link ClusterNodeName}).
 */
abstract class NodeName implements Supplier<String>, AutoCloseable {

    /** The name without a cluster. */
    static final String STANDALONE = "standalone";

    /** The package of {@code ClusterRegistry} (a string: naming the class would load it). */
    private static final String CLUSTER_PACKAGE = "io.happyos.registry.cluster";

    /**
     * @param context this bundle's context
     * @return the node's name, read at each {@link #get()}; close it when done
     */
    static NodeName of(BundleContext context) {
        if (wired(context.getBundle())) {
            return new ClusterNodeName(context);
        }
        return new NodeName() {
            @Override
            public String get() {
                return STANDALONE;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public abstract void close();

    private static boolean wired(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (CLUSTER_PACKAGE.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
