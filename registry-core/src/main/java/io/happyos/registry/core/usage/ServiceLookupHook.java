package io.happyos.registry.core.usage;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.FindHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts service lookups: the framework calls it on every {@code getServiceReference(s)} and
 * {@code getAllServiceReferences} of every bundle, with the references found. It removes nothing,
 * takes no lock, and touches only the references' own properties, so it costs a map lookup and an
 * add per component service found. A lookup that names neither an interface nor a filter is a
 * listing, not a use, and the registry's own lookups are not counted. It never throws: a failure
 * is logged (the first one as a warning) and the lookup goes on unchanged.
 */
final class ServiceLookupHook implements FindHook {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLookupHook.class);

    private final long ownBundleId;
    private final UsageCounters counters;
    private final Clock clock;
    private final AtomicBoolean warned = new AtomicBoolean();

    ServiceLookupHook(long ownBundleId, UsageCounters counters, Clock clock) {
        this.ownBundleId = ownBundleId;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void find(
            BundleContext context,
            String name,
            String filter,
            boolean allServices,
            Collection<ServiceReference<?>> references) {
        try {
            if (name == null && filter == null || references.isEmpty()) {
                return;
            }
            Bundle consumer = context.getBundle();
            if (consumer == null || consumer.getBundleId() == ownBundleId) {
                return;
            }
            long now = 0;
            for (ServiceReference<?> ref : references) {
                ProviderKey key = ProviderKey.of(ref);
                if (key != null) {
                    if (now == 0) {
                        now = clock.millis();
                    }
                    counters.of(key, consumer).lookup(now);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn(
                        "usage telemetry could not count a service lookup (further failures logged at debug): {}",
                        e.toString(),
                        e);
            } else {
                LOG.debug("usage telemetry could not count a service lookup", e);
            }
        }
    }
}
