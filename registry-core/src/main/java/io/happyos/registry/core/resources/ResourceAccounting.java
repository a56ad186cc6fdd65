package io.happyos.registry.core.resources;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;

/**
 * Threads, CPU and allocation of each bundle, from the JDK Flight Recorder's event stream and the
 * class loaders of the bundles. To be written (issue 16): this is the contract the registry uses.
 */
public final class ResourceAccounting implements AutoCloseable {

    /**
     * What one bundle uses now.
     *
     * @param threads live threads that belong to it
     * @param threadNames their names, sorted
     * @param cpuPercent CPU over the window, percent of one core
     * @param cpuShare share of all execution samples over the window, 0..1
     * @param allocationRate bytes allocated per second over the window
     */
    public record Measured(
            int threads, List<String> threadNames, double cpuPercent, double cpuShare, double allocationRate) {
        /** Nothing measured. */
        public static final Measured NONE = new Measured(0, List.of(), 0, 0, 0);
    }

    /**
     * @param context the registry bundle's context (to find bundles and their class loaders)
     * @param window the sliding window CPU and allocation are measured over
     */
    public ResourceAccounting(BundleContext context, Duration window) {
        this.window = window;
    }

    private final Duration window;

    /** Starts or stops measuring; starting again after a stop begins a new window. Thread-safe. */
    public void setEnabled(boolean enabled) {}

    /** @return whether it measures now */
    public boolean enabled() {
        return false;
    }

    /** @return the window */
    public Duration window() {
        return window;
    }

    /**
     * What each bundle uses now, in one pass.
     *
     * @return by bundle id; a bundle with nothing measured may be missing
     */
    public Map<Long, Measured> measureAll() {
        return Map.of();
    }

    /** Stops measuring for good. */
    @Override
    public void close() {}
}
