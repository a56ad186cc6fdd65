package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.spi.LifecycleEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This container as a member of the cluster, once its registry is there: publishes its
 * components, keeps the view, answers other nodes' requests, takes part in singleton elections and
 * publishes the ledger of the cluster's quotas while it has a session.
 * Created by the activator when the registry service arrives, closed when it goes.
 *
 * <p>Threads: the event thread ({@code happyos-cluster}) owns the publisher and handles connection
 * changes; the worker thread ({@code happyos-cluster-work}) carries out requests and singleton
 * changes, which may wait for the registry.
 */
final class ClusterMember implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);
    private static final long SYNC_MILLIS = 1000;
    static final String ACTOR = "cluster";

    private final ClusterConnection connection;
    private final ClusterSettings settings;
    private final BundleContext context;
    private final DynamicRegistry registry;
    private final ScheduledExecutorService events;
    private final ExecutorService worker;
    private final ComponentPublisher publisher;
    private final RemoteRequests requests;
    private final ClusterView view;
    private final SingletonElections singletons;
    private final CuratorCache cache;
    private final QuotaLedgerPublication quotas;
    private Registration statusListener;
    /** The reason each held singleton was last given, by component id. */
    private final java.util.Map<String, String> heldFor = new java.util.concurrent.ConcurrentHashMap<>();

    ClusterMember(ClusterConnection connection, BundleContext context, DynamicRegistry registry) {
        this.connection = connection;
        this.settings = connection.settings();
        this.context = context;
        this.registry = registry;
        CuratorFramework client = connection.client();
        this.events = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "happyos-cluster"));
        this.worker = Executors.newSingleThreadExecutor(r -> thread(r, "happyos-cluster-work"));
        this.publisher = new ComponentPublisher(client, settings, registry, context);
        LocalOperations local = new LocalOperations(settings.node(), registry);
        this.requests = new RemoteRequests(client, settings.node(), local, worker);
        this.view = new ClusterView(settings.node(), requests);
        requests.liveNodes(view::hasNode, connection::staleSince);
        DynamicRegistry asCluster = registry.actingFor(ACTOR);
        this.singletons = new SingletonElections(client, settings.node(), worker, new SingletonElections.Actions() {
            @Override
            public void activate(String id) {
                local.carryOut(LocalOperations.ACTIVATE, id, ACTOR);
            }

            @Override
            public void deactivate(String id) {
                asCluster
                        .findComponent(id)
                        .filter(e -> e.status() == ComponentStatus.ACTIVE)
                        .ifPresent(e -> local.carryOut(LocalOperations.DEACTIVATE, id, ACTOR));
            }
        });
        this.quotas = new QuotaLedgerPublication(context, connection);
        // the storage makes the cache report records that came back changed at the same version
        this.cache = CuratorCache.builder(client, "/")
                .withStorage(new ReloadingCacheStorage())
                .build();
    }

    ClusterView view() {
        return view;
    }

    RemoteRequests requests() {
        return requests;
    }

    SingletonElections singletons() {
        return singletons;
    }

    ClusterSettings settings() {
        return settings;
    }

    DynamicRegistry registry() {
        return registry;
    }

    Instant staleSince() {
        return connection.staleSince();
    }

    void start() {
        cache.listenable().addListener(view);
        cache.start();
        statusListener = registry.lifecycle().addStatusListener((id, from, to) -> onEvents(() -> published(id)));
        connection.onSession(() -> onEvents(this::rejoined));
        connection.onSuspended(() -> LOG.warn("cluster: the ZooKeeper connection is suspended; this node's view is "
                + "stale and its singletons stop here until it is back"));
        // at once, not behind the event thread's work: the units of this node went with its session
        connection.onLost(quotas::withdraw);
        events.execute(this::rejoined);
        events.scheduleWithFixedDelay(this::sync, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Called (by the registry, on its thread, through the activator's hook) before a singleton
     * starts: one that this node does not lead is held INACTIVE, with the reason.
     */
    void beforeActivation(LifecycleEvent event) {
        String name = event.component().name();
        if (!connection.isConnected()) {
            throw new ComponentHeldException(
                    event.componentId(),
                    "singleton: this node is not connected to the cluster, so it cannot know where " + name + " runs");
        }
        singletons.join(name, event.componentId());
        if (!singletons.leads(name)) {
            String reason = singletons.holdReason(name, view.components(null, null, ComponentStatus.ACTIVE));
            heldFor.put(event.componentId(), reason);
            throw new ComponentHeldException(event.componentId(), reason);
        }
        heldFor.remove(event.componentId());
    }

    /** Runs a task on the event thread; once the member is closed, there is nothing to do. */
    private void onEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException closed) {
            LOG.trace("cluster member closed", closed);
        }
    }

    private void rejoined() {
        if (!connection.isConnected()) {
            return;
        }
        try {
            publisher.publishAll();
            electSingletons();
            quotas.maintain();
            LOG.info("cluster: node {} published {} components", settings.node(), publisher.count());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (events.isShutdown()) {
                LOG.debug("cluster: publishing interrupted by the node's stop", e);
                return;
            }
            LOG.warn(
                    "cluster: cannot publish this node's components yet ({}); trying again",
                    LocalOperations.message(e));
        }
    }

    private void published(String id) {
        if (!connection.isConnected()) {
            return;
        }
        try {
            publisher.publish(id);
        } catch (Exception e) {
            LOG.debug("cluster: cannot publish {} now; the next sync will", id, e);
        }
    }

    private void sync() {
        if (!connection.isConnected()) {
            return;
        }
        try {
            publisher.sync();
            electSingletons();
            quotas.maintain();
        } catch (RuntimeException e) {
            LOG.warn("cluster: sync failed; trying again", e);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("cluster: sync failed; trying again", e);
        }
    }

    /**
     * Joins the election of every singleton this node has; one ACTIVE here without leadership (the
     * framework started it behind the registry's back) is deactivated.
     */
    private void electSingletons() {
        Set<String> names = new HashSet<>();
        for (RegistryEntry entry : registry.listComponents()) {
            Bundle bundle = entry.hasBundle() ? context.getBundle(entry.bundleId()) : null;
            if (!ComponentPublisher.isSingleton(bundle)) {
                continue;
            }
            String name = entry.component().name();
            names.add(name);
            singletons.join(name, entry.id());
            String id = entry.id();
            if (entry.status() == ComponentStatus.ACTIVE && !singletons.leads(name)) {
                worker.execute(() -> {
                    if (!singletons.leads(name)) {
                        LOG.warn("cluster: singleton {} is ACTIVE here without leading it; deactivating it", name);
                        registry.actingFor(ACTOR).deactivateComponent(id);
                    }
                });
            } else if (heldFor.containsKey(id) && !singletons.leads(name)) {
                refreshHold(name, id);
            }
        }
        singletons.retain(names);
    }

    /**
     * A held singleton's reason names where it runs; when that changes (the leader moved, or started
     * at last), the hook is asked again, so that {@code registry:why} here tells the truth.
     */
    private void refreshHold(String name, String id) {
        String now = singletons.holdReason(name, view.components(null, null, ComponentStatus.ACTIVE));
        if (!now.equals(heldFor.get(id))) {
            heldFor.put(id, now);
            worker.execute(() -> registry.actingFor(ACTOR).activateComponent(id));
        }
    }

    @Override
    public void close() {
        quotas.withdraw();
        close(statusListener);
        events.shutdownNow();
        singletons.close();
        cache.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Registration registration) {
        if (registration != null) {
            try {
                registration.close();
            } catch (RuntimeException e) {
                LOG.debug("already closed", e);
            }
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
