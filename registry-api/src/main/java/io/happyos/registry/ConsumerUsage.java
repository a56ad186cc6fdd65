package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * How one consumer bundle has used one component since the registry started: what usage telemetry
 * observed, not what the bundle declares.
 *
 * <p>Three things are observed. A <em>lookup</em> is a call to {@code BundleContext.getServiceReference(s)}
 * or {@code getAllServiceReferences} by the consumer, naming an interface or a filter, whose result
 * includes a service of the component (seen by a framework find hook; a lookup that returns several
 * components' services counts once for each). An <em>instance call</em> is a successful
 * {@link DynamicRegistry#getComponentInstance(String)} through the consumer's own view of the
 * registry service. <em>Holding</em> means the framework lists the consumer among the bundles using
 * one of the component's services ({@code ServiceReference.getUsingBundles()}); it is sampled every
 * few seconds and at every query, which is how consumers that track services, such as DS
 * components, are seen even when they looked nothing up.
 *
 * @param consumer the id of the consumer bundle's entry, or {@code null} when it has none any more
 *     (uninstalled)
 * @param bundleId the consumer's bundle id
 * @param symbolicName the consumer's symbolic name (its bundle id as text when it has none)
 * @param lookups how many lookups returned the component's service
 * @param instanceCalls how many times it obtained the component's instance from the registry
 * @param inUse whether it holds one of the component's services now
 * @param firstSeen when any use by it was first observed
 * @param lastSeen when any use by it was last observed
 */
public record ConsumerUsage(
        String consumer,
        long bundleId,
        String symbolicName,
        long lookups,
        long instanceCalls,
        boolean inUse,
        Instant firstSeen,
        Instant lastSeen) {

    /**
     * Checks the fields.
     *
     * @param consumer the id of the consumer bundle's entry, or {@code null} when it has none any more
     * @param bundleId the consumer's bundle id
     * @param symbolicName the consumer's symbolic name
     * @param lookups how many lookups returned the component's service
     * @param instanceCalls how many times it obtained the component's instance from the registry
     * @param inUse whether it holds one of the component's services now
     * @param firstSeen when any use by it was first observed
     * @param lastSeen when any use by it was last observed
     * @throws NullPointerException when {@code symbolicName}, {@code firstSeen} or {@code lastSeen} is null
     * @throws IllegalArgumentException when a count is negative
     */
    public ConsumerUsage {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lookups < 0 || instanceCalls < 0) {
            throw new IllegalArgumentException(
                    "counts cannot be negative: lookups " + lookups + ", instance calls " + instanceCalls);
        }
    }

    /**
     * The name to show for the consumer.
     *
     * @return its entry id, or its symbolic name when it has no entry
     */
    public String name() {
        return consumer != null ? consumer : symbolicName;
    }
}
