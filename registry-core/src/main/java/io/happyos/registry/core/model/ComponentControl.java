package io.happyos.registry.core.model;

import io.happyos.registry.ComponentStatus;
import java.time.Duration;
import org.osgi.framework.ServiceReference;

/**
 * How a component that is not a bundle is switched on and off: a DS component is enabled and
 * disabled through Service Component Runtime; a plain service cannot be switched at all.
 */
public interface ComponentControl {

    /**
     * Switches the component on.
     *
     * @param timeout how long to wait for it
     * @return its status afterwards: {@link ComponentStatus#ACTIVE} when it is satisfied
     * @throws Exception when it cannot be switched on; the message says why and what to do
     */
    ComponentStatus enable(Duration timeout) throws Exception;

    /**
     * Switches the component off.
     *
     * @param timeout how long to wait for it
     * @throws Exception when it cannot be switched off
     */
    void disable(Duration timeout) throws Exception;

    /**
     * The component whose bundle switches this one: when that component is stopped, this one stops
     * with it and is not switched off on its own.
     *
     * @return the id of that component, or {@code null} when this one is switched on its own
     */
    default String switchedWith() {
        return null;
    }

    /** @return the service the component registers now, or {@code null} */
    ServiceReference<?> service();
}
