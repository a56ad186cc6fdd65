package io.happyos.registry.bench;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.ManifestOnlyBundle;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Time from a JAR being renamed into a watched folder to its bundle being started: the registry's
 * bundles folder against Apache Felix FileInstall with its default settings, on the same generated
 * JARs, in the same run. Prints median and p95 of each and the ratio.
 *
 * <p>Run from the project root after {@code mvn -B -q -DskipTests package}:
 * {@code java -cp "registry-bench/target/classes:$(cat registry-bench/target/bench-classpath.txt)"
 * io.happyos.registry.bench.FolderDeployBenchmark [DROPS]}.
 */
public final class FolderDeployBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FolderDeployBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of drops per contender (default 50)
     * @throws Exception when a contender does not start a JAR in time
     */
    public static void main(String[] args) throws Exception {
        int drops = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path bundles = Path.of("registry-bench/target/bench-bundles").toAbsolutePath();
        System.setProperty("it.bundles", bundles.toString());
        System.setProperty("it.core.bundle", bundles.resolve("registry-core.jar").toString());
        PrintStream out = System.out;

        List<Long> registry = run("registry", drops, (felix, folder) -> {
            felix.withRegistry();
            felix.service(DynamicRegistry.class, TIMEOUT);
        }, Map.of("happyos.bundles.dir", "FOLDER"));
        List<Long> fileInstall = run("fileinstall", drops, (felix, folder) -> {
            felix.installRuntime(bundles.resolve("org.apache.felix.fileinstall.jar")).start();
        }, Map.of("felix.fileinstall.dir", "FOLDER"));

        long ours = percentile(registry, 50);
        long theirs = percentile(fileInstall, 50);
        out.printf("%n| contender | drops | median ms | p95 ms |%n|---|---|---|---|%n");
        out.printf("| HappyOS registry (settle 300 ms, WatchService) | %d | %d | %d |%n", drops, ours,
                percentile(registry, 95));
        out.printf("| Felix FileInstall 3.7.4 (defaults: poll 2 s) | %d | %d | %d |%n", drops, theirs,
                percentile(fileInstall, 95));
        out.printf("%nmedian ratio FileInstall / registry: %.1fx (target: at least 5x)%n", theirs / (double) ours);
    }

    /** Sets up one contender in a fresh framework. */
    private interface Setup {
        void apply(EmbeddedFelix felix, Path folder) throws Exception;
    }

    private static List<Long> run(String name, int drops, Setup setup, Map<String, String> properties)
            throws Exception {
        Path work = Files.createTempDirectory("happyos-bench-" + name);
        Path folder = Files.createDirectories(work.resolve("deploy"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Map<String, String> props = new java.util.HashMap<>();
        properties.forEach((k, v) -> props.put(k, v.replace("FOLDER", folder.toString())));
        Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        List<Long> millis = new ArrayList<>();
        try (EmbeddedFelix felix = EmbeddedFelix.start(work.resolve("felix"), props)) {
            felix.context().addBundleListener((SynchronousBundleListener) e -> {
                CountDownLatch latch = started.get(String.valueOf(e.getBundle().getSymbolicName()));
                if (e.getType() == BundleEvent.STARTED && latch != null) {
                    startedAt.put(e.getBundle().getSymbolicName(), System.nanoTime());
                    latch.countDown();
                }
            });
            setup.apply(felix, folder);
            Thread.sleep(1000); // let the contender settle into its steady state before the first drop
            for (int i = 0; i < drops; i++) {
                String bsn = name + "-drop-" + i;
                Path jar = ManifestOnlyBundle.write(staging, bsn, Map.of());
                Path part = folder.resolve(bsn + ".jar.part");
                Files.copy(jar, part);
                started.put(bsn, new CountDownLatch(1));
                long begin = System.nanoTime();
                Files.move(part, folder.resolve(bsn + ".jar"), StandardCopyOption.ATOMIC_MOVE);
                if (!started.get(bsn).await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " did not start " + bsn + " within " + TIMEOUT);
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(startedAt.get(bsn) - begin));
            }
        }
        return millis;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
