package io.happyos.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of one component as the registry saw it at one moment.
 *
 * @param id the component's id: unique, stable across bundle updates and restarts
 * @param component what is known about the component
 * @param status its status
 * @param registeredAt when it was registered
 * @param lastAccessed when its instance was last obtained, or {@code null} when never
 * @param accessCount how many times its instance was obtained
 * @param dependencies ids of the components it depends on (declared and explicit), unmodifiable
 * @param dependents ids of the components that depend on it, unmodifiable
 * @param errorHistory its errors, oldest first, unmodifiable
 * @param bundleId the id of the bundle behind it, or {@link #NO_BUNDLE}
 */
public record RegistryEntry(
        String id,
        ComponentInfo component,
        ComponentStatus status,
        Instant registeredAt,
        Instant lastAccessed,
        long accessCount,
        Set<String> dependencies,
        Set<String> dependents,
        List<ErrorRecord> errorHistory,
        long bundleId) {

    /** The {@link #bundleId()} of a component that no bundle stands behind. */
    public static final long NO_BUNDLE = -1L;

    /**
     * Checks and copies the fields.
     *
     * @param id the component's id: unique, stable across bundle updates and restarts
     * @param component what is known about the component
     * @param status its status
     * @param registeredAt when it was registered
     * @param lastAccessed when its instance was last obtained, or {@code null} when never
     * @param accessCount how many times its instance was obtained
     * @param dependencies ids of the components it depends on (declared and explicit), unmodifiable
     * @param dependents ids of the components that depend on it, unmodifiable
     * @param errorHistory its errors, oldest first, unmodifiable
     * @param bundleId the id of the bundle behind it, or {@link #NO_BUNDLE}
     * @throws NullPointerException when {@code id}, {@code component}, {@code status} or
     *     {@code registeredAt} is null
     */
    public RegistryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        dependencies = dependencies == null ? Set.of() : Set.copyOf(dependencies);
        dependents = dependents == null ? Set.of() : Set.copyOf(dependents);
        errorHistory = errorHistory == null ? List.of() : List.copyOf(errorHistory);
    }

    /**
     * Whether a bundle stands behind this component.
     *
     * @return {@code true} when {@link #bundleId()} is not {@link #NO_BUNDLE}
     */
    public boolean hasBundle() {
        return bundleId != NO_BUNDLE;
    }

    /**
     * The most recent error, if any.
     *
     * @return the last entry of the error history, or {@code null} when it is empty
     */
    public ErrorRecord lastError() {
        return errorHistory.isEmpty() ? null : errorHistory.get(errorHistory.size() - 1);
    }
}
