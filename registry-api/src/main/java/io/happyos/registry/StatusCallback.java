package io.happyos.registry;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every status change of every component.
 *
 * @see DynamicRegistry#registerStatusCallback(StatusCallback)
 */
@ConsumerType
@FunctionalInterface
public interface StatusCallback {

    /**
     * A component's status changed. Called off the thread that made the change, in order for each
     * component. An exception thrown here is logged and does not stop other callbacks.
     *
     * @param id the component's id
     * @param oldStatus its status before, or {@code null} when it was just registered
     * @param newStatus its status now, or {@code null} when it was just unregistered
     */
    void statusChanged(String id, ComponentStatus oldStatus, ComponentStatus newStatus);
}
