package io.happyos.registry.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that works with one Configuration Admin service: the write-back listener, the files
 * applied at once, and the watcher. Made when the service arrives, closed when it goes.
 */
final class ConfigSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSession.class);

    private final Configurations configurations;
    private final FileWriteBack writeBack;
    private final ServiceRegistration<SynchronousConfigurationListener> listener;
    private final EtcWatcher watcher;
    private final ConfigSettings settings;

    private ConfigSession(
            Configurations configurations,
            FileWriteBack writeBack,
            ServiceRegistration<SynchronousConfigurationListener> listener,
            EtcWatcher watcher,
            ConfigSettings settings) {
        this.configurations = configurations;
        this.writeBack = writeBack;
        this.listener = listener;
        this.watcher = watcher;
        this.settings = settings;
    }

    /**
     * Applies the etc folder's files (on this thread, so that a bundle started after this one sees
     * its configuration), registers the write-back and starts the watcher.
     *
     * @param context this bundle's context
     * @param admin the service
     * @param settings the settings
     * @return the session
     */
    static ConfigSession start(BundleContext context, ConfigurationAdmin admin, ConfigSettings settings) {
        Configurations configurations = new Configurations(admin);
        ConfigApplier applier = new ConfigApplier(configurations);
        Path etc = settings.etc();
        FileWriteBack writeBack = new FileWriteBack(configurations, applier, etc);
        EtcWatcher watcher = null;
        if (etc != null) {
            watcher = new EtcWatcher(etc, applier, settings.settleMillis(), settings.rescanMillis());
            watcher.applyNow();
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.description", "HappyOS: writes configuration changes back to the etc folder");
        ServiceRegistration<SynchronousConfigurationListener> registration =
                context.registerService(SynchronousConfigurationListener.class, writeBack, props);
        if (watcher != null) {
            try {
                watcher.start();
            } catch (IOException e) {
                LOG.warn(
                        "cannot watch {}: {}; its files were applied once, changes to them are not seen",
                        etc,
                        e.toString());
            }
        }
        return new ConfigSession(configurations, writeBack, registration, watcher, settings);
    }

    /** @return Configuration Admin, as the commands use it */
    Configurations configurations() {
        return configurations;
    }

    /** @return the etc folder, or null */
    Path etc() {
        return settings.etc();
    }

    /**
     * @param pid a PID
     * @return what the last change did to its file
     */
    Optional<String> fileOutcome(String pid) {
        return writeBack.outcome(pid);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        try {
            listener.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.trace("write-back listener already unregistered", alreadyGone);
        }
    }
}
