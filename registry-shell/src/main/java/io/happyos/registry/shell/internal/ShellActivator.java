package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link DynamicRegistry} service and publishes the {@code registry:*} commands for
 * Gogo, and the {@code log:*} commands. The commands are there even while the registry (or the
 * launcher's log control) is not: they then fail saying so.
 */
public final class ShellActivator implements BundleActivator {

    /** The Gogo scope of every command here. */
    static final String SCOPE = "registry";

    private static final Logger LOG = LoggerFactory.getLogger(ShellActivator.class);

    private ServiceTracker<DynamicRegistry, DynamicRegistry> tracker;
    private RemoteActors remoteActors;
    private LogControlClient logControl;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    /** The options of every command published, for completion. */
    private final CommandSyntax syntax = new CommandSyntax();

    @Override
    public void start(BundleContext context) {
        tracker = new ServiceTracker<>(context, DynamicRegistry.class, null);
        tracker.open();
        remoteActors = RemoteActors.track(context);
        CommandContext ctx = CommandContext.standard(new RegistryLookup(tracker::getService, remoteActors));
        publish(context, ComponentCommands.class, new ComponentCommands(ctx), ComponentCommands.FUNCTIONS);
        publish(context, LifecycleCommands.class, new LifecycleCommands(ctx), LifecycleCommands.FUNCTIONS);
        publish(context, DependencyCommands.class, new DependencyCommands(ctx), DependencyCommands.FUNCTIONS);
        publish(context, InstanceCommands.class, new InstanceCommands(ctx), InstanceCommands.FUNCTIONS);
        publish(context, IndexCommands.class, new IndexCommands(ctx), IndexCommands.FUNCTIONS);
        publish(context, StatsCommands.class, new StatsCommands(ctx), StatsCommands.FUNCTIONS);
        publish(context, GraphCommands.class, new GraphCommands(ctx), GraphCommands.FUNCTIONS);
        publish(context, VersionCommands.class, new VersionCommands(ctx), VersionCommands.FUNCTIONS);
        publish(context, AuditCommands.class, new AuditCommands(ctx), AuditCommands.FUNCTIONS);
        publish(context, DiagnosticCommands.class, new DiagnosticCommands(ctx), DiagnosticCommands.FUNCTIONS);
        publish(context, TreeCommands.class, new TreeCommands(ctx), TreeCommands.FUNCTIONS);
        publish(context, EventCommands.class, new EventCommands(ctx), EventCommands.FUNCTIONS);
        publish(context, TopCommands.class, new TopCommands(ctx), TopCommands.FUNCTIONS);
        publish(context, UsageCommands.class, new UsageCommands(ctx), UsageCommands.FUNCTIONS);
        publish(context, SettingsCommands.class, new SettingsCommands(ctx, context), SettingsCommands.FUNCTIONS);
        publish(context, ProvisionCommands.class, new ProvisionCommands(ctx), ProvisionCommands.FUNCTIONS);
        publish(context, ResourceCommands.class, new ResourceCommands(ctx), ResourceCommands.FUNCTIONS);
        publish(context, QuotaCommands.class, new QuotaCommands(ctx), QuotaCommands.FUNCTIONS);
        publish(context, AdviceCommands.class, new AdviceCommands(ctx), AdviceCommands.FUNCTIONS);
        // completes the options of every command published here (read by publish, whatever the order)
        publish(context, CompletionCommands.class, new CompletionCommands(ctx, syntax), CompletionCommands.FUNCTIONS);
        // the log:* commands, Karaf's scope: the launcher's logging, through its log control service
        logControl = LogControlClient.track(context);
        registrations.add(publishScoped(
                context,
                LogCommands.class,
                new LogCommands(ctx, logControl),
                LogCommands.SCOPE,
                LogCommands.FUNCTIONS));
        LOG.debug("registry shell commands published");
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.trace("command service already unregistered", alreadyGone);
            }
        }
        registrations.clear();
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        if (remoteActors != null) {
            remoteActors.close();
            remoteActors = null;
        }
        if (logControl != null) {
            logControl.close();
            logControl = null;
        }
    }

    private <T> void publish(BundleContext context, Class<T> type, T commands, String[] functions) {
        syntax.add(type, functions);
        registrations.add(publishScoped(context, type, commands, SCOPE, functions));
    }

    private static <T> ServiceRegistration<T> publishScoped(
            BundleContext context, Class<T> type, T commands, String scope, String[] functions) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", scope);
        props.put("osgi.command.function", functions.clone());
        return context.registerService(type, commands, props);
    }
}
