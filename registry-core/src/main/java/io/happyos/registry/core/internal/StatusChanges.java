package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Deactivation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Statuses set by hand: ACTIVE and INACTIVE go through activation and deactivation, ERROR is
 * recorded with its reason; a status set by hand is kept in the journal before it is applied.
 * An ERROR set by hand stays, across restarts and whatever its bundle does, until it is cleared,
 * another status is set by hand, or another version of the component is installed (a reload or a
 * rollback, see {@link ComponentStore#setInfo}). Runs on the lifecycle thread.
 */
final class StatusChanges {

    private final ComponentStore store;
    private final Journal journal;
    private final BundleContext context;
    private final Activation activation;
    private final Deactivation deactivation;

    StatusChanges(
            ComponentStore store,
            Journal journal,
            BundleContext context,
            Activation activation,
            Deactivation deactivation) {
        this.store = store;
        this.journal = journal;
        this.context = context;
        this.activation = activation;
        this.deactivation = deactivation;
    }

    /** Brings a component to a status; see {@code DynamicRegistry#setComponentStatus}. */
    void change(String id, ComponentStatus status) {
        ComponentRecord record = store.record(id);
        refuseSystem(record, status);
        switch (status) {
            case ACTIVE -> {
                boolean held = release(record);
                activation.activate(id);
                settle(record, held);
            }
            case INACTIVE -> {
                boolean held = release(record);
                deactivation.deactivate(id);
                settle(record, held);
            }
            case ERROR -> markError(id, "status set to ERROR by hand");
            case REGISTERED, DISCOVERED -> {
                if (record.hasBundle()) {
                    throw new RegistryException("the status of " + id + " follows its bundle: " + status
                            + " cannot be set by hand; deactivate it (INACTIVE) or unregister it instead");
                }
                deactivation.deactivate(id);
                journal.writeManualStatus(id, status, "status set by hand");
                record.errorHeld(false);
                store.setStatus(record, status);
            }
        }
    }

    /** Puts a component in ERROR with a reason, kept across restarts; it stays until cleared. */
    void markError(String id, String message) {
        ComponentRecord record = store.record(id);
        refuseSystem(record, ComponentStatus.ERROR);
        journal.writeManualStatus(id, ComponentStatus.ERROR, message);
        hold(store, record, message);
    }

    /**
     * Puts a component in an ERROR set by hand, which its bundle's events, activations and SCR do
     * not change: it stays until cleared or another status is set by hand.
     *
     * @param store the entries
     * @param record the entry
     * @param message why, appended to its error history; {@code null} when the history has it
     *     already (restored at start-up)
     */
    static void hold(ComponentStore store, ComponentRecord record, String message) {
        synchronized (record) {
            if (message == null) {
                store.setStatus(record, ComponentStatus.ERROR);
            } else {
                store.markError(record, message);
            }
            record.errorHeld(true);
        }
    }

    /** Ends an ERROR set by hand, in the journal first; the status is still ERROR until set. */
    private boolean release(ComponentRecord record) {
        if (!record.errorHeld()) {
            return false;
        }
        journal.deleteManualStatus(record.id());
        record.errorHeld(false);
        return true;
    }

    /** After a status set by hand ended an ERROR set by hand: the status follows the bundle again. */
    private void settle(ComponentRecord record, boolean wasHeld) {
        if (wasHeld) {
            store.compareAndSetStatus(record, s -> s == ComponentStatus.ERROR, statusFromState(record));
        }
    }

    /**
     * Takes a component out of ERROR: its status is derived again from its bundle.
     *
     * @return its status now
     */
    ComponentStatus clearError(String id) {
        ComponentRecord record = store.record(id);
        journal.deleteManualStatus(id);
        record.errorHeld(false);
        store.compareAndSetStatus(record, s -> s == ComponentStatus.ERROR, statusFromState(record));
        return record.status();
    }

    /**
     * A component stopped waiting because it was told to (deactivated): an ERROR that only said
     * why it waited goes, and its status follows its bundle again. An ERROR set by hand stays.
     *
     * @param id the component
     */
    void waitEnded(String id) {
        store.find(id)
                .filter(r -> !r.errorHeld())
                .ifPresent(record ->
                        store.compareAndSetStatus(record, s -> s == ComponentStatus.ERROR, statusFromState(record)));
    }

    /** The container's own components (the framework, the registry, the shell, SCR) follow their bundles alone. */
    private static void refuseSystem(ComponentRecord record, ComponentStatus status) {
        if (DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())) {
            throw new RegistryException(record.id() + " is part of the container (type system): its status cannot be"
                    + " set to " + status + " by hand; it follows its bundle");
        }
    }

    private ComponentStatus statusFromState(ComponentRecord record) {
        if (!record.hasBundle()) {
            return ComponentStatus.REGISTERED;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
            return ComponentStatus.ACTIVE;
        }
        return record.wasActive() ? ComponentStatus.INACTIVE : ComponentStatus.REGISTERED;
    }
}
