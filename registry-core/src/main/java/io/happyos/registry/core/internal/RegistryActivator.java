package io.happyos.registry.core.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The registry bundle's activator: assembles the registry ({@link RegistryCore}), starts and stops it. */
public final class RegistryActivator implements BundleActivator {

    /** Framework property naming the bundles folder deployed at start-up. */
    public static final String BUNDLES_DIR_PROPERTY = RegistryCore.BUNDLES_DIR_PROPERTY;

    private RegistryCore registry;

    @Override
    public void start(BundleContext context) {
        registry = RegistryCore.assemble(context); // refuses to start on a corrupt, newer or busy database
        registry.start();
    }

    @Override
    public void stop(BundleContext context) {
        RegistryCore current = registry;
        registry = null;
        if (current != null) {
            current.stop();
        }
    }
}
