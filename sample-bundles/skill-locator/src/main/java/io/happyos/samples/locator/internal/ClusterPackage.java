package io.happyos.samples.locator.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Whether this bundle can use the cluster's API: its import of {@value #NAME} is optional, so in a
 * standalone container it resolves without it, and touching a class of that package would fail.
 * The framework keeps an optional import unwired until the bundle is resolved again, so a cluster
 * bundle installed later is seen after a refresh of this one.
 */
final class ClusterPackage {

    /** The package of {@code ClusterRegistry} (a string: naming the class would load it). */
    static final String NAME = "io.happyos.registry.cluster";

    private ClusterPackage() {}

    /**
     * @param bundle this bundle
     * @return whether its import of the cluster's package is wired to an exporter
     */
    static boolean isWired(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (NAME.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
