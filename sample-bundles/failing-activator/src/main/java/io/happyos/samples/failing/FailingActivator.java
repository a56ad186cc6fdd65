package io.happyos.samples.failing;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fails every start, so that tests can see how the registry reports an activation error. */
public final class FailingActivator implements BundleActivator {

    /** The message of the exception that {@link #start} throws. */
    public static final String MESSAGE =
            "failing-activator: simulated start failure (this bundle exists to test error handling)";

    private static final Logger LOG = LoggerFactory.getLogger(FailingActivator.class);

    @Override
    public void start(BundleContext context) {
        LOG.info("failing-activator starting, and about to fail on purpose");
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // never started, so nothing to undo
    }
}
