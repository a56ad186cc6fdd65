package io.happyos.registry.spi;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.RegistryEntry;
import java.util.Objects;

/**
 * What a {@link LifecycleHook} is told.
 *
 * @param phase the moment
 * @param componentId the component's id; for {@link LifecyclePhase#PRE_REGISTRATION} the id it
 *     asks for (its name)
 * @param component what is known of the component
 * @param entry the component's entry, or {@code null} before registration and after
 *     unregistration
 * @param error for {@link LifecyclePhase#ON_ERROR}, what went wrong; else {@code null}
 */
public record LifecycleEvent(
        LifecyclePhase phase, String componentId, ComponentInfo component, RegistryEntry entry, Throwable error) {

    /**
     * Checks the fields.
     *
     * @param phase the moment
     * @param componentId the component's id
     * @param component what is known of the component
     * @param entry the entry, or {@code null}
     * @param error the failure, or {@code null}
     * @throws NullPointerException when {@code phase}, {@code componentId} or {@code component} is null
     */
    public LifecycleEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(component, "component");
    }
}
