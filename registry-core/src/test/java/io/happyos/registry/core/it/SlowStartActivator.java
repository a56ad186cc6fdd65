package io.happyos.registry.core.it;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Takes a fifth of a second to start, so that activations on several threads overlap. Copied into generated bundles. */
public final class SlowStartActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(200);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to stop
    }
}
