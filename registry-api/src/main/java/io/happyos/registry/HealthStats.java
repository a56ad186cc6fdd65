package io.happyos.registry;

/**
 * How healthy the registry's components are.
 *
 * @param total every component
 * @param healthy components that are neither in error nor inactive
 * @param error components in {@link ComponentStatus#ERROR}
 * @param inactive components in {@link ComponentStatus#INACTIVE}
 * @param healthPercentage {@code healthy / total} between 0 and 1 (1 when there is none)
 */
public record HealthStats(int total, int healthy, int error, int inactive, double healthPercentage) {
}
