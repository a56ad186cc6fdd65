package io.happyos.registry.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the framework's own log messages (property {@code felix.log.logger}) to SLF4J. */
final class FelixLogger extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");
    private static final org.slf4j.Logger STARTUP_LOG = LoggerFactory.getLogger(Main.STARTUP_LOG);

    @Override
    @SuppressWarnings("rawtypes") // the signature Felix declares
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text =
                bundle == null ? msg : msg + " [bundle " + bundle.getSymbolicName() + " " + bundle.getBundleId() + "]";
        if (level == LOG_ERROR && isRuntimeActivatorError(bundle, throwable)) {
            // the launcher starts each runtime bundle itself after the framework, and reports a failure in one line
            STARTUP_LOG.error(text, throwable);
            return;
        }
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.info(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }

    private static boolean isRuntimeActivatorError(Bundle bundle, Throwable throwable) {
        return bundle != null
                && bundle.getLocation().startsWith(RuntimeBundles.LOCATION_PREFIX)
                && throwable instanceof BundleException e
                && e.getType() == BundleException.ACTIVATOR_ERROR;
    }
}
