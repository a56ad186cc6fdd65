package io.happyos.registry.bench;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the generated batch bundles (its class file is copied into each JAR): blocks
 * for the milliseconds in the bundle's {@code X-Sleep-Millis} header, as a plugin that opens a
 * connection or loads a model would.
 */
public final class SleepingActivator implements BundleActivator {

    /** Creates the activator. */
    public SleepingActivator() {
        // the framework instantiates it
    }

    @Override
    public void start(BundleContext context) throws InterruptedException {
        String millis = context.getBundle().getHeaders().get("X-Sleep-Millis");
        Thread.sleep(millis == null ? 0 : Long.parseLong(millis.trim()));
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to release
    }
}
