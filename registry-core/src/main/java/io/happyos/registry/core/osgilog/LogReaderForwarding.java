package io.happyos.registry.core.osgilog;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Adds the {@link LogEntryForwarder} to every {@link LogReaderService}, and takes it off again when
 * the service goes or the tracking closes. The only class that touches the Log Service API.
 */
final class LogReaderForwarding extends ServiceTracker<LogReaderService, LogReaderService> implements AutoCloseable {

    private final LogListener listener = new LogEntryForwarder();

    private LogReaderForwarding(BundleContext context) {
        super(context, LogReaderService.class, null);
    }

    static LogReaderForwarding open(BundleContext context) {
        LogReaderForwarding tracking = new LogReaderForwarding(context);
        tracking.open();
        return tracking;
    }

    @Override
    public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
        LogReaderService reader = super.addingService(reference);
        if (reader != null) {
            reader.addLogListener(listener);
        }
        return reader;
    }

    @Override
    public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
        try {
            reader.removeLogListener(listener);
        } catch (IllegalStateException gone) {
            // the Log Service's bundle is stopping: its listeners go with it
        }
        super.removedService(reference, reader);
    }
}
