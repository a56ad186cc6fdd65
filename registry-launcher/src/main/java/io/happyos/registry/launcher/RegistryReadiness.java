package io.happyos.registry.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Waits until registry-core has deployed the bundles folder: its DynamicRegistry service carries
 * {@code happyos.registry.state=ready}. Matches by filter string only, so the launcher never loads
 * a registry class (pitfall 2).
 */
final class RegistryReadiness {

    /** How often a waiting caller's tick runs. */
    static final long TICK_MILLIS = 100;

    static final String READY_FILTER =
            "(&(objectClass=io.happyos.registry.DynamicRegistry)(happyos.registry.state=ready))";

    private RegistryReadiness() {}

    /**
     * Blocks until the ready service exists.
     *
     * @param context a bundle context of the running framework
     * @param timeout how long to wait
     * @throws StartupException when the registry is not ready in time, or the wait is interrupted
     */
    static void await(BundleContext context, Duration timeout) throws StartupException {
        if (!await(context, timeout, () -> {})) {
            throw new StartupException("The registry did not become ready within " + timeout.toSeconds()
                    + " s (no DynamicRegistry service with happyos.registry.state=ready). See the log.");
        }
    }

    /**
     * Blocks until the ready service exists, calling {@code tick} every {@value #TICK_MILLIS} ms
     * meanwhile (to redraw a progress line).
     *
     * @param context a bundle context of the running framework
     * @param timeout how long to wait
     * @param tick called on this thread while waiting
     * @return whether the registry became ready in time
     * @throws StartupException when the wait is interrupted
     */
    static boolean await(BundleContext context, Duration timeout, Runnable tick) throws StartupException {
        CountDownLatch ready = new CountDownLatch(1);
        // all services: an embedding application may load DynamicRegistry from its own class path
        ServiceListener listener = (AllServiceListener) event -> {
            if (event.getType() == ServiceEvent.REGISTERED || event.getType() == ServiceEvent.MODIFIED) {
                ready.countDown();
            }
        };
        try {
            Filter filter = context.createFilter(READY_FILTER);
            context.addServiceListener(listener, READY_FILTER);
            try {
                if (context.getAllServiceReferences(null, filter.toString()) != null) {
                    return true;
                }
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!ready.await(
                        Math.min(TICK_MILLIS, Math.max(0, deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() >= deadline) {
                        return false;
                    }
                    tick.run();
                }
                return true;
            } finally {
                try {
                    context.removeServiceListener(listener);
                } catch (IllegalStateException stopped) {
                    // the framework stopped meanwhile (SIGTERM, Ctrl-C): its listeners are gone anyway
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Bad filter " + READY_FILTER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for the registry to become ready", e);
        }
    }
}
