package io.happyos.registry.core.internal;

import io.happyos.registry.text.DurationParser;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's settings, read from framework properties (the launcher passes its options as
 * such); a bad value is logged and the default used.
 *
 * @param activationTimeout how long an activator, a hook or a factory may run ({@value #ACTIVATION_TIMEOUT}, default 30 s)
 * @param listenerTimeout how long a status listener may run ({@value #LISTENER_TIMEOUT}, default 5 s)
 * @param errorHistorySize how many errors each history keeps ({@value #ERROR_HISTORY_SIZE}, default 100)
 * @param batchParallelism how many components a batch activates at once ({@value #BATCH_PARALLELISM},
 *     default 4)
 * @param watch whether the bundles folder is watched after start-up ({@value #WATCH}, default true)
 * @param settle how long a file must stay unchanged before it is handled, unless it is new and already a complete
 *     ZIP ({@value #SETTLE}, default 300 ms)
 * @param rescan how often the folder is scanned in case the OS dropped an event ({@value #RESCAN}, default 2 s)
 * @param historySize how many earlier versions of each JAR are kept ({@value #HISTORY_SIZE}, default 5)
 * @param autoRollback whether a reload that fails is rolled back ({@value #AUTO_ROLLBACK}, default true)
 * @param reloadGrace how long after a reload a component going to ERROR still rolls it back
 *     ({@value #RELOAD_GRACE}, default 10 s)
 */
public record RegistrySettings(
        Duration activationTimeout,
        Duration listenerTimeout,
        int errorHistorySize,
        int batchParallelism,
        boolean watch,
        Duration settle,
        Duration rescan,
        int historySize,
        boolean autoRollback,
        Duration reloadGrace) {

    /** Framework property: activation timeout, as {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601. */
    public static final String ACTIVATION_TIMEOUT = "happyos.activation.timeout";
    /** Framework property: status listener timeout. */
    public static final String LISTENER_TIMEOUT = "happyos.listener.timeout";
    /** Framework property: error history size. */
    public static final String ERROR_HISTORY_SIZE = "happyos.error.history.size";
    /** Framework property: batch parallelism. */
    public static final String BATCH_PARALLELISM = "happyos.batch.parallelism";

    /** Framework property: watch the bundles folder ({@code false} for start-up only). */
    public static final String WATCH = "happyos.bundles.watch";
    /** Framework property: settle time of a file in the bundles folder. */
    public static final String SETTLE = "happyos.bundles.settle";
    /** Framework property: safety-net rescan interval of the bundles folder. */
    public static final String RESCAN = "happyos.bundles.rescan";
    /** Framework property: earlier versions kept per JAR. */
    public static final String HISTORY_SIZE = "happyos.history.size";
    /** Framework property: roll a failed reload back ({@code false} to keep the failed version). */
    public static final String AUTO_ROLLBACK = "happyos.reload.autoRollback";

    /** Framework property: the grace period after a reload. */
    public static final String RELOAD_GRACE = "happyos.reload.grace";

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySettings.class);

    /** @return every setting at its default */
    public static RegistrySettings defaults() {
        return new RegistrySettings(
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                100,
                4,
                true,
                Duration.ofMillis(300),
                Duration.ofSeconds(2),
                5,
                true,
                Duration.ofSeconds(10));
    }

    /**
     * Reads the settings.
     *
     * @param properties looks a property up, {@code null} when unset (e.g. {@code BundleContext::getProperty})
     * @return the settings
     */
    public static RegistrySettings from(Function<String, String> properties) {
        RegistrySettings d = defaults();
        return new RegistrySettings(
                read(properties, ACTIVATION_TIMEOUT, RegistrySettings::duration, d.activationTimeout()),
                read(properties, LISTENER_TIMEOUT, RegistrySettings::duration, d.listenerTimeout()),
                read(properties, ERROR_HISTORY_SIZE, RegistrySettings::positive, d.errorHistorySize()),
                read(properties, BATCH_PARALLELISM, RegistrySettings::positive, d.batchParallelism()),
                read(properties, WATCH, Boolean::parseBoolean, d.watch()),
                read(properties, SETTLE, RegistrySettings::duration, d.settle()),
                read(properties, RESCAN, RegistrySettings::duration, d.rescan()),
                read(properties, HISTORY_SIZE, RegistrySettings::positive, d.historySize()),
                read(properties, AUTO_ROLLBACK, Boolean::parseBoolean, d.autoRollback()),
                read(properties, RELOAD_GRACE, RegistrySettings::duration, d.reloadGrace()));
    }

    private static <T> T read(Function<String, String> properties, String name, Function<String, T> parse, T fallback) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            LOG.warn("ignoring {}={}: {}; using {}", name, value, e.getMessage(), fallback);
            return fallback;
        }
    }

    /** A duration longer than zero, in the forms the shell takes too ({@link DurationParser#FORMS}). */
    static Duration duration(String value) {
        return DurationParser.parsePositive(value, "duration");
    }

    private static Integer positive(String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return n;
    }
}
