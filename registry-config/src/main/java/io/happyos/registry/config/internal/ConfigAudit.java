package io.happyos.registry.config.internal;

import io.happyos.registry.DynamicRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the {@code config:*} changes in the registry's audit log ({@code config:set},
 * {@code config:delete}; details: the PID, the key, the file outcome) when the registry is there;
 * without it, or when the record fails, the change is only logged. The registry starts after this
 * bundle, so it is tracked.
 */
final class ConfigAudit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAudit.class);

    private final ServiceTracker<DynamicRegistry, DynamicRegistry> registry;

    ConfigAudit(BundleContext context) {
        registry = new ServiceTracker<>(context, DynamicRegistry.class, null);
        registry.open();
    }

    /**
     * Records one change.
     *
     * @param operation e.g. {@code config:set}
     * @param details what changed
     */
    void record(String operation, String details) {
        LOG.info("{} {}", operation, details);
        DynamicRegistry current = registry.getService();
        if (current == null) {
            return;
        }
        try {
            current.diagnostics().recordAudit(operation, null, true, null, details);
        } catch (RuntimeException e) {
            LOG.warn("cannot record {} in the audit log: {}", operation, e.toString());
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
