package io.happyos.registry.core.advice;

import io.happyos.registry.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What was observed of one component.
 *
 * @param id its id
 * @param type its type
 * @param status its status now
 * @param activeSince when it became active, or {@code null} when it is not
 * @param activationTimes how long its activations by the registry took since the registry started,
 *     oldest first (the last is the latest); at most the last 100
 * @param errorTimes when errors were recorded for it (its error history), oldest first
 * @param lookups lookups of its services and instance calls for it by other bundles since the
 *     registry started
 * @param lastUsed when it was last used by another bundle, or {@code null} when never
 * @param consumers the bundles (symbolic names) that used it
 * @param threads live threads it owns now (-1 when accounting is off)
 * @param allocationRate bytes per second it allocates now (-1 when accounting is off)
 * @param instances instances the registry holds for it
 * @param peakThreads the most threads it owned at once since the registry started (-1 when unmeasured)
 * @param peakCpuPercent its highest CPU, percent of a core, over a window (-1 when unmeasured)
 * @param peakAllocationRate its highest allocation rate, bytes per second (-1 when unmeasured)
 * @param peakCallsPerSecond the most instance calls per second one consumer made for it
 */
public record ComponentFacts(
        String id,
        String type,
        ComponentStatus status,
        Instant activeSince,
        List<Duration> activationTimes,
        List<Instant> errorTimes,
        long lookups,
        Instant lastUsed,
        Set<String> consumers,
        int threads,
        double allocationRate,
        int instances,
        int peakThreads,
        double peakCpuPercent,
        double peakAllocationRate,
        double peakCallsPerSecond) {

    /**
     * Checks and copies.
     *
     * @param id id
     * @param type type
     * @param status status
     * @param activeSince active since, or {@code null}
     * @param activationTimes activation times, oldest first
     * @param errorTimes error times, oldest first
     * @param lookups uses by other bundles
     * @param lastUsed last use, or {@code null}
     * @param consumers consumer bundles
     * @param threads threads now
     * @param allocationRate allocation rate now
     * @param instances instances held
     * @param peakThreads peak threads
     * @param peakCpuPercent peak CPU
     * @param peakAllocationRate peak allocation rate
     * @param peakCallsPerSecond peak calls per second of one consumer
     */
    public ComponentFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        activationTimes = List.copyOf(activationTimes);
        errorTimes = List.copyOf(errorTimes);
        consumers = Set.copyOf(consumers);
    }
}
