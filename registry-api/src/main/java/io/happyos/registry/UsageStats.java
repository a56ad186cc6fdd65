package io.happyos.registry;

/**
 * How much the components are used, counted by
 * {@link DynamicRegistry#getComponentInstance(String)}.
 *
 * @param totalComponents every component
 * @param activeComponents components in {@link ComponentStatus#ACTIVE}
 * @param totalAccesses accesses to every component
 * @param averageAccesses {@code totalAccesses / totalComponents} (0 when there is none)
 * @param mostAccessed the id of the most accessed component (smallest id on a tie), or
 *     {@code null} when nothing was accessed
 */
public record UsageStats(
        int totalComponents, int activeComponents, long totalAccesses, double averageAccesses, String mostAccessed) {}
