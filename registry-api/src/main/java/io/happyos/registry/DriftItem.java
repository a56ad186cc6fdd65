package io.happyos.registry;

import java.util.Objects;

/**
 * One difference between what components declare and what they were seen doing, with its evidence.
 *
 * @param consumer the consumer: the bundle that used a service ({@link DriftReport#undeclared()}),
 *     the dependent component ({@link DriftReport#unused()}), or {@code null}
 *     ({@link DriftReport#neverUsed()})
 * @param component the component used, depended upon, or never used
 * @param lookups lookups of the component's services by the consumer (0 when there is no consumer)
 * @param instanceCalls instance calls for the component by the consumer (0 when there is no consumer)
 * @param inUse whether the consumer holds one of the component's services now
 * @param evidence the observation in words and numbers, and what to do about it
 */
public record DriftItem(
        String consumer, String component, long lookups, long instanceCalls, boolean inUse, String evidence) {

    /**
     * Checks the fields.
     *
     * @param consumer the consumer, or {@code null}
     * @param component the component
     * @param lookups lookups by the consumer
     * @param instanceCalls instance calls by the consumer
     * @param inUse whether the consumer holds one of its services now
     * @param evidence the observation in words and numbers
     * @throws NullPointerException when {@code component} or {@code evidence} is null
     */
    public DriftItem {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(evidence, "evidence");
    }
}
