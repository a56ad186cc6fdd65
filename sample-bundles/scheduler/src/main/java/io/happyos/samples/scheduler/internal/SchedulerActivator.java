package io.happyos.samples.scheduler.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the bundle is active, logs {@code scheduler tick on node X} at once and then every
 * {@link #INTERVAL}, on its own thread {@value #THREAD}. The bundle is a singleton
 * ({@code HappyOS-Singleton: true}): in a cluster only the node elected for it starts it, and the
 * cluster stops it on a node that loses the election, so there is one tick a period cluster-wide.
 * {@link #stop} waits for that thread to end: nothing of the bundle runs once it is stopped.
 */
public final class SchedulerActivator implements BundleActivator {

    /** How often it ticks. */
    static final Duration INTERVAL = Duration.ofSeconds(10);

    /** The name of its one thread. */
    static final String THREAD = "scheduler-tick";

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerActivator.class);
    /** How long {@link #stop} waits for a tick that is running to end. */
    private static final long STOP_WAIT_SECONDS = 5;

    private NodeName nodeName;
    private ScheduledExecutorService ticks;

    @Override
    public void start(BundleContext context) {
        nodeName = NodeName.of(context);
        ticks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD);
            thread.setDaemon(true);
            return thread;
        });
        Supplier<String> node = nodeName;
        ticks.scheduleAtFixedRate(
                () -> LOG.info("scheduler tick on node {}", node.get()), 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("scheduler started: a tick every {} s", INTERVAL.toSeconds());
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        ticks.shutdownNow();
        try {
            if (!ticks.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("scheduler: a tick still runs {} s after stop", STOP_WAIT_SECONDS);
            }
        } finally {
            nodeName.close();
        }
        LOG.info("scheduler stopped");
    }
}
