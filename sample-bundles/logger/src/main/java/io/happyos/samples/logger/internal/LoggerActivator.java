package io.happyos.samples.logger.internal;

import io.happyos.samples.config.ConfigService;
import io.happyos.samples.logger.LoggerService;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link LoggerService}, configured by whichever ConfigService is current. */
public final class LoggerActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerActivator.class);

    private ServiceTracker<ConfigService, ConfigService> configTracker;
    private ServiceRegistration<LoggerService> registration;

    @Override
    public void start(BundleContext context) {
        configTracker = new ServiceTracker<>(context, ConfigService.class, null);
        configTracker.open();
        ConfigService config = configTracker.getService();
        if (config == null) {
            LOG.warn("No ConfigService yet: logging at INFO with default capacity until one appears");
        }
        int capacity = config == null ? 100 : Integer.parseInt(config.get("logger.capacity", "100"));
        LoggerService service = new ConfiguredLoggerService(configTracker::getService, capacity);
        registration = context.registerService(
                LoggerService.class, service, FrameworkUtil.asDictionary(Map.of("happyos.component.name", "logger")));
        service.info("logger", "logger started, keeping " + capacity + " entries");
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        configTracker.close();
        LOG.info("logger stopped");
    }
}
