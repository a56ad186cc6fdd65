package io.happyos.samples.logger.internal;

import io.happyos.samples.config.ConfigService;
import io.happyos.samples.logger.LogLevel;
import io.happyos.samples.logger.LoggerService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads its threshold from the current ConfigService, if any, on every call. */
final class ConfiguredLoggerService implements LoggerService {

    private static final Logger LOG = LoggerFactory.getLogger("io.happyos.samples.components");

    private final Supplier<ConfigService> config;
    private final int capacity;
    private final Deque<String> recent = new ArrayDeque<>();

    ConfiguredLoggerService(Supplier<ConfigService> config, int capacity) {
        this.config = config;
        this.capacity = capacity;
    }

    @Override
    public void log(LogLevel level, String component, String message) {
        if (level.compareTo(threshold()) < 0) {
            return;
        }
        String entry = level + " [" + component + "] " + message;
        switch (level) {
            case DEBUG -> LOG.debug(entry);
            case INFO -> LOG.info(entry);
            case WARN -> LOG.warn(entry);
            case ERROR -> LOG.error(entry);
        }
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(entry);
        }
    }

    @Override
    public List<String> recentEntries() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private LogLevel threshold() {
        ConfigService current = config.get();
        String name = current == null ? "INFO" : current.get("logger.level", "INFO");
        try {
            return LogLevel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LogLevel.INFO;
        }
    }
}
