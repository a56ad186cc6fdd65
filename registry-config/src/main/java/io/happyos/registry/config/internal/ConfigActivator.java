package io.happyos.registry.config.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks Configuration Admin: while it is there, a {@link ConfigSession} applies, watches and
 * writes back the etc folder's files. Publishes the {@code config:*} commands, which say so when
 * Configuration Admin is missing. Configuration Admin is installed and started before this bundle,
 * and this one before the registry core, so the files are applied before the core deploys the
 * bundles folder.
 */
public final class ConfigActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigActivator.class);

    private ServiceTracker<ConfigurationAdmin, ConfigSession> tracker;
    private ServiceRegistration<ConfigCommands> commands;
    private ConfigAudit audit;

    @Override
    public void start(BundleContext context) {
        ConfigSettings settings = ConfigSettings.read(context);
        if (settings.etc() == null) {
            LOG.info(
                    "no etc folder ({} unset): configuration files are neither applied nor written",
                    ConfigSettings.ETC_DIR);
        }
        tracker = new ServiceTracker<>(context, ConfigurationAdmin.class, new Sessions(context, settings));
        tracker.open();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", ConfigCommands.SCOPE);
        props.put("osgi.command.function", ConfigCommands.FUNCTIONS.clone());
        audit = new ConfigAudit(context);
        commands = context.registerService(ConfigCommands.class, new ConfigCommands(tracker::getService, audit), props);
    }

    @Override
    public void stop(BundleContext context) {
        if (commands != null) {
            try {
                commands.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.trace("config commands already unregistered", alreadyGone);
            }
            commands = null;
        }
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        if (audit != null) {
            audit.close();
            audit = null;
        }
    }

    /** A session per Configuration Admin service (the runtime has one). */
    private static final class Sessions implements ServiceTrackerCustomizer<ConfigurationAdmin, ConfigSession> {

        private final BundleContext context;
        private final ConfigSettings settings;

        Sessions(BundleContext context, ConfigSettings settings) {
            this.context = context;
            this.settings = settings;
        }

        @Override
        public ConfigSession addingService(ServiceReference<ConfigurationAdmin> reference) {
            ConfigurationAdmin admin = context.getService(reference);
            return admin == null ? null : ConfigSession.start(context, admin, settings);
        }

        @Override
        public void modifiedService(ServiceReference<ConfigurationAdmin> reference, ConfigSession session) {
            // nothing depends on its properties
        }

        @Override
        public void removedService(ServiceReference<ConfigurationAdmin> reference, ConfigSession session) {
            session.close();
            context.ungetService(reference);
        }
    }
}
