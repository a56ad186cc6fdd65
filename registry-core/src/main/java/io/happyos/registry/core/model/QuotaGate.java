package io.happyos.registry.core.model;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the lifecycle asks the quotas: before a registration, an activation, an instance is made,
 * and for an activation's timeout. Each check throws {@link io.happyos.registry.QuotaExceededException}
 * before anything changes.
 */
public interface QuotaGate {

    /** No quotas. */
    QuotaGate OPEN = new QuotaGate() {};

    /**
     * Before a component is registered.
     *
     * @param id its id (a bundle's symbolic name)
     * @param type its type
     */
    default void admitRegistration(String id, String type) {}

    /** @return whether registrations are counted (so that a JAR's manifest is worth reading first) */
    default boolean countsRegistrations() {
        return false;
    }

    /**
     * Before components are started for an activation.
     *
     * @param target the component asked for
     * @param starting the components that would start, the target among them
     * @return undoes what the admission took (units of a cluster quota) when the activation fails
     */
    default Runnable admitActivation(String target, List<ComponentRecord> starting) {
        return () -> {};
    }

    /**
     * After components admitted by {@link #admitActivation} started.
     *
     * @param started those components
     */
    default void activated(List<ComponentRecord> started) {}

    /**
     * Before the registry makes an instance.
     *
     * @param record the component
     * @param holdsInstance whether the registry holds an instance of a component now
     */
    default void admitInstance(ComponentRecord record, Predicate<String> holdsInstance) {}

    /**
     * How long one activation of a component may take.
     *
     * @param record the component
     * @param fallback the registry's activation timeout
     * @return the shortest activation-timeout quota covering it, or {@code fallback}
     */
    default Duration activationTimeout(ComponentRecord record, Duration fallback) {
        return fallback;
    }
}
