package io.happyos.registry.core.osgilog;

import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what plugins log through the OSGi Log Service ({@code LogService}, the R7
 * {@code LoggerFactory}) to SLF4J, so that it ends in the container's log beside everything else.
 *
 * <p>Why here: the container's logging (SLF4J, logback) lives on the launcher's class path, which
 * shares no class with the bundles but SLF4J's API; the bridge needs the Log Service API on one side
 * and SLF4J on the other, and registry-core is the runtime bundle that is always there and already
 * imports SLF4J. It imports {@code org.osgi.service.log} optionally: without a Log Service bundle
 * (an embedding application that leaves it out), nothing here runs and no class of that package is
 * loaded ({@link LogReaderForwarding} is the only class that touches it).
 *
 * <p>Start-up cost: opening a service tracker. The Log Service hands entries to its listeners on a
 * thread of its own, so forwarding never runs on the thread that logged nor on the start-up path.
 */
public final class OsgiLogBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsgiLogBridge.class);
    private static final String LOG_PACKAGE = "org.osgi.service.log";

    private final AutoCloseable forwarding;

    private OsgiLogBridge(AutoCloseable forwarding) {
        this.forwarding = forwarding;
    }

    /**
     * Starts forwarding the entries of every Log Service there is or comes.
     *
     * @param context registry-core's bundle context
     * @return the bridge; {@link #close()} stops it
     */
    public static OsgiLogBridge open(BundleContext context) {
        if (!logPackageWired(context)) {
            LOG.debug("No OSGi Log Service API wired: its entries are not forwarded");
            return new OsgiLogBridge(() -> {});
        }
        return new OsgiLogBridge(LogReaderForwarding.open(context));
    }

    /** Whether the optional import of the Log Service API was resolved for this bundle. */
    private static boolean logPackageWired(BundleContext context) {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (LOG_PACKAGE.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            forwarding.close();
        } catch (Exception e) {
            LOG.debug("Closing the OSGi log forwarding failed", e);
        }
    }
}
