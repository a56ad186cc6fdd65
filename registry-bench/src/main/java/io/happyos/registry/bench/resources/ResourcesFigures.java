package io.happyos.registry.bench.resources;

import io.happyos.registry.bench.BenchRow;
import io.happyos.registry.core.resources.ResourceAccounting;
import io.happyos.registry.core.resources.ResourceAccounting.Measured;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import io.happyos.registry.testing.load.LoadActivator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The cost and the accuracy of resource accounting, in an embedded Felix without the registry (the
 * accounting engine runs on the class path, with the system bundle's context).
 *
 * <ol>
 *   <li>Overhead: a benchmark thread calls a CPU- and allocation-heavy service of a bundle as fast as it
 *       can, in rounds alternating accounting off and on (on: the recording streams, and a monitor thread
 *       calls {@code measureAll()} once a second, as the registry's quota monitor does); the ratio is the
 *       median of the pairs' on/off throughput ratios.
 *   <li>Accuracy: bundles that keep a known share of a core busy in Java code, or allocate a known rate,
 *       run together for a window; what accounting measured is compared with what they did.
 * </ol>
 */
public final class ResourcesFigures {

    private static final double MB = 1_000_000;

    private final boolean brief;

    /** @param brief the short mode: fewer and shorter rounds, a 5 s window instead of 10 s */
    public ResourcesFigures(boolean brief) {
        this.brief = brief;
    }

    /**
     * Runs both measurements.
     *
     * @return the rows
     * @throws Exception when a framework or a bundle fails
     */
    public List<BenchRow> rows() throws Exception {
        List<BenchRow> rows = new ArrayList<>(overhead());
        rows.addAll(accuracy());
        return rows;
    }

    private List<BenchRow> overhead() throws Exception {
        int pairs = brief ? 5 : 10;
        Duration round = Duration.ofMillis(brief ? 1500 : 3000);
        Path dir = Files.createTempDirectory("bench-resources-");
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of());
                ResourceAccounting accounting = new ResourceAccounting(felix.context(), Duration.ofSeconds(10))) {
            Bundle bundle = felix.install(TestBundle.builder("bench.workload")
                    .importPackage("org.osgi.framework")
                    .activator(WorkloadActivator.class)
                    .classes(WorkloadActivator.Work.class)
                    .writeToFolder(dir));
            bundle.start();
            ServiceReference<LongSupplier> reference = felix.context().getServiceReference(LongSupplier.class);
            LongSupplier work = felix.context().getService(reference);
            throughput(work, Duration.ofSeconds(brief ? 2 : 5)); // warm-up
            double[] off = new double[pairs];
            double[] on = new double[pairs];
            double[] ratios = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                boolean onFirst = i % 2 == 1;
                if (onFirst) {
                    on[i] = measuredRound(accounting, work, round);
                    off[i] = plainRound(accounting, work, round);
                } else {
                    off[i] = plainRound(accounting, work, round);
                    on[i] = measuredRound(accounting, work, round);
                }
                ratios[i] = on[i] / off[i];
            }
            // what accounting saw of the workload (a loader is known a second or two after it first runs)
            accounting.setEnabled(true);
            accounting.awaitMeasuring(Duration.ofSeconds(10));
            throughput(work, Duration.ofSeconds(3));
            Measured seen = accounting.measureAll().getOrDefault(bundle.getBundleId(), Measured.NONE);
            long before = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                accounting.measureAll();
            }
            double measureMicros = (System.nanoTime() - before) / 100 / 1000.0;
            double ratio = median(ratios);
            double slower = (1 - ratio) * 100;
            String note = String.format(
                    Locale.ROOT,
                    "%d alternating pairs of %.1f s rounds, one benchmark thread calling a bundle's service (sort 256 longs,"
                            + " build a string); on = JFR execution samples every 20 ms, 150 allocation samples/s, measureAll()"
                            + " each second; median pair ratio, %.1f%% slower (mean off %,.0f, on %,.0f ops/s); accounting"
                            + " read the workload at %.0f%% CPU and %.0f MB/s; one measureAll() took %.0f µs",
                    pairs,
                    round.toMillis() / 1000.0,
                    slower,
                    mean(off),
                    mean(on),
                    seen.cpuPercent(),
                    seen.allocationRate() / MB,
                    measureMicros);
            return List.of(new BenchRow(
                    "resource accounting overhead (throughput on vs off)",
                    "ops/s",
                    median(on),
                    "accounting off",
                    median(off),
                    ratio,
                    "≤ 3% slower",
                    ratio >= 0.97,
                    note));
        }
    }

    private double plainRound(ResourceAccounting accounting, LongSupplier work, Duration round) {
        accounting.setEnabled(false);
        return throughput(work, round);
    }

    private double measuredRound(ResourceAccounting accounting, LongSupplier work, Duration round)
            throws InterruptedException {
        accounting.setEnabled(true);
        accounting.awaitMeasuring(Duration.ofSeconds(10));
        Thread monitor = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            accounting.measureAll();
                            Thread.sleep(1000);
                        }
                    } catch (InterruptedException e) {
                        // the round is over
                    }
                },
                "bench-quota-monitor");
        monitor.setDaemon(true);
        monitor.start();
        try {
            return throughput(work, round);
        } finally {
            monitor.interrupt();
            monitor.join();
        }
    }

    private static long blackhole;

    private static double throughput(LongSupplier work, Duration round) {
        long ops = 0;
        long sum = 0;
        long start = System.nanoTime();
        long end = start + round.toNanos();
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                sum += work.getAsLong();
            }
            ops += 256;
            now = System.nanoTime();
        } while (now < end);
        blackhole += sum;
        return ops * 1e9 / (now - start);
    }

    private List<BenchRow> accuracy() throws Exception {
        Duration window = Duration.ofSeconds(brief ? 5 : 10);
        Path dir = Files.createTempDirectory("bench-resources-");
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of());
                ResourceAccounting accounting = new ResourceAccounting(felix.context(), window)) {
            accounting.setEnabled(true);
            accounting.awaitMeasuring(Duration.ofSeconds(10));
            Bundle cpu25 = load(felix, dir, "bench.cpu25", 0.25, 0);
            Bundle cpu60 = load(felix, dir, "bench.cpu60", 0.60, 0);
            Bundle alloc10 = load(felix, dir, "bench.alloc10", 0, 10 * MB);
            Bundle alloc40 = load(felix, dir, "bench.alloc40", 0, 40 * MB);
            // a full window of load, and the second or so the recorder takes to deliver it
            Thread.sleep(window.plusMillis(2500).toMillis());
            Map<Long, Measured> measured = accounting.measureAll();
            List<BenchRow> rows = new ArrayList<>();
            rows.add(cpuRow(measured, cpu25, 25, window));
            rows.add(cpuRow(measured, cpu60, 60, window));
            rows.add(allocationRow(measured, alloc10, 10, window));
            rows.add(allocationRow(measured, alloc40, 40, window));
            return rows;
        }
    }

    private static Bundle load(EmbeddedFelix felix, Path dir, String name, double cpu, double alloc) throws Exception {
        Bundle bundle = felix.install(TestBundle.builder(name)
                .importPackage("org.osgi.framework")
                .activator(LoadActivator.class)
                .header("X-Load-Threads", "1")
                .header("X-Load-Cpu", Double.toString(cpu))
                .header("X-Load-Alloc", Double.toString(alloc))
                .writeToFolder(dir));
        bundle.start();
        return bundle;
    }

    private static BenchRow cpuRow(Map<Long, Measured> measured, Bundle bundle, double known, Duration window) {
        Measured m = measured.getOrDefault(bundle.getBundleId(), Measured.NONE);
        double error = m.cpuPercent() - known;
        return new BenchRow(
                String.format(Locale.ROOT, "accounting accuracy, CPU of a bundle busy %.0f%% of a core", known),
                "% core",
                m.cpuPercent(),
                "known share",
                known,
                Double.NaN,
                "within 10 pp",
                Math.abs(error) <= 10,
                String.format(
                        Locale.ROOT,
                        "error %+.1f pp over a %d s window; share of all samples %.2f; busy = share of wall time in Java"
                                + " code",
                        error,
                        window.toSeconds(),
                        m.cpuShare()));
    }

    private static BenchRow allocationRow(
            Map<Long, Measured> measured, Bundle bundle, double knownMb, Duration window) {
        Measured m = measured.getOrDefault(bundle.getBundleId(), Measured.NONE);
        double mb = m.allocationRate() / MB;
        double error = (mb - knownMb) / knownMb * 100;
        return new BenchRow(
                String.format(Locale.ROOT, "accounting accuracy, allocation of a bundle allocating %.0f MB/s", knownMb),
                "MB/s",
                mb,
                "known rate",
                knownMb,
                Double.NaN,
                "within 20%",
                Math.abs(error) <= 20,
                String.format(
                        Locale.ROOT, "error %+.1f%% over a %d s window (16 KB arrays)", error, window.toSeconds()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
