package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.internal.ComponentRecord;
import io.happyos.registry.core.internal.ComponentStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deactivates components dependents first: the reverse of their activation order. A component whose
 * stop fails is still stopped (the framework guarantees it); the failure goes to its error history
 * and the rest carry on. Runs on the lifecycle thread.
 */
public final class Deactivation {

    private static final Logger LOG = LoggerFactory.getLogger(Deactivation.class);

    private final ComponentStore store;
    private final BundleContext context;

    /**
     * @param store the registry's entries
     * @param context the registry bundle's context
     */
    public Deactivation(ComponentStore store, BundleContext context) {
        this.store = store;
        this.context = context;
    }

    /**
     * Deactivates a component and, first, the active components that depend on it.
     *
     * @param id the component
     * @throws RegistryException for a component of the container itself
     * @throws ComponentActivationException when a stop failed (everything was stopped all the same)
     */
    public void deactivate(String id) {
        ComponentRecord target = store.record(id);
        if (DynamicRegistry.TYPE_SYSTEM.equals(target.info().type())) {
            throw new RegistryException(id + " is part of the container (type system) and cannot be deactivated");
        }
        Set<String> dependents = store.readGraph(g -> g.dependentClosure(List.of(id)));
        List<String> failures = stopInReverseOrder(dependents, 0);
        if (!failures.isEmpty()) {
            throw new ComponentActivationException(id, "deactivated " + id + ", but " + String.join("; ", failures),
                    null);
        }
    }

    /**
     * Deactivates every active component that is not part of the container, dependents first,
     * leaving the bundles marked to start again next time. Used when the framework stops.
     */
    public void deactivateAllForShutdown() {
        List<String> plugins = new ArrayList<>();
        for (ComponentRecord record : store.records()) {
            if (!DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())) {
                plugins.add(record.id());
            }
        }
        List<String> failures = stopInReverseOrder(plugins, Bundle.STOP_TRANSIENT);
        failures.forEach(f -> LOG.warn("while stopping the container: {}", f));
    }

    private List<String> stopInReverseOrder(Collection<String> ids, int options) {
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids));
        List<String> failures = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            if (!ids.contains(id)) {
                continue;
            }
            store.find(id).ifPresent(record -> stop(record, options, failures));
        }
        return failures;
    }

    private void stop(ComponentRecord record, int options, List<String> failures) {
        if (!record.hasBundle()) {
            store.compareAndSetStatus(record, s -> s == ComponentStatus.ACTIVE, ComponentStatus.INACTIVE);
            return;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle == null || (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
            return;
        }
        if (bundle.getState() == Bundle.STARTING && (options & Bundle.STOP_TRANSIENT) == 0) {
            // a lazily activated bundle waiting for its first class load
            LOG.debug("stopping {} which was waiting for lazy activation", record.id());
        }
        try {
            bundle.stop(options);
        } catch (BundleException | RuntimeException e) {
            String message = record.id() + " failed to stop cleanly: " + Failures.describe(e);
            store.recordError(record, message);
            failures.add(message);
            LOG.warn("{}", message, e);
        }
    }
}
