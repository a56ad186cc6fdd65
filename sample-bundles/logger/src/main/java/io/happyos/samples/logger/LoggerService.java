package io.happyos.samples.logger;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A log shared by HappyOS components. Entries below the configured threshold (setting
 * {@code logger.level} of the ConfigService, default {@code INFO}) are dropped; the others go to
 * SLF4J and to a bounded list of recent entries. Published as a service by the logger bundle.
 */
@ProviderType
public interface LoggerService {

    /**
     * Logs one entry.
     *
     * @param level the level
     * @param component who logs, e.g. {@code calculator-skill}
     * @param message the message
     */
    void log(LogLevel level, String component, String message);

    /**
     * Logs at {@link LogLevel#INFO}.
     *
     * @param component who logs
     * @param message the message
     */
    default void info(String component, String message) {
        log(LogLevel.INFO, component, message);
    }

    /**
     * The entries kept, oldest first, each as {@code LEVEL [component] message}.
     *
     * @return an immutable snapshot
     */
    List<String> recentEntries();
}
