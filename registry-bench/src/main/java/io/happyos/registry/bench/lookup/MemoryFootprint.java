package io.happyos.registry.bench.lookup;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.StatusNotifier;
import io.happyos.registry.core.stats.StatusHistory;
import java.time.Clock;
import java.time.Duration;
import org.openjdk.jol.info.GraphLayout;

/**
 * Benchmark 9, memory: the heap a {@link ComponentStore} retains per entry (records, id maps,
 * dependency graph, type and status indexes, and the entry snapshot each record keeps once looked
 * up), measured with JOL's {@link GraphLayout} over the whole store, minus an empty store.
 */
final class MemoryFootprint {

    /** The threads of the registry parts measured here, daemons that live as long as the benchmark. */
    private static final io.happyos.registry.core.concurrent.RegistryThreads BENCH_THREADS =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    static {
        // JOL cannot read field offsets on Java 17 without it (and no agent attached)
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
    }

    private MemoryFootprint() {}

    /**
     * Measures.
     *
     * @param size how many components, none with a bundle
     * @return retained bytes per entry
     */
    static double bytesPerEntry(int size) {
        StatusNotifier notifier = new StatusNotifier(
                new TimedCalls("bench", BENCH_THREADS),
                Duration.ofSeconds(5),
                new StatusHistory(16, Clock.systemUTC()),
                BENCH_THREADS);
        try {
            ComponentStore empty = new ComponentStore(notifier, Clock.systemUTC(), 10);
            long base = GraphLayout.parseInstance(empty).totalSize();
            ComponentStore store = new ComponentStore(notifier, Clock.systemUTC(), 10);
            int types = Math.max(1, size / RegistryFixture.GROUP);
            for (int i = 0; i < size; i++) {
                String id = "c" + i;
                ComponentRecord record = store.addExactly(id, ComponentInfo.of(id, "t" + (i % types)));
                store.snapshot(record);
            }
            long full = GraphLayout.parseInstance(store).totalSize();
            return (full - base) / (double) size;
        } finally {
            notifier.close();
        }
    }
}
