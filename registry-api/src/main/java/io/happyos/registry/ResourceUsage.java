package io.happyos.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one component costs, measured from the JVM itself: threads, CPU and allocation attributed to
 * the component's bundle through its class loader (JDK Flight Recorder's execution and allocation
 * samples, and the threads it started), and what the registry holds for it.
 *
 * <p>CPU and allocation are sampled over a sliding window ({@link #window()}): CPU is the share of
 * execution samples whose innermost frame of bundle code (frames of the JDK and of the framework are
 * passed over) belongs to the component, in percent of one core; allocation is the bytes of the
 * allocation samples attributed the same way, per second. Both are 0, and {@link #accounted()} false,
 * when resource accounting is off or the component has no class loader of its own (a service
 * component is counted with its bundle, a component without a bundle has none).
 *
 * @param id the component's id
 * @param accounted whether threads, CPU and allocation were measured for it
 * @param threads live threads that belong to it: started by its code, running its code's thread class,
 *     or with its class loader as context class loader
 * @param threadNames the names of those threads, sorted
 * @param cpuPercent CPU over the window, in percent of one core (100 = one core busy all the time)
 * @param cpuShare the share of all execution samples over the window that were its, between 0 and 1
 * @param allocationRate bytes allocated per second over the window
 * @param instances instances the registry holds for it (its instance and those made per consumer)
 * @param cacheEntries entries of the registry's instance cache for it
 * @param activationTime how long its last activation by the registry took, or {@code null}
 * @param callsPerSecond instance calls for it through the registry per second over the window
 * @param window the window CPU, allocation and calls are measured over
 * @since 2.3
 */
public record ResourceUsage(
        String id,
        boolean accounted,
        int threads,
        List<String> threadNames,
        double cpuPercent,
        double cpuShare,
        double allocationRate,
        int instances,
        int cacheEntries,
        Duration activationTime,
        double callsPerSecond,
        Duration window) {

    /**
     * Checks and copies.
     *
     * @param id the component's id
     * @param accounted whether measured
     * @param threads live threads
     * @param threadNames their names
     * @param cpuPercent CPU in percent of a core
     * @param cpuShare share of the samples
     * @param allocationRate bytes per second
     * @param instances instances held
     * @param cacheEntries cache entries
     * @param activationTime last activation time, or {@code null}
     * @param callsPerSecond instance calls per second
     * @param window the window
     */
    public ResourceUsage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(window, "window");
        threadNames = List.copyOf(threadNames);
    }
}
