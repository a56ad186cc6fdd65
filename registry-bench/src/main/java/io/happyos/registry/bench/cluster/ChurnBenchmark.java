package io.happyos.registry.bench.cluster;

import io.happyos.registry.Registration;
import io.happyos.registry.bench.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Churn: many simulated nodes ({@link SimulatedNode}, one Curator client each) change their
 * components at a fixed rate, and a real node's view ({@code ClusterRegistry} listener) observes
 * them. Measured: from each write (the call to {@code setData}) to the observer's listener, and how
 * many of the writes it saw, over a window after a warm-up.
 */
final class ChurnBenchmark {

    /**
     * What was measured.
     *
     * @param nodes simulated nodes
     * @param componentsPerNode components each publishes
     * @param changesPerSecond changes each node was asked to make per second
     * @param windowSeconds the measuring window
     * @param written writes made in the window
     * @param seen of those, the ones the observer saw
     * @param latencies from write to observer, of the ones seen
     * @param writeFailures writes that failed (whole run)
     * @param recordBytes the size of one record
     */
    record Result(
            int nodes,
            int componentsPerNode,
            int changesPerSecond,
            double windowSeconds,
            int written,
            int seen,
            Latencies latencies,
            int writeFailures,
            int recordBytes) {

        /** @return the rate asked for, all nodes together */
        double askedPerSecond() {
            return (double) nodes * changesPerSecond;
        }

        /** @return the writes made per second in the window */
        double writtenPerSecond() {
            return written / windowSeconds;
        }

        /** @return the writes of the window the observer saw, per second of the window */
        double seenPerSecond() {
            return seen / windowSeconds;
        }
    }

    private static final String PREFIX = "sim-";
    private static final int WRITER_THREADS = 4;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private ChurnBenchmark() {}

    /**
     * Starts the simulated nodes, waits until the observer sees all their components, lets them
     * change for the warm-up and then for the window, and waits (at most 5 s) for the window's
     * last changes to arrive.
     *
     * @param connect the server
     * @param observer the real node whose view observes
     * @param nodes how many simulated nodes
     * @param components components per node
     * @param changesPerSecond changes per node per second
     * @param warmup unmeasured time first
     * @param window the measuring window
     * @return the figures
     * @throws Exception when a node cannot start or the observer does not see them
     */
    static Result run(
            String connect,
            RealNode observer,
            int nodes,
            int components,
            int changesPerSecond,
            Duration warmup,
            Duration window)
            throws Exception {
        ChurnLog log = new ChurnLog();
        AtomicInteger failures = new AtomicInteger();
        List<SimulatedNode> simulated = new ArrayList<>();
        ScheduledExecutorService writers = Executors.newScheduledThreadPool(WRITER_THREADS, r -> {
            Thread t = new Thread(r, "bench-churn-writer");
            t.setDaemon(true);
            return t;
        });
        Registration listener = observer.cluster.addListener((node, id, component) -> {
            if (component != null && node.startsWith(PREFIX)) {
                log.seen(node, component.entry().accessCount(), System.nanoTime());
            }
        });
        try {
            for (int i = 0; i < nodes; i++) {
                simulated.add(
                        SimulatedNode.start(connect, String.format(Locale.ROOT, "%s%02d", PREFIX, i), components, log));
            }
            awaitView(observer, nodes * components);
            List<ScheduledFuture<?>> changing = new ArrayList<>();
            long period = TimeUnit.SECONDS.toNanos(1) / changesPerSecond;
            for (int i = 0; i < nodes; i++) {
                SimulatedNode node = simulated.get(i);
                changing.add(writers.scheduleAtFixedRate(
                        () -> {
                            try {
                                node.changeNext();
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                        },
                        i * period / nodes,
                        period,
                        TimeUnit.NANOSECONDS));
            }
            Thread.sleep(warmup.toMillis());
            log.open();
            Thread.sleep(window.toMillis());
            log.close();
            changing.forEach(f -> f.cancel(false));
            writers.shutdown();
            if (!writers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the simulated nodes' writes did not end within 10 s");
            }
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (log.unseen() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return new Result(
                    nodes,
                    components,
                    changesPerSecond,
                    log.windowSeconds(),
                    log.written(),
                    log.seen(),
                    log.latencies(),
                    failures.get(),
                    simulated.get(0).recordBytes());
        } finally {
            listener.close();
            writers.shutdownNow();
            simulated.forEach(SimulatedNode::close);
        }
    }

    private static void awaitView(RealNode observer, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (observer.cluster.getComponents(null, null, null).stream()
                        .filter(c -> c.node().startsWith(PREFIX))
                        .count()
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the observer did not see the " + expected + " simulated components within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
