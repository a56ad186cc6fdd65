package io.happyos.registry.launcher;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The activator of a bundle built by {@link LoggingIT} that logs through the OSGi Log Service only:
 * at each start, one line at INFO and one at DEBUG through an R7 logger, and one warning through
 * the legacy {@code LogService.log}.
 */
public final class OsgiLogActivator implements BundleActivator {

    /** The bundle's symbolic name. */
    static final String SYMBOLIC_NAME = "test.osgilog";
    /** The R7 logger's name. */
    static final String LOGGER = "test.osgilog.Plugin";
    /** Logged at INFO. */
    static final String INFO_LINE = "a plugin says hello through the OSGi Log Service";
    /** Logged at DEBUG. */
    static final String DEBUG_LINE = "a plugin's detail at DEBUG through the OSGi Log Service";
    /** Logged as a warning through the legacy API. */
    static final String LEGACY_LINE = "a plugin warns through the legacy LogService";

    @Override
    @SuppressWarnings("deprecation")
    public void start(BundleContext context) {
        ServiceReference<LoggerFactory> reference = context.getServiceReference(LoggerFactory.class);
        if (reference == null) {
            throw new IllegalStateException("no OSGi LoggerFactory service: Felix Log is not in the runtime");
        }
        LoggerFactory factory = context.getService(reference);
        Logger logger = factory.getLogger(LOGGER);
        logger.info(INFO_LINE);
        logger.debug(DEBUG_LINE);
        ((LogService) factory).log(LogService.LOG_WARNING, LEGACY_LINE);
        context.ungetService(reference);
    }

    @Override
    public void stop(BundleContext context) {}
}
