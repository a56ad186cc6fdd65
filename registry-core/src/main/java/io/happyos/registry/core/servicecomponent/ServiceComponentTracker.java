package io.happyos.registry.core.servicecomponent;

import io.happyos.registry.core.diagnose.ServiceDiagnosis;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes entries of service components: DS components (when Service Component Runtime is there)
 * and services named with {@code happyos.component.name}. Any service or bundle change schedules
 * one refresh on a thread of its own; refreshes that pile up are merged.
 */
public final class ServiceComponentTracker implements ServiceListener, BundleListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceComponentTracker.class);
    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";

    private final BundleContext context;
    private final ServiceComponents components;
    private final NamedServiceComponents named;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService refresher;
    private final ComponentStore store;
    private volatile ScrComponents scr;
    private ServiceTracker<Object, Object> scrTracker;

    /**
     * @param context the registry bundle's context
     * @param store the entries
     */
    public ServiceComponentTracker(
            BundleContext context, ComponentStore store, io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.refresher = threads.single("services");
        this.context = context;
        this.store = store;
        this.components = new ServiceComponents(store);
        this.named = new NamedServiceComponents(context, store);
    }

    /** Starts listening and makes the first refresh. */
    public void open() {
        context.addServiceListener(this);
        context.addBundleListener(this);
        scrTracker = new ServiceTracker<>(context, SCR, new ServiceTrackerCustomizer<>() {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object service = context.getService(ref);
                try {
                    scr = new ScrComponents(context, store, service);
                } catch (LinkageError | ClassCastException e) {
                    LOG.warn("DS components are not shown as components: the registry bundle cannot see the"
                            + " Service Component Runtime API (install and start SCR before the registry)");
                }
                refresh();
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<Object> ref, Object service) {
                refresh();
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                scr = null;
                refresh();
                context.ungetService(ref);
            }
        });
        scrTracker.open();
        refresh();
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        refresh();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        refresh();
    }

    /**
     * What Declarative Services knows about unsatisfied components, while SCR is there.
     *
     * @return the diagnosis; {@link ServiceDiagnosis#NONE} without SCR
     */
    public ServiceDiagnosis diagnosis() {
        ScrComponents current = scr;
        return current == null ? ServiceDiagnosis.NONE : current::gaps;
    }

    /** Schedules a refresh, unless one is already waiting to run. */
    public void refresh() {
        if (pending.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refreshNow);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    /**
     * Refreshes now and waits for it, e.g. so that start-up is over only once the service components
     * of the deployed bundles are entries.
     *
     * @param timeoutMillis how long to wait
     */
    public void refreshAndWait(long timeoutMillis) {
        try {
            refresher.submit(this::refreshNow).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("service components not refreshed: {}", e.toString());
        }
    }

    private void refreshNow() {
        pending.set(false);
        try {
            List<DesiredComponent> desired = new ArrayList<>(named.read());
            ScrComponents current = scr;
            if (current != null) {
                desired.addAll(current.read());
            }
            components.sync(desired);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("could not refresh the service components", e);
        }
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
        context.removeBundleListener(this);
        if (scrTracker != null) {
            scrTracker.close();
        }
        refresher.shutdown();
        try {
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
