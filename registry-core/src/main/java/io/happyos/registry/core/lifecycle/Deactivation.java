package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.model.ComponentControl;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.spi.LifecyclePhase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deactivates components dependents first: the reverse of their activation order. Every
 * PRE_DEACTIVATION hook is asked before anything stops. A component whose stop fails is still
 * stopped (the framework guarantees it); the failure goes to its error history and the rest carry
 * on. Runs on the lifecycle thread.
 */
public final class Deactivation {

    private static final Logger LOG = LoggerFactory.getLogger(Deactivation.class);

    private final Lifecycle lifecycle;
    private final ComponentStore store;

    /** @param lifecycle what the lifecycle steps share */
    public Deactivation(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
    }

    /**
     * Deactivates a component and, first, the active components that depend on it.
     *
     * @param id the component
     * @return the ids stopped, in the order they were stopped
     * @throws RegistryException for a component of the container itself
     * @throws ComponentActivationException when a hook vetoed (nothing stopped) or a stop failed
     *     (everything was stopped all the same)
     */
    public List<String> deactivate(String id) {
        ComponentRecord target = store.record(id);
        if (DynamicRegistry.TYPE_SYSTEM.equals(target.info().type())) {
            throw new RegistryException(id + " is part of the container (type system) and cannot be deactivated");
        }
        ComponentControl control = target.control();
        if (control != null && control.switchedWith() != null) {
            throw new RegistryException(id + " is a service registered by " + control.switchedWith()
                    + ": it cannot be deactivated on its own; deactivate " + control.switchedWith() + " instead");
        }
        Set<String> dependents = store.readGraph(g -> g.dependentClosure(List.of(id)));
        return stopAll(target, dependents);
    }

    /**
     * Deactivates the active ones among some components, in reverse activation order, after asking
     * every PRE_DEACTIVATION hook.
     *
     * @param target the component the operation is about (its history records a veto)
     * @param ids the components
     * @return the ids stopped, in order
     * @throws ComponentActivationException when a hook vetoed (nothing stopped) or a stop failed
     */
    public List<String> stopAll(ComponentRecord target, Collection<String> ids) {
        String id = target.id();
        List<ComponentRecord> toStop = activeInReverseOrder(ids);
        for (ComponentRecord record : toStop) {
            try {
                lifecycle.hooks().pre(lifecycle.event(LifecyclePhase.PRE_DEACTIVATION, record, null));
            } catch (Hooks.Veto veto) {
                String message = "cannot deactivate " + id + ": " + veto.getMessage();
                store.recordError(target, message);
                ComponentActivationException exception = new ComponentActivationException(id, message, veto.getCause());
                lifecycle.post(LifecyclePhase.ON_ERROR, target, exception);
                throw exception;
            }
        }
        List<String> failures = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        Set<String> stopping = new java.util.HashSet<>();
        toStop.forEach(r -> stopping.add(r.id()));
        for (ComponentRecord record : toStop) {
            ComponentControl control = record.control();
            if (control != null && stopping.contains(control.switchedWith())) {
                // stops with the bundle that registers it, which is stopped in this same operation
                store.compareAndSetStatus(record, s -> s == ComponentStatus.ACTIVE, ComponentStatus.INACTIVE);
                lifecycle.stopped().accept(record.id());
            } else {
                stop(record, 0, failures);
            }
            stopped.add(record.id());
            lifecycle.post(LifecyclePhase.POST_DEACTIVATION, record, null);
        }
        if (!failures.isEmpty()) {
            ComponentActivationException exception = new ComponentActivationException(
                    id, "deactivated " + id + ", but " + String.join("; ", failures), null);
            lifecycle.post(LifecyclePhase.ON_ERROR, target, exception);
            throw exception;
        }
        return stopped;
    }

    /**
     * The active ones among some components, in the order they would be deactivated.
     *
     * @param ids the components
     * @return ids, dependents first
     */
    public List<String> wouldStop(Collection<String> ids) {
        return activeInReverseOrder(ids).stream().map(ComponentRecord::id).toList();
    }

    /**
     * Deactivates every active component that is not part of the container, dependents first,
     * leaving the bundles marked to start again next time. Used when the framework stops; no hooks
     * are called (their bundles may be stopping too).
     */
    public void deactivateAllForShutdown() {
        List<String> plugins = new ArrayList<>();
        for (ComponentRecord record : store.records()) {
            if (!DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())) {
                plugins.add(record.id());
            }
        }
        List<String> failures = new ArrayList<>();
        for (ComponentRecord record : activeInReverseOrder(plugins)) {
            stop(record, Bundle.STOP_TRANSIENT, failures);
        }
        failures.forEach(f -> LOG.warn("while stopping the container: {}", f));
    }

    private List<ComponentRecord> activeInReverseOrder(Collection<String> ids) {
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids));
        List<ComponentRecord> result = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            if (ids.contains(id)) {
                store.find(id).filter(this::isRunning).ifPresent(result::add);
            }
        }
        return result;
    }

    private boolean isRunning(ComponentRecord record) {
        Bundle bundle = lifecycle.bundle(record);
        if (bundle == null) {
            return !record.hasBundle() && record.status() == ComponentStatus.ACTIVE;
        }
        return (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
    }

    private void stop(ComponentRecord record, int options, List<String> failures) {
        Bundle bundle = lifecycle.bundle(record);
        try {
            if (bundle == null && record.control() != null) {
                if ((options & Bundle.STOP_TRANSIENT) != 0) {
                    return; // shutting down: SCR disposes of its components with their bundles
                }
                lifecycle.callBundle(record, "disable", () -> {
                    record.control().disable(lifecycle.timeout());
                    return null;
                });
                store.setStatus(record, ComponentStatus.INACTIVE);
            } else if (bundle == null) {
                store.compareAndSetStatus(record, s -> s == ComponentStatus.ACTIVE, ComponentStatus.INACTIVE);
            } else {
                lifecycle.callBundle(record, "stop", () -> {
                    bundle.stop(options);
                    return null;
                });
            }
        } catch (BundleException | RuntimeException e) {
            String message = record.id() + " failed to stop cleanly: " + Failures.describe(e);
            store.recordError(record, message);
            failures.add(message);
            LOG.warn("{}", message, e);
        } finally {
            lifecycle.stopped().accept(record.id());
        }
    }
}
