package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.spi.LifecycleEvent;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the cluster named by {@code happyos.cluster}: starts the embedded ZooKeeper server when asked,
 * connects and claims the node name (a name taken refuses the start), and publishes at once the
 * lifecycle hook that holds singletons, so that it is there before the registry deploys anything.
 * When the registry service arrives, the member starts publishing, and the {@link ClusterRegistry}
 * service and the {@code cluster:*} commands are published.
 *
 * <p>Without {@code happyos.cluster} the bundle does nothing.
 */
public final class ClusterActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterActivator.class);
    static final String SCOPE = "cluster";

    private final AtomicReference<ClusterMember> member = new AtomicReference<>();
    private final InstancePicker picker = new InstancePicker();
    private volatile BundleContext context;
    private EmbeddedZooKeeper embedded;
    private ClusterConnection connection;
    private ServiceTracker<DynamicRegistry, ClusterMember> tracker;
    private ServiceRegistration<?> hook;
    private ServiceRegistration<?> service;
    private ServiceRegistration<?> commands;

    @Override
    public void start(BundleContext context) throws Exception {
        this.context = context;
        ClusterSettings settings;
        try {
            settings = ClusterSettings.read(context::getProperty);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusedException(e.getMessage(), e);
        }
        if (settings == null) {
            LOG.info("cluster: no happyos.cluster property; this container is standalone");
            return;
        }
        try {
            String connect = settings.connect();
            if (settings.embedded()) {
                embedded = EmbeddedZooKeeper.start(settings.storage().resolve("zookeeper"), settings.embeddedPort());
                connect = embedded.connectString();
            }
            connection = new ClusterConnection(settings, connect);
            connection.start();
        } catch (NodeNameTakenException | IllegalArgumentException | IllegalStateException e) {
            stopQuietly();
            throw new StartupRefusedException(e.getMessage(), e);
        }
        hook = context.registerService(LifecycleHook.class, this::holdSingleton, hookProperties());
        tracker = new ServiceTracker<>(context, DynamicRegistry.class, null) {
            @Override
            public ClusterMember addingService(ServiceReference<DynamicRegistry> reference) {
                DynamicRegistry registry = context.getService(reference);
                if (registry == null || member.get() != null) {
                    return null;
                }
                ClusterMember m = new ClusterMember(connection, context, registry);
                member.set(m);
                m.start();
                awaitFirstView(m);
                publishServices(context);
                return m;
            }

            @Override
            public void removedService(ServiceReference<DynamicRegistry> reference, ClusterMember m) {
                unpublishServices();
                member.compareAndSet(m, null);
                m.close();
                context.ungetService(reference);
            }
        };
        tracker.open();
        LOG.info(
                "cluster: node {} in namespace /{} (session timeout {})",
                settings.node(),
                settings.namespace(),
                settings.sessionTimeout());
    }

    private static void awaitFirstView(ClusterMember m) {
        try {
            if (m.staleSince() == null && !m.view().awaitLoaded(ClusterConnection.FIRST_CONNECT)) {
                LOG.info("cluster: the view is still loading; queries show what it has read so far");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Singletons are held until the member can tell whether this node leads them. */
    private void holdSingleton(LifecycleEvent event) {
        ClusterMember m = member.get();
        BundleContext context = this.context;
        Bundle bundle = null;
        if (event.entry() != null && event.entry().hasBundle()) {
            bundle = context.getBundle(event.entry().bundleId());
        }
        if (!ComponentPublisher.isSingleton(bundle)) {
            return;
        }
        if (m == null) {
            throw new ComponentHeldException(
                    event.componentId(), "singleton: this node has not joined the cluster yet");
        }
        m.beforeActivation(event);
    }

    private void publishServices(BundleContext context) {
        service = context.registerService(
                ClusterRegistry.class.getName(),
                new ServiceFactory<ClusterRegistry>() {
                    @Override
                    public ClusterRegistry getService(
                            Bundle bundle, ServiceRegistration<ClusterRegistry> registration) {
                        return new ClusterService(member::get, actor(bundle), picker);
                    }

                    @Override
                    public void ungetService(
                            Bundle bundle, ServiceRegistration<ClusterRegistry> registration, ClusterRegistry service) {
                        // nothing held per caller
                    }
                },
                null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", SCOPE);
        props.put("osgi.command.function", ClusterCommands.FUNCTIONS.clone());
        commands = context.registerService(
                ClusterCommands.class,
                new ClusterCommands(new ClusterService(member::get, "shell", picker), () -> System.out),
                props);
    }

    private void unpublishServices() {
        for (ServiceRegistration<?> registration : new ServiceRegistration<?>[] {commands, service}) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    LOG.trace("already unregistered", alreadyGone);
                }
            }
        }
        commands = null;
        service = null;
    }

    /** The audit log's name for a calling bundle, as the registry names it. */
    static String actor(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if ("io.happyos.registry.shell".equals(name) || "io.happyos.registry.cluster".equals(name)) {
            return "shell";
        }
        return "bundle:" + (name == null ? bundle.getBundleId() : name);
    }

    private static Dictionary<String, Object> hookProperties() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(LifecycleHook.PHASE_PROPERTY, LifecyclePhase.PRE_ACTIVATION.name());
        return props;
    }

    @Override
    public void stop(BundleContext context) {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        unpublishServices();
        if (hook != null) {
            try {
                hook.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.trace("already unregistered", alreadyGone);
            }
            hook = null;
        }
        stopQuietly();
    }

    private void stopQuietly() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
