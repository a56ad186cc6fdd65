package io.happyos.registry.bench.lookup;

import io.happyos.registry.RegistryEntry;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openjdk.jmh.infra.Blackhole;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Benchmark 3, lookup by id: {@code getComponent} of the real registry against
 * {@code ConcurrentHashMap.get} on the same keys (the practical limit) and against finding the
 * same component as an OSGi service by a property filter in the same Felix. Every call looks up
 * the next id of a fixed random order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LookupBenchmark {

    /** How many components are registered. */
    @Param({"10000", "100000"})
    public int size;

    /** Whether the OSGi services for the filter anchor are registered too (only its run needs them). */
    @Param({"false"})
    public boolean services;

    /** {@code service}: through the registry service a bundle gets; {@code direct}: a registry object made on the core directly. */
    @Param({"service"})
    public String via;

    private RegistryFixture fixture;
    private ConcurrentHashMap<String, RegistryEntry> map;
    private String[] ids;
    private String[] filters;

    /** Where one thread is in the id order. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** Starts each thread somewhere else. */
        @Setup(Level.Trial)
        public void start() {
            next = (int) (Thread.currentThread().getId() * 7919);
        }

        int next(int length) {
            int i = next++ % length;
            return i < 0 ? i + length : i;
        }
    }

    /**
     * Registers the components (and the services) and fills the map with the same keys.
     *
     * @throws Exception when the registry does not come up
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = RegistryFixture.start(size, via);
        ids = fixture.shuffled;
        // filled as the store was, in registration order, with keys of their own (not sharing the
        // looked-up strings' characters): visiting the ids in a random order then costs the map
        // what it costs the store, instead of walking nodes allocated in the order they are visited
        map = new ConcurrentHashMap<>();
        for (int i = 0; i < size; i++) {
            String id = new String(("c" + i).toCharArray());
            map.put(id, fixture.registry.getComponent(id));
        }
        if (services) {
            fixture.registerServices();
            filters = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                filters[i] = "(" + RegistryFixture.NAME + "=" + ids[i] + ")";
            }
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
     * The registry's lookup.
     *
     * @param cursor the thread's place
     * @return the entry
     */
    @Benchmark
    public RegistryEntry getComponent(Cursor cursor) {
        return fixture.registry.getComponent(ids[cursor.next(ids.length)]);
    }

    /**
     * The practical limit: a concurrent hash map of the same keys.
     *
     * @param cursor the thread's place
     * @return the entry
     */
    @Benchmark
    public RegistryEntry concurrentHashMapGet(Cursor cursor) {
        return map.get(ids[cursor.next(ids.length)]);
    }

    /**
     * The anchor: the component as an OSGi service, found by a property filter.
     *
     * @param cursor the thread's place
     * @param hole takes the reference
     * @throws InvalidSyntaxException never: the filters are well formed
     */
    @Benchmark
    public void osgiFilter(Cursor cursor, Blackhole hole) throws InvalidSyntaxException {
        @SuppressWarnings("rawtypes")
        java.util.Collection<ServiceReference<Comparable>> found =
                fixture.felix.context().getServiceReferences(Comparable.class, filters[cursor.next(filters.length)]);
        if (found.size() != 1) {
            throw new IllegalStateException("the filter found " + found.size() + " services");
        }
        hole.consume(found);
    }
}
