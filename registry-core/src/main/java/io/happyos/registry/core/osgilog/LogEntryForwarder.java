package io.happyos.registry.core.osgilog;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs each OSGi log entry through SLF4J, under the name {@link OsgiLoggerNames} gives it and at the
 * level {@link #level} maps it to, with the entry's exception. Called on the Log Service's own
 * listener thread; the bundle and the thread that logged are added as key-value pairs
 * ({@code bundle}, {@code thread}), which a logback pattern shows with {@code %kvp}.
 */
final class LogEntryForwarder implements LogListener {

    @Override
    public void logged(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String symbolicName = bundle == null ? null : bundle.getSymbolicName();
        Logger logger = LoggerFactory.getLogger(OsgiLoggerNames.slf4jName(entry.getLoggerName(), symbolicName));
        Level level = level(entry.getLogLevel().name());
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        logger.atLevel(level)
                .setMessage(entry.getMessage())
                .setCause(entry.getException())
                .addKeyValue("bundle", symbolicName)
                .addKeyValue("thread", entry.getThreadInfo())
                .log();
    }

    /**
     * The SLF4J level of an OSGi {@code LogLevel}, by name: AUDIT (logged whatever the level, in
     * OSGi) becomes INFO, as SLF4J has nothing above ERROR that is not an error; an unknown name
     * INFO.
     *
     * @param osgiLevel AUDIT, ERROR, WARN, INFO, DEBUG or TRACE
     * @return the level
     */
    static Level level(String osgiLevel) {
        return switch (osgiLevel) {
            case "ERROR" -> Level.ERROR;
            case "WARN" -> Level.WARN;
            case "DEBUG" -> Level.DEBUG;
            case "TRACE" -> Level.TRACE;
            default -> Level.INFO;
        };
    }
}
