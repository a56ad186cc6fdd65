package io.happyos.samples.calculator.internal;

import io.happyos.samples.calculator.Calculator;
import io.happyos.samples.logger.LoggerService;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link Calculator} skill. */
public final class CalculatorActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(CalculatorActivator.class);

    private ServiceTracker<LoggerService, LoggerService> loggerTracker;
    private ServiceRegistration<Calculator> registration;

    @Override
    public void start(BundleContext context) {
        loggerTracker = new ServiceTracker<>(context, LoggerService.class, null);
        loggerTracker.open();
        registration = context.registerService(
                Calculator.class,
                new BinaryCalculator(loggerTracker::getService),
                FrameworkUtil.asDictionary(Map.of("happyos.component.name", "calculator-skill")));
        LOG.info("calculator-skill started");
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        loggerTracker.close();
        LOG.info("calculator-skill stopped");
    }
}
