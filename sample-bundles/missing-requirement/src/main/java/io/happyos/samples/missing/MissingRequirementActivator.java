package io.happyos.samples.missing;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Never runs in practice: the bundle requires a {@code happyos.service=quantum-engine} capability
 * that no bundle provides, so it cannot resolve.
 */
public final class MissingRequirementActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(MissingRequirementActivator.class);

    @Override
    public void start(BundleContext context) {
        LOG.info("missing-requirement started (its requirement was satisfied after all)");
    }

    @Override
    public void stop(BundleContext context) {
        LOG.info("missing-requirement stopped");
    }
}
