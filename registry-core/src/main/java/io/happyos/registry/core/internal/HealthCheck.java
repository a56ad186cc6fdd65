package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.HealthStats;
import io.happyos.registry.core.bundle.BundleComponents;
import io.happyos.registry.core.lifecycle.WaitingComponents;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.stats.Statistics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The health figures: besides the components in ERROR or INACTIVE, every component that should be
 * running and is not counts against health: a bundle the framework has marked to start that is not
 * started, and a component waiting to be activated. Reads only; one pass over the entries.
 */
final class HealthCheck {

    private HealthCheck() {}

    static HealthStats of(ComponentStore store, BundleContext context, WaitingComponents waiting) {
        var indexes = store.indexes();
        int error = indexes.countByStatus(ComponentStatus.ERROR);
        int inactive = indexes.countByStatus(ComponentStatus.INACTIVE);
        int down = 0;
        for (ComponentRecord record : store.records()) {
            ComponentStatus status = record.status();
            if (status != ComponentStatus.ERROR
                    && status != ComponentStatus.INACTIVE
                    && status != ComponentStatus.ACTIVE
                    && shouldRun(record, context, waiting)) {
                down++;
            }
        }
        return Statistics.health(indexes.size(), error, inactive, down);
    }

    private static boolean shouldRun(ComponentRecord record, BundleContext context, WaitingComponents waiting) {
        if (waiting.contains(record.id())) {
            return true;
        }
        if (!record.hasBundle()
                || DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())) {
            return false;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle == null || bundle.getState() == Bundle.ACTIVE || BundleComponents.isFragment(bundle)) {
            return false;
        }
        return BundleComponents.isMarkedToStart(bundle);
    }
}
