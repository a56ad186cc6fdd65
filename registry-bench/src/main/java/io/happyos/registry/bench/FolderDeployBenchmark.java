package io.happyos.registry.bench;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Hot reload: the time from a JAR being renamed into a watched folder until it runs. For the
 * registry, until its component is ACTIVE in the registry (seen through a status callback); for
 * Apache Felix FileInstall 3.7.4 with its default settings, until its bundle is started. Same
 * generated JARs, same run, each in a fresh framework.
 *
 * <p>Also runs on its own from the project root after {@code mvn -B -o -DskipTests package -pl
 * registry-bench -am}: {@code java -cp "registry-bench/target/classes:$(cat
 * registry-bench/target/bench-classpath.txt)" io.happyos.registry.bench.FolderDeployBenchmark [DROPS]}.
 */
public final class FolderDeployBenchmark implements SuitePart {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "reload";
    }

    /**
     * Runs the benchmark and prints its rows.
     *
     * @param args optionally the number of drops per contender (default 50)
     * @throws Exception when a contender does not start a JAR in time
     */
    public static void main(String[] args) throws Exception {
        int drops = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        new FolderDeployBenchmark().measure(drops).forEach(r -> System.out.println(ResultTable.line(r)));
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        return measure(mode == SuiteMode.FULL ? 50 : 15);
    }

    private List<BenchRow> measure(int drops) throws Exception {
        Path bundles = Scenarios.benchBundles();
        List<Double> registry = run(
                "registry",
                drops,
                (felix, folder, started) -> {
                    felix.withRegistry();
                    DynamicRegistry service = felix.service(DynamicRegistry.class, TIMEOUT);
                    service.lifecycle().addStatusListener((id, from, to) -> {
                        if (to == ComponentStatus.ACTIVE) {
                            started.accept(id);
                        }
                    });
                },
                Map.of("happyos.bundles.dir", "FOLDER"));
        List<Double> fileInstall = run(
                "fileinstall",
                drops,
                (felix, folder, started) -> {
                    felix.context().addBundleListener((SynchronousBundleListener) e -> {
                        if (e.getType() == BundleEvent.STARTED) {
                            started.accept(String.valueOf(e.getBundle().getSymbolicName()));
                        }
                    });
                    felix.installRuntime(bundles.resolve("org.apache.felix.fileinstall.jar"))
                            .start();
                },
                Map.of("felix.fileinstall.dir", "FOLDER"));

        double p50 = Scenarios.percentile(registry, 50);
        double p95 = Scenarios.percentile(registry, 95);
        double p99 = Scenarios.percentile(registry, 99);
        double theirs50 = Scenarios.percentile(fileInstall, 50);
        double theirs95 = Scenarios.percentile(fileInstall, 95);
        String how = drops + " drops; ours: until the component is ACTIVE (status callback); FileInstall: until"
                + " the bundle is STARTED";
        String fileInstallName = "Felix FileInstall 3.7.4, defaults (poll 2 s)";
        return List.of(
                BenchRow.fasterThan(
                        "hot reload, JAR renamed into the folder → ACTIVE, median",
                        "ms",
                        p50,
                        fileInstallName,
                        theirs50,
                        5,
                        "≥ 5× faster",
                        how),
                BenchRow.fasterThan(
                        "hot reload, p95", "ms", p95, fileInstallName, theirs95, 1, "faster", "no target of its own"),
                BenchRow.absolute("hot reload, our p50", "ms", p50, "≤ 300 ms", p50 <= 300, ""),
                BenchRow.absolute(
                        "hot reload, our p99",
                        "ms",
                        p99,
                        "≤ 1 s",
                        p99 <= 1000,
                        String.format(Locale.ROOT, "nearest rank of %d drops", drops)));
    }

    /** Sets up one contender in a fresh framework; it calls {@code started} with a symbolic name when that runs. */
    private interface Setup {
        void apply(EmbeddedFelix felix, Path folder, java.util.function.Consumer<String> started) throws Exception;
    }

    private static List<Double> run(String name, int drops, Setup setup, Map<String, String> properties)
            throws Exception {
        Path work = Files.createTempDirectory("happyos-bench-" + name);
        Path folder = Files.createDirectories(work.resolve("deploy"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Map<String, String> props = new HashMap<>();
        properties.forEach((k, v) -> props.put(k, v.replace("FOLDER", folder.toString())));
        Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        List<Double> millis = new ArrayList<>();
        try (EmbeddedFelix felix = EmbeddedFelix.start(work.resolve("felix"), props)) {
            setup.apply(felix, folder, bsn -> {
                CountDownLatch latch = started.get(bsn);
                if (latch != null && startedAt.putIfAbsent(bsn, System.nanoTime()) == null) {
                    latch.countDown();
                }
            });
            Thread.sleep(1000); // let the contender settle into its steady state before the first drop
            for (int i = 0; i < drops; i++) {
                String bsn = name + "-drop-" + i;
                Path jar = TestBundle.builder(bsn).writeToFolder(staging);
                Path part = folder.resolve(bsn + ".jar.part");
                Files.copy(jar, part);
                started.put(bsn, new CountDownLatch(1));
                long begin = System.nanoTime();
                Files.move(part, folder.resolve(bsn + ".jar"), StandardCopyOption.ATOMIC_MOVE);
                if (!started.get(bsn).await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " did not start " + bsn + " within " + TIMEOUT);
                }
                millis.add((startedAt.get(bsn) - begin) / 1e6);
            }
        }
        return millis;
    }
}
