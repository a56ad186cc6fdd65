package io.happyos.registry.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called around lifecycle operations.
 *
 * <p>Publish it as an OSGi service with the property {@value #PHASE_PROPERTY} (one or more
 * {@link LifecyclePhase} names); hooks of a phase run in service ranking order, highest first. Or
 * register it with {@link io.happyos.registry.Lifecycle#registerLifecycleHook}.
 *
 * <p>A hook that throws in a PRE phase vetoes the operation: it fails with the hook's exception as
 * its cause, the entry records why, and nothing was changed; a {@code PRE_ACTIVATION} hook that throws
 * {@link io.happyos.registry.ComponentHeldException} holds the component back without an error (see
 * there). A hook that throws in a POST phase or in
 * {@link LifecyclePhase#ON_ERROR} is recorded in the error history and does not undo the operation.
 * A hook that runs past its timeout counts as one that threw.
 */
@ConsumerType
@FunctionalInterface
public interface LifecycleHook {

    /** The service property naming the phases a hook is called in. */
    String PHASE_PROPERTY = "happyos.hook.phase";

    /**
     * Called at one phase of a lifecycle operation, on a registry thread.
     *
     * @param event the phase and the component
     * @throws Exception to veto (PRE phases) or to report a problem (other phases)
     */
    void call(LifecycleEvent event) throws Exception;
}
