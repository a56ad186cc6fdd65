package io.happyos.registry.core.internal;

import io.happyos.registry.core.osgilog.OsgiLogBridge;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The registry bundle's activator: assembles the registry ({@link RegistryCore}), starts and stops it. */
public final class RegistryActivator implements BundleActivator {

    /** Framework property naming the bundles folder deployed at start-up. */
    public static final String BUNDLES_DIR_PROPERTY = RegistryCore.BUNDLES_DIR_PROPERTY;

    private RegistryCore registry;
    private OsgiLogBridge logBridge;

    @Override
    public void start(BundleContext context) {
        // first: what plugins log through the OSGi Log Service while the bundles folder deploys is kept
        logBridge = OsgiLogBridge.open(context);
        try {
            registry = RegistryCore.assemble(context); // refuses to start on a corrupt, newer or busy database
            registry.start();
        } catch (RuntimeException e) {
            logBridge.close(); // stop() is not called when start() throws
            logBridge = null;
            throw e;
        }
    }

    @Override
    public void stop(BundleContext context) {
        RegistryCore current = registry;
        registry = null;
        if (current != null) {
            current.stop();
        }
        if (logBridge != null) {
            logBridge.close();
            logBridge = null;
        }
    }
}
