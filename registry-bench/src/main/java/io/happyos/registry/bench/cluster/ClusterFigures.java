package io.happyos.registry.bench.cluster;

import io.happyos.registry.bench.BenchRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.curator.test.TestingServer;

/**
 * The suite's {@code cluster} part: on one ZooKeeper server in this JVM (curator-test), two real
 * nodes measure the propagation of a status change against bare Curator ({@link PropagationBenchmark}),
 * then one of them observes 20 simulated nodes' churn ({@link ChurnBenchmark}).
 */
public final class ClusterFigures {

    private static final double PROPAGATION_P99_GOAL_MS = 100;
    private static final double WITHIN = 1.5;
    private static final double CHURN_P99_GOAL_MS = 1000;
    private static final int CHURN_NODES = 20;
    private static final int CHURN_COMPONENTS = 10;
    private static final int CHURN_RATE = 10;

    private final Path bundles;
    private final boolean quick;

    /**
     * @param bundles the folder of bench bundles (the registry's and registry-cluster.jar)
     * @param quick the suite's short mode: fewer changes, a shorter churn window
     */
    public ClusterFigures(Path bundles, boolean quick) {
        this.bundles = bundles;
        this.quick = quick;
    }

    /**
     * Runs both benchmarks.
     *
     * @return the rows: propagation p50 and p99 against bare Curator, p99 against its goal, the
     *     cluster layer's share against bare Curator, churn p99 and events per second
     * @throws Exception when a node does not start or a change is not seen
     */
    public List<BenchRow> rows() throws Exception {
        Path jars = Files.createTempDirectory("happyos-bench-cluster-");
        try (TestingServer server = LoopbackServer.start()) {
            String connect = server.getConnectString();
            PropagationBenchmark.Result propagation;
            ChurnBenchmark.Result churn;
            try (RealNode b = RealNode.start(bundles, connect, "beta")) {
                try (RealNode a = RealNode.start(bundles, connect, "alpha")) {
                    propagation = PropagationBenchmark.run(connect, a, b, jars, quick ? 20 : 50, quick ? 60 : 200);
                }
                System.out.printf(
                        Locale.ROOT,
                        "   propagation: ours p50 %.2f ms p99 %.2f ms (to A's status listener p50 %.2f ms, from it"
                                + " p50 %.2f ms); bare p50 %.2f ms p99 %.2f ms%n",
                        propagation.ours().percentileMillis(50),
                        propagation.ours().percentileMillis(99),
                        propagation.localPart().percentileMillis(50),
                        propagation.clusterPart().percentileMillis(50),
                        propagation.bare().percentileMillis(50),
                        propagation.bare().percentileMillis(99));
                churn = ChurnBenchmark.run(
                        connect,
                        b,
                        CHURN_NODES,
                        CHURN_COMPONENTS,
                        CHURN_RATE,
                        Duration.ofSeconds(quick ? 2 : 3),
                        Duration.ofSeconds(quick ? 5 : 20));
                System.out.printf(
                        Locale.ROOT,
                        "   churn: %d written, %d seen in %.1f s; p50 %.2f ms p99 %.2f ms%n",
                        churn.written(),
                        churn.seen(),
                        churn.windowSeconds(),
                        churn.latencies().percentileMillis(50),
                        churn.latencies().percentileMillis(99));
            }
            List<BenchRow> rows = new ArrayList<>(propagationRows(propagation));
            rows.addAll(churnRows(churn));
            return rows;
        } finally {
            delete(jars);
        }
    }

    private static List<BenchRow> propagationRows(PropagationBenchmark.Result r) {
        String anchor = "bare Curator: setData → another client's CuratorCache";
        String bare = String.format(
                Locale.ROOT,
                "Bare: one client's setData of A's own record bytes (%d B), another client's CuratorCache over its "
                        + "namespace, bytes compared. Same server (curator-test, this JVM), %d changes each, "
                        + "alternating, 0-20 ms apart",
                r.recordBytes(),
                r.ours().count());
        String whole = "ours: from activateComponent/deactivateComponent on node A (a bundle without activator) to node"
                + " B's ClusterRegistry listener with the new status: A's registry starts or stops the bundle (p50 "
                + millis(r.localPart().percentileMillis(50))
                + " until A's status listeners), A's cluster thread writes the record, B's view reads and parses it. ";
        String layer = "ours: from A's status listener (the registry's part subtracted, change by change) to B's "
                + "ClusterRegistry listener: what registry-cluster adds to bare Curator's publishing and caching. ";
        List<BenchRow> rows = new ArrayList<>();
        for (int percent : List.of(50, 99)) {
            rows.add(againstBare(
                    "cluster: status change → other node's view, p" + percent,
                    r.ours().percentileMillis(percent),
                    anchor,
                    r.bare().percentileMillis(percent),
                    whole + bare));
        }
        double p99 = r.ours().percentileMillis(99);
        rows.add(BenchRow.absolute(
                "cluster: status change → other node's view, p99, absolute",
                "ms",
                p99,
                "≤ " + (int) PROPAGATION_P99_GOAL_MS + " ms",
                p99 <= PROPAGATION_P99_GOAL_MS,
                "two real nodes on one machine; p50 " + millis(r.ours().percentileMillis(50))));
        for (int percent : List.of(50, 99)) {
            rows.add(againstBare(
                    "cluster: A's status listener → other node's view (the cluster layer), p" + percent,
                    r.clusterPart().percentileMillis(percent),
                    anchor,
                    r.bare().percentileMillis(percent),
                    layer + bare));
        }
        return rows;
    }

    private static BenchRow againstBare(String benchmark, double ours, String anchor, double bare, String note) {
        return BenchRow.fasterThan(
                benchmark,
                "ms",
                ours,
                anchor,
                bare,
                1 / WITHIN,
                "within " + WITHIN + "×",
                note + String.format(Locale.ROOT, "; ours/bare = %.2f×", ours / bare));
    }

    private static List<BenchRow> churnRows(ChurnBenchmark.Result r) {
        String setup = String.format(
                Locale.ROOT,
                "%d simulated nodes (one Curator client each) × %d components (%d B records, registry format), "
                        + "%d changes/s each (%.0f/s asked, %.1f/s written) for %.0f s after warm-up; observer: a "
                        + "real node's ClusterRegistry listener",
                r.nodes(),
                r.componentsPerNode(),
                r.recordBytes(),
                r.changesPerSecond(),
                r.askedPerSecond(),
                r.writtenPerSecond(),
                r.windowSeconds());
        double p99 = r.latencies().percentileMillis(99);
        int lost = r.written() - r.seen();
        return List.of(
                BenchRow.absolute(
                        "cluster churn: write → observer's view, p99",
                        "ms",
                        p99,
                        "< " + (int) CHURN_P99_GOAL_MS + " ms",
                        p99 < CHURN_P99_GOAL_MS,
                        "p50 " + millis(r.latencies().percentileMillis(50)) + "; " + setup),
                BenchRow.absolute(
                        "cluster churn: changes seen by the observer",
                        "events/s",
                        r.seenPerSecond(),
                        "every change written (" + (int) r.askedPerSecond() + "/s)",
                        lost == 0 && r.writeFailures() == 0 && r.writtenPerSecond() >= 0.95 * r.askedPerSecond(),
                        String.format(
                                Locale.ROOT,
                                "%d written, %d seen, %d not seen (a cache coalesces changes it reads late), %d "
                                        + "writes failed; %s",
                                r.written(),
                                r.seen(),
                                lost,
                                r.writeFailures(),
                                setup)));
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
