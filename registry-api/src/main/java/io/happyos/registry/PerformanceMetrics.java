package io.happyos.registry;

import java.time.Duration;

/**
 * How fast the registry works, and what it counted, since it started. Counts start from zero
 * when the registry starts; none of them is kept across restarts.
 *
 * @param activations activations of single components that succeeded
 * @param activationFailures activations that failed
 * @param meanActivationTime mean time to activate one component ({@link Duration#ZERO} when none)
 * @param p50ActivationTime median activation time
 * @param p99ActivationTime 99th percentile activation time
 * @param maxActivationTime longest activation time
 * @param lookups calls of {@link DynamicRegistry#getComponentInstance(String)}
 * @param meanLookupTime their mean duration
 * @param cacheHitRate share of instance lookups served from the instance cache, between 0 and 1
 * @param operations lifecycle operations run (register, unregister, activate, deactivate, status)
 * @param operationFailures lifecycle operations that failed
 * @param totalActivationTime the time all {@code activations} took together (since 2.2)
 * @param cacheMisses instance lookups that had to make the instance: {@code lookups - cacheMisses}
 *     were served from the cache (since 2.2)
 * @param errors changes of a component's status to {@link ComponentStatus#ERROR} (since 2.2)
 * @param reloads reloads of a changed JAR in the bundles folder, failed ones included (since 2.2)
 * @param quarantines files moved to the bundles folder's quarantine (since 2.2)
 * @param persistenceWrites changes committed to the registry database, each counted once (since 2.2)
 * @param persistenceWriteTime the time those changes took together, from the moment each was
 *     queued to the moment it was committed (what a caller waiting for it waits) (since 2.2)
 * @param maxPersistenceWriteTime the longest of those times (since 2.2)
 */
public record PerformanceMetrics(
        long activations,
        long activationFailures,
        Duration meanActivationTime,
        Duration p50ActivationTime,
        Duration p99ActivationTime,
        Duration maxActivationTime,
        long lookups,
        Duration meanLookupTime,
        double cacheHitRate,
        long operations,
        long operationFailures,
        Duration totalActivationTime,
        long cacheMisses,
        long errors,
        long reloads,
        long quarantines,
        long persistenceWrites,
        Duration persistenceWriteTime,
        Duration maxPersistenceWriteTime) {

    /**
     * Figures of API 2.1 and before: the total activation time is the mean times the count, the
     * cache misses follow from the hit rate, and every count added in 2.2 is 0.
     *
     * @param activations activations of single components that succeeded
     * @param activationFailures activations that failed
     * @param meanActivationTime mean time to activate one component
     * @param p50ActivationTime median activation time
     * @param p99ActivationTime 99th percentile activation time
     * @param maxActivationTime longest activation time
     * @param lookups instance lookups
     * @param meanLookupTime their mean duration
     * @param cacheHitRate share of instance lookups served from the instance cache
     * @param operations lifecycle operations run
     * @param operationFailures lifecycle operations that failed
     */
    public PerformanceMetrics(
            long activations,
            long activationFailures,
            Duration meanActivationTime,
            Duration p50ActivationTime,
            Duration p99ActivationTime,
            Duration maxActivationTime,
            long lookups,
            Duration meanLookupTime,
            double cacheHitRate,
            long operations,
            long operationFailures) {
        this(
                activations,
                activationFailures,
                meanActivationTime,
                p50ActivationTime,
                p99ActivationTime,
                maxActivationTime,
                lookups,
                meanLookupTime,
                cacheHitRate,
                operations,
                operationFailures,
                meanActivationTime.multipliedBy(activations),
                Math.round(lookups * (1.0 - cacheHitRate)),
                0,
                0,
                0,
                0,
                Duration.ZERO,
                Duration.ZERO);
    }
}
