package io.happyos.registry.core.lifecycle;

import io.happyos.registry.core.bundle.BundleComponents;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's mark to start a bundle (its persistent autostart setting), which makes the
 * framework start the bundle by itself: cleared for a bundle that waits, so that a restart does not
 * start it past what blocks it; and waited on when the framework, still raising its start level,
 * took a start from another thread as a mark only and starts the bundle itself moments later.
 */
final class StartMarks {

    private static final Logger LOG = LoggerFactory.getLogger(StartMarks.class);
    /** How long a bundle marked during start-up may take to be started by the framework. */
    private static final long AWAIT_MILLIS_AT_MOST = 5000;

    private StartMarks() {}

    /**
     * Clears the mark of a bundle that is not started (stopping a bundle that is not active only
     * clears its mark).
     *
     * @param bundle the bundle, or {@code null}
     * @param id its component, for the log
     */
    static void clear(Bundle bundle, String id) {
        if (bundle == null
                || (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0
                || !BundleComponents.isMarkedToStart(bundle)) {
            return;
        }
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("cannot keep the framework from starting {} while it waits: {}", id, e.getMessage());
        }
    }

    /**
     * Waits, up to the timeout and 5 s at most, for the framework to start (or stop) a bundle that
     * is marked to start but not active yet; returns at once for one that is not marked.
     *
     * @param context any bundle context
     * @param bundle the bundle
     * @param timeout the activation timeout
     */
    static void awaitStartedByFramework(BundleContext context, Bundle bundle, Duration timeout) {
        CountDownLatch settled = new CountDownLatch(1);
        BundleListener listener = event -> {
            if (event.getBundle().equals(bundle)
                    && (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.STOPPED)) {
                settled.countDown();
            }
        };
        context.addBundleListener(listener);
        try {
            if (BundleComponents.isMarkedToStart(bundle) && bundle.getState() != Bundle.ACTIVE) {
                settled.await(Math.min(timeout.toMillis(), AWAIT_MILLIS_AT_MOST), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.removeBundleListener(listener);
        }
    }
}
