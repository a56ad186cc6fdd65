package io.happyos.samples.echo.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 3.0.0 of echo-skill: fails every start, so that tests can see the registry roll an update
 * back to the previous version.
 */
public final class EchoActivator implements BundleActivator {

    /** The message of the exception that {@link #start} throws. */
    public static final String MESSAGE =
            "echo-skill 3.0.0: broken on purpose (this version exists to test automatic rollback)";

    private static final Logger LOG = LoggerFactory.getLogger(EchoActivator.class);

    @Override
    public void start(BundleContext context) {
        LOG.info("echo-skill 3.0.0 starting, and about to fail on purpose");
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // never started, so nothing to undo
    }
}
