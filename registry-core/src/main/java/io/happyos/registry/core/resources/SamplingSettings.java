package io.happyos.registry.core.resources;

import java.time.Duration;

/**
 * How much the flight recorder samples for resource accounting.
 *
 * @param recorder whether to use the flight recorder at all (false: threads only, as without one)
 * @param executionPeriod how often each thread running Java code is sampled
 * @param allocationThrottle allocation samples per second at most, for the whole JVM (e.g. "150/s")
 */
record SamplingSettings(boolean recorder, Duration executionPeriod, String allocationThrottle) {

    /** 20 ms (50 samples a second for each running thread), 150 allocation samples a second. */
    static final SamplingSettings DEFAULT = new SamplingSettings(true, Duration.ofMillis(20), "150/s");

    /** No recording: threads only. */
    static final SamplingSettings THREADS_ONLY = new SamplingSettings(false, Duration.ofMillis(20), "0/s");
}
