package io.happyos.registry.bench.lookup;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 4, queries: by type, by status and by a custom index, each returning
 * {@value RegistryFixture#GROUP} entries whatever the number of components, so the time per
 * returned entry at 10k and 100k components shows whether the components not returned cost anything.
 * Type and index queries cycle over {@value #KEYS} keys, the status query reads one set: the entries
 * read are the same few hundred at either size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryBenchmark {

    /** How many components are registered. */
    @Param({"10000", "100000"})
    public int size;

    /** {@code service}: through the registry service a bundle gets; {@code direct}: a registry object made on the core directly. */
    @Param({"service"})
    public String via;

    /**
     * How many types (and index keys) are queried in turn, at either size: the same number of
     * entries is read, so what differs is only the components not returned.
     */
    static final int KEYS = 4;

    private RegistryFixture fixture;
    private String[] keys;

    /** Where one thread is in the keys. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String next(String[] keys) {
            String key = keys[next];
            next = next + 1 == keys.length ? 0 : next + 1;
            return key;
        }
    }

    /**
     * Registers the components, puts {@value RegistryFixture#GROUP} of them in ERROR and creates
     * the custom index (the type's number, as its own key).
     *
     * @throws Exception when the registry does not come up or an operation fails
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = RegistryFixture.start(size, via);
        for (int i = 0; i < RegistryFixture.GROUP; i++) {
            fixture.registry
                    .lifecycle()
                    .markComponentError("c" + (i * (size / RegistryFixture.GROUP)), "benchmark")
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        }
        fixture.registry
                .indexes()
                .createIndex("group", e -> "g" + e.component().type().substring(1));
        keys = new String[KEYS];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.valueOf(i);
        }
        check(fixture.registry.getComponentsByType("t0"));
        check(fixture.registry.getComponentsByStatus(ComponentStatus.ERROR));
        check(fixture.registry.indexes().getComponentsByIndex("group", "g0"));
    }

    private static void check(List<RegistryEntry> found) {
        if (found.size() != RegistryFixture.GROUP) {
            throw new IllegalStateException("a query found " + found.size() + ", not " + RegistryFixture.GROUP);
        }
    }

    /**
     * Stops Felix.
     *
     * @throws Exception when it does not stop
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /**
     * @param cursor the thread's place in the keys
     * @return the entries of the next type
     */
    @Benchmark
    public List<RegistryEntry> byType(Cursor cursor) {
        return fixture.registry.getComponentsByType("t" + cursor.next(keys));
    }

    /** @return the entries in ERROR */
    @Benchmark
    public List<RegistryEntry> byStatus() {
        return fixture.registry.getComponentsByStatus(ComponentStatus.ERROR);
    }

    /**
     * @param cursor the thread's place in the keys
     * @return the entries under the next key of the custom index
     */
    @Benchmark
    public List<RegistryEntry> byIndex(Cursor cursor) {
        return fixture.registry.indexes().getComponentsByIndex("group", "g" + cursor.next(keys));
    }
}
