package io.happyos.registry.bench.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.instance.InstanceCache;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.StatusNotifier;
import io.happyos.registry.core.stats.StatusHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * Benchmarks 5 and 6, an instance already made, looked up again and again (every thread the same
 * component, the contended case):
 *
 * <ul>
 *   <li>{@link #getComponentInstance}: the real registry in an embedded Felix with {@link #size}
 *       other components, caching enabled ({@value #MAX_SIZE} instances, TTL one hour);
 *   <li>{@link #instanceCacheHit}: the registry's {@link InstanceCache} alone, same settings;
 *   <li>{@link #caffeineHit}: a bare Caffeine cache with the same settings;
 *   <li>{@link #hitAndStripedCount} and {@link #hitAndAtomicCount}: the cache hit plus the access
 *       tracking of a {@link ComponentRecord} ({@code LongAdder}), against the same code with an
 *       {@link AtomicLong} counter.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessBenchmark {

    /** The threads of the registry parts measured here, daemons that live as long as the benchmark. */
    private static final io.happyos.registry.core.concurrent.RegistryThreads BENCH_THREADS =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    /** The caches' size bound. */
    static final int MAX_SIZE = 1_000;

    private static final Duration TTL = Duration.ofHours(1);
    private static final String ID = "hot";
    private static final Function<String, InstanceCache.Held> CREATOR =
            id -> new InstanceCache.Held(new Object(), "bench");

    /**
     * {@code service}: through the registry service a bundle gets (its own registry object);
     * {@code direct}: a registry object made on the core from the class path, no calling bundle;
     * {@code caller}: the same, whose caller is the system bundle (counted in usage telemetry).
     */
    @Param({"service"})
    public String via;

    /** How many other components are registered (0 for the caches alone). */
    @Param({"10000", "100000"})
    public int size;

    private RegistryFixture fixture;
    private DynamicRegistry registry;
    private InstanceCache cache;
    private Cache<String, Object> caffeine;
    private ComponentRecord record;
    private StatusNotifier notifier;
    private final AtomicLong atomicCount = new AtomicLong();
    private volatile long atomicLastMillis;

    /**
     * Starts the registry with one active component made by a factory, and the caches alone.
     *
     * @throws Exception when the registry does not come up or the component does not activate
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = RegistryFixture.start(size, via);
        registry = fixture.registry;
        registry.instances().registerInstanceFactory("bench", entry -> new Object());
        registry.registerComponent(ComponentInfo.of(ID, "bench"))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        if (!registry.activateComponent(ID).toCompletableFuture().get(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(ID + " did not activate");
        }
        registry.instances().enableInstanceCaching(MAX_SIZE, TTL);
        registry.getComponentInstance(ID);

        cache = new InstanceCache(Ticker.systemTicker(), (id, held) -> {});
        cache.enable(MAX_SIZE, TTL);
        cache.get(ID, CREATOR);
        caffeine = Caffeine.newBuilder()
                .maximumSize(MAX_SIZE)
                .expireAfterWrite(TTL)
                .build();
        caffeine.put(ID, new Object());

        notifier = new StatusNotifier(
                new TimedCalls("bench", BENCH_THREADS),
                Duration.ofSeconds(5),
                new StatusHistory(16, Clock.systemUTC()),
                BENCH_THREADS);
        record = new ComponentStore(notifier, Clock.systemUTC(), 10).addExactly(ID, ComponentInfo.of(ID, "bench"));
    }

    /**
     * Stops Felix.
     *
     * @throws Exception when it does not stop
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        notifier.close();
        fixture.close();
    }

    /** @return the instance, through the registry */
    @Benchmark
    public Object getComponentInstance() {
        return registry.getComponentInstance(ID);
    }

    /** @return the instance, from the registry's instance cache alone */
    @Benchmark
    public Object instanceCacheHit() {
        return cache.get(ID, CREATOR);
    }

    /** @return the instance, from a bare Caffeine cache */
    @Benchmark
    public Object caffeineHit() {
        return caffeine.getIfPresent(ID);
    }

    /** @return the instance, counted as the registry counts it */
    @Benchmark
    public Object hitAndStripedCount() {
        Object instance = cache.get(ID, CREATOR);
        record.recordAccess();
        return instance;
    }

    /** @return the instance, counted with an AtomicLong, the time written as the registry writes it */
    @Benchmark
    public Object hitAndAtomicCount() {
        Object instance = cache.get(ID, CREATOR);
        long now = System.currentTimeMillis();
        if (atomicLastMillis != now) {
            atomicLastMillis = now;
        }
        atomicCount.incrementAndGet();
        return instance;
    }
}
