package io.happyos.registry.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    static final String READY_FILTER =
            "(&(objectClass=io.happyos.registry.DynamicRegistry)(happyos.registry.state=ready))";

    private RegistryReadiness() {
    }

    /**
     * Blocks until the ready service exists.
     *
     * @param context a bundle context of the running framework
     * @param timeout how long to wait
     * @throws StartupException when the registry is not ready in time, or the wait is interrupted
     */
    static void await(BundleContext context, Duration timeout) throws StartupException {
        CountDownLatch ready = new CountDownLatch(1);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED || event.getType() == ServiceEvent.MODIFIED) {
                ready.countDown();
            }
        };
        try {
            Filter filter = context.createFilter(READY_FILTER);
            context.addServiceListener(listener, READY_FILTER);
            try {
                if (context.getServiceReferences((String) null, filter.toString()) != null) {
                    return;
                }
                if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new StartupException("The registry did not become ready within " + timeout.toSeconds()
                            + " s (no DynamicRegistry service with happyos.registry.state=ready). See the log.");
                }
            } finally {
                context.removeServiceListener(listener);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Bad filter " + READY_FILTER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for the registry to become ready", e);
        }
    }
}
