package io.happyos.registry.bench.lookup;

import io.happyos.registry.bench.BenchRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the lookup benchmarks (JMH, one fork per benchmark and size) and the memory measure, and
 * turns them into the suite's rows.
 */
public final class LookupFigures {

    private static final String SMALL = "10000";
    private static final String LARGE = "100000";
    /** The access benchmarks of the caches alone register no other component. */
    private static final String NONE = "0";

    private static final double QUERY_GROWTH_ALLOWED = 1.25;

    /** Where JMH's own output goes (iterations, errors with their stack traces). */
    static final Path LOG =
            Path.of("registry-bench", "target", "lookup-jmh.log").toAbsolutePath();

    private final boolean quick;
    // benchmark method, size param (or "-"), threads -> ns/op
    private final Map<String, Double> scores = new HashMap<>();

    /**
     * @param quick the suite's short mode: shorter iterations
     */
    public LookupFigures(boolean quick) {
        this.quick = quick;
    }

    /**
     * Runs everything.
     *
     * @return the rows, benchmark by benchmark
     * @throws RunnerException when a benchmark fails
     */
    public List<BenchRow> rows() throws RunnerException {
        // other JMH runs on the machine (another part, another checkout) must not make this one fail
        if (System.getProperty("jmh.ignoreLock") == null) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        for (int threads : List.of(1, 2)) {
            run("LookupBenchmark\\.(getComponent|concurrentHashMapGet)$", threads, Map.of(), "");
            run("LookupBenchmark\\.getComponent$", threads, Map.of("via", "direct"), "direct");
        }
        run("LookupBenchmark\\.osgiFilter$", 1, Map.of("services", "true"), "");
        for (int threads : List.of(1, 2)) {
            run("QueryBenchmark\\.", threads, Map.of(), "");
            run("AccessBenchmark\\.(instanceCacheHit|caffeineHit)$", threads, Map.of("size", NONE), "");
            run("AccessBenchmark\\.getComponentInstance$", threads, Map.of(), "");
            run("AccessBenchmark\\.getComponentInstance$", threads, Map.of("via", "caller"), "caller");
        }
        run("AccessBenchmark\\.getComponentInstance$", 1, Map.of("via", "direct"), "direct");
        run("AccessBenchmark\\.(hitAndStripedCount|hitAndAtomicCount)$", 2, Map.of("size", NONE), "");
        List<BenchRow> rows = new ArrayList<>();
        lookupRows(rows);
        queryRows(rows);
        accessRows(rows);
        try {
            double bytes = MemoryFootprint.bytesPerEntry(100_000);
            rows.add(BenchRow.absolute(
                    "9. memory: retained heap per entry, 100k components without bundles",
                    "bytes/entry",
                    bytes,
                    "≤ 1 KB",
                    bytes <= 1024,
                    "JOL GraphLayout over the whole ComponentStore (records, maps, graph, indexes, cached entries) "
                            + "minus an empty store"));
        } catch (RuntimeException | LinkageError e) {
            rows.add(new BenchRow(
                    "9. memory: retained heap per entry, 100k components without bundles",
                    "bytes/entry",
                    Double.NaN,
                    "-",
                    Double.NaN,
                    Double.NaN,
                    "≤ 1 KB",
                    false,
                    "failed: " + e));
        }
        return rows;
    }

    private void lookupRows(List<BenchRow> rows) {
        for (String size : List.of(SMALL, LARGE)) {
            for (int threads : List.of(1, 2)) {
                rows.add(BenchRow.fasterThan(
                        "3. getComponent, " + k(size) + " components, " + threads
                                + (threads == 1 ? " thread" : " threads"),
                        "ns/op",
                        score("getComponent", size, threads),
                        "ConcurrentHashMap.get, same keys",
                        score("concurrentHashMapGet", size, threads),
                        1 / 1.5,
                        "within 1.5×",
                        "through the registry service a bundle gets (its per-bundle view); "
                                + "real registry in embedded Felix; random id order"));
                rows.add(BenchRow.fasterThan(
                        "3. getComponent on a registry object made on the core directly, " + k(size) + " components, "
                                + threads + (threads == 1 ? " thread" : " threads"),
                        "ns/op",
                        score("getComponent-direct", size, threads),
                        "ConcurrentHashMap.get, same keys",
                        score("concurrentHashMapGet", size, threads),
                        1 / 1.5,
                        "within 1.5×",
                        "the core from the class path on Felix's system context, not the service factory's object"));
            }
        }
        for (String size : List.of(SMALL, LARGE)) {
            rows.add(BenchRow.fasterThan(
                    "3. getComponent vs OSGi filter lookup, " + k(size) + " components",
                    "ns/op",
                    score("getComponent", size, 1),
                    "Felix getServiceReferences(Comparable, \"(name=…)\"), " + k(size) + " services",
                    score("osgiFilter", size, 1),
                    100,
                    "≥ 100× faster",
                    "same Felix, 1 thread"));
        }
    }

    private void queryRows(List<BenchRow> rows) {
        Map<String, String> names = Map.of("byType", "type", "byStatus", "status", "byIndex", "custom index");
        for (int threads : List.of(1, 2)) {
            for (String query : List.of("byType", "byStatus", "byIndex")) {
                double small = score(query, SMALL, threads) / RegistryFixture.GROUP;
                double large = score(query, LARGE, threads) / RegistryFixture.GROUP;
                rows.add(BenchRow.fasterThan(
                        "4. query by " + names.get(query) + ", time per returned entry, 100k" + " components ("
                                + RegistryFixture.GROUP + " returned), " + threads(threads),
                        "ns/entry",
                        large,
                        "the same query at 10k components",
                        small,
                        1 / QUERY_GROWTH_ALLOWED,
                        "does not grow (≤ " + QUERY_GROWTH_ALLOWED + "× the 10k figure)",
                        "ratio = 10k / 100k figure; ≥ 0.8 counts as not growing; the same " + QueryBenchmark.KEYS
                                + " keys queried in turn at both sizes"));
            }
        }
    }

    private static String threads(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    private void accessRows(List<BenchRow> rows) {
        for (String size : List.of(SMALL, LARGE)) {
            for (int threads : List.of(1, 2)) {
                double caffeine = score("caffeineHit", NONE, threads);
                rows.add(BenchRow.fasterThan(
                        "5. getComponentInstance on a cached instance, " + k(size) + " components, " + threads(threads)
                                + ", through a bundle's service view",
                        "ns/op",
                        score("getComponentInstance", size, threads),
                        "bare Caffeine getIfPresent, same settings",
                        caffeine,
                        1 / 1.5,
                        "within 1.5×",
                        "the bundle's own registry object (its caller in a final field); "
                                + "every thread the same component"));
                rows.add(BenchRow.fasterThan(
                        "5. getComponentInstance on a cached instance, " + k(size) + " components, " + threads(threads)
                                + ", registry object whose caller is the system bundle",
                        "ns/op",
                        score("getComponentInstance-caller", size, threads),
                        "bare Caffeine getIfPresent, same settings",
                        caffeine,
                        1 / 1.5,
                        "within 1.5×",
                        "the shape of a view that carries its bundle in a final field: usage counted, no frame"));
            }
        }
        double hit = score("instanceCacheHit", NONE, 1);
        for (String via : List.of("", "-direct")) {
            double registry = score("getComponentInstance" + via, SMALL, 1);
            double added = registry - hit;
            rows.add(new BenchRow(
                    "5. getComponentInstance on a cached instance, 1 thread"
                            + (via.isEmpty()
                                    ? ", through a bundle's service view"
                                    : ", a registry object on the core directly"),
                    "ns/op",
                    registry,
                    "the registry's instance cache hit alone",
                    hit,
                    hit / registry,
                    "≤ 10 ns over the cache hit",
                    added <= 10,
                    String.format(java.util.Locale.ROOT, "adds %.1f ns; 10k components", added)));
        }
        rows.add(BenchRow.fasterThan(
                "5. access tracking, cache hit + count, 2 threads on one component",
                "ns/op",
                score("hitAndStripedCount", NONE, 2),
                "the same code with an AtomicLong counter",
                score("hitAndAtomicCount", NONE, 2),
                2,
                "≥ 2× the throughput",
                String.format(
                        java.util.Locale.ROOT,
                        "registry getComponentInstance, 2 threads: %.1f ns/op",
                        score("getComponentInstance", SMALL, 2))));
        for (int threads : List.of(1, 2)) {
            rows.add(BenchRow.fasterThan(
                    "6. instance cache hit (1000 entries, expire after write 1 h), " + threads(threads),
                    "ns/op",
                    score("instanceCacheHit", NONE, threads),
                    "bare Caffeine cache, same settings, getIfPresent",
                    score("caffeineHit", NONE, threads),
                    1 / 1.2,
                    "within 1.2×",
                    ""));
        }
    }

    private static String k(String size) {
        return Integer.parseInt(size) / 1000 + "k";
    }

    private double score(String benchmark, String size, int threads) {
        Double score = scores.get(benchmark + "/" + size + "/" + threads);
        if (score == null) {
            throw new IllegalStateException(
                    "no result for " + benchmark + " size " + size + ", " + threads + " threads");
        }
        return score;
    }

    private void run(String include, int threads, Map<String, String> params, String tag) throws RunnerException {
        Path bundles = Path.of("registry-bench/target/bench-bundles").toAbsolutePath();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(LookupFigures.class.getPackageName() + "\\." + include)
                .forks(1)
                .threads(threads)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.milliseconds(quick ? 700 : 1000))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.milliseconds(quick ? 700 : 1000))
                .jvmArgsAppend(
                        "-Xmx1500m",
                        "-Djmh.shutdownTimeout=2",
                        "-Dit.bundles=" + bundles,
                        "-Dit.core.bundle=" + bundles.resolve("registry-core.jar"))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(LOG.toString());
        params.forEach(options::param);
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new RunnerException(
                    include + " with " + threads + " thread(s) " + params + " failed: " + cause + " (details in " + LOG
                            + ")",
                    e);
        }
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1) + (tag.isEmpty() ? "" : "-" + tag);
            String size =
                    Optional.ofNullable(result.getParams().getParam("size")).orElse("-");
            scores.put(
                    method + "/" + size + "/" + threads,
                    result.getPrimaryResult().getScore());
            System.out.printf(
                    "   %s size %s, %d thread(s): %.1f ns/op%n",
                    method, size, threads, result.getPrimaryResult().getScore());
        }
    }
}
