package io.happyos.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What usage telemetry observed of one component since the registry started: which consumer
 * bundles looked up its services, held them, or obtained its instance, and how often. See
 * {@link ConsumerUsage} for what counts as a use.
 *
 * <p>The services of a component are those of a DS component (its {@code component.name}), those
 * registered with {@value DynamicRegistry#COMPONENT_NAME_PROPERTY} set to its name by the bundle
 * behind it (for a named service component, or for a bundle's own instance). A consumer's use of its
 * own bundle's services is counted like any other, as is the use by the container's own bundles
 * (the shell, for example); the registry's own lookups are not counted.
 *
 * @param componentId the component
 * @param observedSince when telemetry started counting (the registry's start)
 * @param observable whether use of the component can be observed now: it offers a service, or a
 *     {@code InstanceFactory} makes its instances
 * @param services the services it offers now, one line each ({@code service.id} and interfaces)
 * @param consumers the consumer bundles that used it, most lookups and instance calls first,
 *     unmodifiable
 */
public record ServiceUsage(
        String componentId,
        Instant observedSince,
        boolean observable,
        List<String> services,
        List<ConsumerUsage> consumers) {

    /**
     * Checks and copies the fields.
     *
     * @param componentId the component
     * @param observedSince when telemetry started counting
     * @param observable whether use of the component can be observed now
     * @param services the services it offers now
     * @param consumers the consumer bundles that used it
     * @throws NullPointerException when {@code componentId} or {@code observedSince} is null
     */
    public ServiceUsage {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(observedSince, "observedSince");
        services = services == null ? List.of() : List.copyOf(services);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
    }

    /**
     * All lookups of the component's services.
     *
     * @return the sum over the consumers
     */
    public long totalLookups() {
        return consumers.stream().mapToLong(ConsumerUsage::lookups).sum();
    }

    /**
     * All instance calls for the component.
     *
     * @return the sum over the consumers
     */
    public long totalInstanceCalls() {
        return consumers.stream().mapToLong(ConsumerUsage::instanceCalls).sum();
    }

    /**
     * One consumer's use.
     *
     * @param consumer a consumer's entry id or symbolic name
     * @return its use, or {@code null} when it was not seen using the component
     */
    public ConsumerUsage consumer(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return consumers.stream()
                .filter(c -> consumer.equals(c.consumer()) || consumer.equals(c.symbolicName()))
                .findFirst()
                .orElse(null);
    }
}
