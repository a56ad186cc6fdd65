package io.happyos.registry;

import java.time.Duration;

/**
 * How fast the registry works, since it started.
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
        long operationFailures) {}
