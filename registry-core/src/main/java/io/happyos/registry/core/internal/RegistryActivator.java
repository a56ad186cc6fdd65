package io.happyos.registry.core.internal;

import io.happyos.registry.core.metrics.JmxExport;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The registry bundle's activator: assembles the registry ({@link RegistryCore}), starts and stops it,
 * and exports its meters over JMX once it is ready (off the start path).
 */
public final class RegistryActivator implements BundleActivator {

    /** Framework property naming the bundles folder deployed at start-up. */
    public static final String BUNDLES_DIR_PROPERTY = RegistryCore.BUNDLES_DIR_PROPERTY;

    private RegistryCore registry;
    private JmxExport jmx;

    @Override
    public void start(BundleContext context) {
        RegistryCore started = RegistryCore.assemble(context); // refuses to start on a corrupt, newer or busy database
        registry = started;
        started.start();
        JmxExport export = new JmxExport(
                JmxExport.containerOf(context.getProperty(Constants.FRAMEWORK_STORAGE)), started.threadFactory("jmx"));
        jmx = export;
        started.ready().thenRun(() -> export.start(started.view(context.getBundle())));
    }

    @Override
    public void stop(BundleContext context) {
        JmxExport export = jmx;
        jmx = null;
        if (export != null) {
            export.close();
        }
        RegistryCore current = registry;
        registry = null;
        if (current != null) {
            current.stop();
        }
    }
}
