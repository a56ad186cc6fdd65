package io.happyos.registry.shell.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a generated test bundle that cannot start. */
public final class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("its activator threw");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
