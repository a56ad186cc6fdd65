package io.happyos.samples.config.internal;

import io.happyos.samples.config.ConfigService;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link ConfigService}. */
public final class ConfigManagerActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigManagerActivator.class);

    private static final Map<String, String> DEFAULTS = Map.of(
            "logger.level", "INFO",
            "logger.capacity", "100",
            "weather.city", "Stockholm",
            "weather.units", "metric");

    private ServiceRegistration<ConfigService> registration;

    @Override
    public void start(BundleContext context) {
        registration = context.registerService(
                ConfigService.class,
                new InMemoryConfigService(DEFAULTS),
                FrameworkUtil.asDictionary(Map.of("happyos.component.name", "config-manager")));
        LOG.info("config-manager started with {} default settings", DEFAULTS.size());
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        LOG.info("config-manager stopped");
    }
}
