package io.happyos.samples.slow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts slowly: waits until the file named by the framework property {@value #GATE_PROPERTY}
 * exists (at most {@value #MAX_WAIT_SECONDS} s), so that tests can look at the registry while an
 * activation is in progress.
 */
public final class SlowActivator implements BundleActivator {

    /** Framework property naming the file whose appearance lets the start finish. */
    public static final String GATE_PROPERTY = "happyos.test.slow.gate";

    static final long MAX_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(SlowActivator.class);

    @Override
    public void start(BundleContext context) throws InterruptedException {
        String gate = context.getProperty(GATE_PROPERTY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        LOG.info("slow-activator starting: waiting for {}", gate);
        while (gate != null && !Files.exists(Path.of(gate)) && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling a file: the only signal a test can send across class loaders
        }
        LOG.info("slow-activator started");
    }

    @Override
    public void stop(BundleContext context) {
        LOG.info("slow-activator stopped");
    }
}
