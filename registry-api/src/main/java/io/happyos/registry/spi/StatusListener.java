package io.happyos.registry.spi;

import io.happyos.registry.ComponentStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every status change of every component. Publish it as an OSGi service under this
 * interface (the whiteboard), or add it with
 * {@link io.happyos.registry.Lifecycle#addStatusListener(StatusListener)}: either way it is called
 * off the thread that made the change, in order for each component, isolated from the other
 * listeners, with a timeout.
 */
@ConsumerType
@FunctionalInterface
public interface StatusListener {

    /**
     * A component's status changed. An exception thrown here is logged and does not stop other
     * listeners.
     *
     * @param id the component's id
     * @param oldStatus its status before, or {@code null} when it was just registered
     * @param newStatus its status now, or {@code null} when it was just unregistered
     */
    void statusChanged(String id, ComponentStatus oldStatus, ComponentStatus newStatus);
}
