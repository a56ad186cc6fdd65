package io.happyos.registry.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of what quotas do: refusals, components over a resource limit, deactivations for it. Publish
 * it as an OSGi service under this interface; it is called off the thread that acted, isolated from
 * the other listeners.
 *
 * @since 2.1
 */
@ConsumerType
@FunctionalInterface
public interface QuotaListener {

    /**
     * A quota acted. An exception thrown here is logged and does not stop other listeners.
     *
     * @param event what happened
     */
    void quotaEvent(QuotaEvent event);
}
