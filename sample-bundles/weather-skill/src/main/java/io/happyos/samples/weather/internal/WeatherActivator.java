package io.happyos.samples.weather.internal;

import io.happyos.samples.config.ConfigService;
import io.happyos.samples.logger.LoggerService;
import io.happyos.samples.weather.WeatherService;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link WeatherService} skill. */
public final class WeatherActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(WeatherActivator.class);

    private ServiceTracker<ConfigService, ConfigService> configTracker;
    private ServiceTracker<LoggerService, LoggerService> loggerTracker;
    private ServiceRegistration<WeatherService> registration;

    @Override
    public void start(BundleContext context) {
        configTracker = new ServiceTracker<>(context, ConfigService.class, null);
        configTracker.open();
        loggerTracker = new ServiceTracker<>(context, LoggerService.class, null);
        loggerTracker.open();
        WeatherService service = new SimulatedWeatherService(configTracker::getService, loggerTracker::getService);
        registration = context.registerService(
                WeatherService.class,
                service,
                FrameworkUtil.asDictionary(Map.of("happyos.component.name", "weather-skill")));
        LOG.info("weather-skill started");
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        loggerTracker.close();
        configTracker.close();
        LOG.info("weather-skill stopped");
    }
}
