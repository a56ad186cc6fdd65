package io.happyos.registry.web;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** An activator that always fails, for a component in ERROR. */
public final class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("the test activator refuses to start");
    }

    @Override
    public void stop(BundleContext context) {
        // nothing started
    }
}
