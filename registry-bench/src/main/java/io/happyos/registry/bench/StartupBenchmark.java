package io.happyos.registry.bench;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * Start-up at scale: a bundles folder of N generated plugins (a chain with fan-outs, real
 * Import-Package/Export-Package, shuffled file names) from launch until every plugin is ACTIVE in
 * the registry, against plain Felix installing and starting the same JARs in a correct order
 * computed offline. Both create a fresh framework on fresh storage; the registry runs as it ships
 * (persistence on, SQLite journal in the storage folder, folder watching on).
 */
public final class StartupBenchmark implements SuitePart {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final long SEED = 7L;
    /** Extra framework properties for the registry's launches, for experiments: -Dbench.startup.props=k=v,k=v. */
    private static final Map<String, String> EXTRA = parse(System.getProperty("bench.startup.props", ""));

    private static Map<String, String> parse(String text) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String pair : text.split(",")) {
            if (pair.contains("=")) {
                map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return map;
    }

    /**
     * Times one launch of each contender with N bundles, for profiling.
     *
     * @param args N (default 1000)
     * @throws Exception when a launch fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Scenarios.benchBundles();
        Path folder = Files.createTempDirectory("happyos-bench-startup");
        try {
            GeneratedBundles.Set set = GeneratedBundles.chainWithFanOut(folder, n, SEED);
            System.out.printf("registry %.0f ms%n", registry(folder, set));
            System.out.printf("plain Felix %.0f ms%n", plainFelix(set));
        } finally {
            deleteTree(folder);
        }
    }

    @Override
    public String name() {
        return "startup";
    }

    /** The sizes and repetitions per mode. */
    private record Size(int n, int repetitions) {}

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        Scenarios.benchBundles();
        List<Size> sizes = mode == SuiteMode.FULL
                ? List.of(new Size(100, 5), new Size(1_000, 3), new Size(5_000, 1))
                : List.of(new Size(100, 3), new Size(1_000, 2));
        Path work = Files.createTempDirectory("happyos-bench-startup");
        List<BenchRow> rows = new ArrayList<>();
        double[] ours = new double[sizes.size()];
        try {
            // one small round of each first, so that neither pays for loading the framework's classes
            Path warmup = Files.createDirectories(work.resolve("warmup"));
            GeneratedBundles.Set warm = GeneratedBundles.chainWithFanOut(warmup, 50, SEED);
            registry(warmup, warm);
            plainFelix(warm);
            for (int s = 0; s < sizes.size(); s++) {
                Size size = sizes.get(s);
                Path folder = Files.createDirectories(work.resolve("n" + size.n()));
                GeneratedBundles.Set set = GeneratedBundles.chainWithFanOut(folder, size.n(), SEED);
                List<Double> registryMs = new ArrayList<>();
                List<Double> felixMs = new ArrayList<>();
                for (int r = 0; r < size.repetitions(); r++) {
                    registryMs.add(registry(folder, set));
                    felixMs.add(plainFelix(set));
                }
                ours[s] = Scenarios.percentile(registryMs, 50);
                double theirs = Scenarios.percentile(felixMs, 50);
                rows.add(BenchRow.fasterThan(
                        String.format(Locale.ROOT, "start-up, %,d bundles, launch to all ACTIVE", size.n()),
                        "ms",
                        ours[s],
                        "plain Felix 7.0.5 install + start in order",
                        theirs,
                        1 / 1.1,
                        "within 1.1×",
                        "median of " + size.repetitions() + "; registry: bundles folder, persistence on"));
            }
        } finally {
            deleteTree(work);
        }
        int last = sizes.size() - 1;
        double growth = ours[last] / ours[last - 1];
        double sizeRatio = sizes.get(last).n() / (double) sizes.get(last - 1).n();
        double limit = sizeRatio * 1.2;
        rows.add(BenchRow.absolute(
                String.format(
                        Locale.ROOT,
                        "start-up growth, time(%,d) / time(%,d)",
                        sizes.get(last).n(),
                        sizes.get(last - 1).n()),
                "×",
                growth,
                String.format(Locale.ROOT, "≤ %.0f (near-linear)", limit),
                growth <= limit,
                mode == SuiteMode.FULL ? "" : "short mode; the full run checks 5,000 / 1,000 ≤ 6"));
        return rows;
    }

    /** Launch with the registry and the folder, until every generated component is ACTIVE. */
    private static double registry(Path folder, GeneratedBundles.Set set) throws Exception {
        long begin = System.nanoTime();
        Map<String, String> properties = new java.util.HashMap<>(EXTRA);
        properties.put("happyos.bundles.dir", folder.toString());
        try (EmbeddedFelix felix = EmbeddedFelix.start(properties)) {
            felix.withRegistry();
            DynamicRegistry registry = felix.service(DynamicRegistry.class, TIMEOUT);
            Scenarios.awaitActive(registry, set.names(), TIMEOUT);
            return (System.nanoTime() - begin) / 1e6;
        }
    }

    /** Launch plain Felix, install every JAR, start them in dependency order. */
    private static double plainFelix(GeneratedBundles.Set set) throws Exception {
        long begin = System.nanoTime();
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of())) {
            List<Bundle> bundles = new ArrayList<>();
            for (Path file : set.files()) {
                bundles.add(felix.install(file));
            }
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            for (Bundle bundle : bundles) {
                if (bundle.getState() != Bundle.ACTIVE) {
                    throw new IllegalStateException(bundle.getSymbolicName() + " is not ACTIVE in plain Felix");
                }
            }
            return (System.nanoTime() - begin) / 1e6;
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
