package io.happyos.registry.core.instance;

import io.happyos.registry.core.model.ComponentRecord;

/**
 * The counter of one consumer's instance lookups: what a lookup through a bundle's registry object
 * increments, instead of the record's and the performance recorder's counters, which count what it
 * counts (see {@link ComponentRecord#countAlso} and
 * {@link io.happyos.registry.core.stats.PerformanceRecorder#countAlso}). A cache hit through a
 * bundle then increments one counter.
 */
@FunctionalInterface
public interface ConsumerCounter {

    /**
     * Counts one lookup of a component's instance by this consumer. Never throws.
     *
     * @param record the component looked up
     * @param nowMillis the time of the lookup, epoch milliseconds
     */
    void count(ComponentRecord record, long nowMillis);
}
