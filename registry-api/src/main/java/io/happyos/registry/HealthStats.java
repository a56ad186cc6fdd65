package io.happyos.registry;

/**
 * How healthy the registry's components are.
 *
 * @param total every component
 * @param healthy components that are neither in error, inactive nor down
 * @param error components in {@link ComponentStatus#ERROR}
 * @param inactive components in {@link ComponentStatus#INACTIVE}
 * @param down components that should be running and are not, other than those already counted in
 *     error or inactive: a bundle the framework has marked to start that is not started (after a
 *     restart that could not bring it back, say), or a component waiting to be activated
 * @param healthPercentage {@code healthy / total} between 0 and 1 (1 when there is none)
 * @since 1.5
 */
public record HealthStats(int total, int healthy, int error, int inactive, int down, double healthPercentage) {

    /**
     * Figures without components that are down (API 1.4 and before).
     *
     * @param total every component
     * @param healthy components that are neither in error nor inactive
     * @param error components in error
     * @param inactive components inactive
     * @param healthPercentage {@code healthy / total}
     */
    public HealthStats(int total, int healthy, int error, int inactive, double healthPercentage) {
        this(total, healthy, error, inactive, 0, healthPercentage);
    }
}
