package io.happyos.registry.bench;

import io.happyos.registry.BatchItem;
import io.happyos.registry.BatchResult;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.internal.RegistrySettings;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Batch activation: 1,000 generated bundles in 10 levels of 100, each level importing packages of
 * the level below, each bundle's activator blocking for 5 ms, activated with one
 * {@code activateComponentsBatch}. This is the registry's real batch path (ParallelActivation: levels
 * of the graph, each level's members on the batch workers) with real bundle starts. The bound is
 * depth × 5 ms × ceil(width / parallelism), the time a perfect level-by-level schedule takes.
 */
public final class BatchActivationBenchmark implements SuitePart {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int DEPTH = 10;
    private static final int WIDTH = 100;
    private static final int SLEEP_MILLIS = 5;

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        Scenarios.benchBundles();
        int repetitions = mode == SuiteMode.FULL ? 6 : 3;
        Path jars = Files.createTempDirectory("happyos-bench-batch");
        GeneratedBundles.Set set = GeneratedBundles.layeredWithActivators(jars, DEPTH, WIDTH, SLEEP_MILLIS, 10L);
        List<Double> millis = new ArrayList<>();
        int parallelism;
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of())) {
            felix.withRegistry();
            parallelism = RegistrySettings.from(felix.context()::getProperty).batchParallelism();
            DynamicRegistry registry = Scenarios.readyRegistry(felix, TIMEOUT);
            for (Path jar : set.files()) {
                felix.install(jar); // the registry's bundle tracking makes each an entry, REGISTERED
            }
            for (int r = 0; r < repetitions; r++) {
                long begin = System.nanoTime();
                BatchResult result = registry.lifecycle()
                        .activateComponentsBatch(set.names())
                        .toCompletableFuture()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                millis.add((System.nanoTime() - begin) / 1e6);
                List<BatchItem> failed =
                        result.items().stream().filter(i -> !i.succeeded()).toList();
                if (!failed.isEmpty()) {
                    throw new IllegalStateException(failed.size() + " batch items failed, e.g. " + failed.get(0));
                }
                Scenarios.awaitActive(registry, set.names(), TIMEOUT);
                registry.lifecycle()
                        .deactivateComponentsBatch(set.names())
                        .toCompletableFuture()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            for (Path jar : set.files()) {
                Files.deleteIfExists(jar);
            }
            Files.deleteIfExists(jars);
        }
        double bound = DEPTH * SLEEP_MILLIS * Math.ceil(WIDTH / (double) parallelism);
        double first = millis.get(0);
        double median = Scenarios.percentile(millis.subList(1, millis.size()), 50);
        String how = String.format(
                Locale.ROOT,
                "happyos.batch.parallelism = %d; bound = %d × %d ms × ceil(%d / %d)"
                        + " = %.0f ms; bundles with an activator that sleeps",
                parallelism,
                DEPTH,
                SLEEP_MILLIS,
                WIDTH,
                parallelism,
                bound);
        String target = "within 2× of the bound";
        String anchor = "depth × 5 ms × ceil(width / parallelism)";
        return List.of(
                new BenchRow(
                        String.format(
                                Locale.ROOT,
                                "batch activation, %,d bundles, depth %d, 5 ms each",
                                DEPTH * WIDTH,
                                DEPTH),
                        "ms",
                        median,
                        anchor,
                        bound,
                        median / bound,
                        target,
                        median <= 2 * bound,
                        how + "; median of " + (repetitions - 1) + " batches of resolved bundles"),
                new BenchRow(
                        "batch activation, first batch (resolves the 1,000 bundles too)",
                        "ms",
                        first,
                        anchor,
                        bound,
                        first / bound,
                        target,
                        first <= 2 * bound,
                        "one batch right after installing"));
    }
}
