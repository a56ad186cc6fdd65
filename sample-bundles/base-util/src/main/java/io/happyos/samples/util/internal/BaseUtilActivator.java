package io.happyos.samples.util.internal;

import io.happyos.samples.util.NumberFormatter;
import io.happyos.samples.util.Numbers;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a two-decimal {@link NumberFormatter}. */
public final class BaseUtilActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(BaseUtilActivator.class);

    private ServiceRegistration<NumberFormatter> registration;

    @Override
    public void start(BundleContext context) {
        registration = context.registerService(
                NumberFormatter.class,
                Numbers.formatter(2),
                FrameworkUtil.asDictionary(Map.of("happyos.component.name", "base-util", "decimals", 2)));
        LOG.info("base-util started");
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        LOG.info("base-util stopped");
    }
}
