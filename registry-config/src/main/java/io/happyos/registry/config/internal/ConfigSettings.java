package io.happyos.registry.config.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework properties this bundle reads.
 *
 * @param etc {@value #ETC_DIR}: the etc folder, absolute; null when unset (nothing is watched and
 *     nothing written back)
 * @param settleMillis {@value #SETTLE} (default 300 ms): how long a file must stay the same before
 *     it is read
 * @param rescanMillis {@value #RESCAN} (default 2 s): the longest time between two scans of the
 *     folder, in case the OS dropped an event
 */
record ConfigSettings(Path etc, long settleMillis, long rescanMillis) {

    /** Framework property: the etc folder. */
    static final String ETC_DIR = "happyos.etc.dir";
    /** Framework property: settle time of a configuration file. */
    static final String SETTLE = "happyos.config.settle";
    /** Framework property: safety-net rescan interval of the etc folder. */
    static final String RESCAN = "happyos.config.rescan";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSettings.class);

    /**
     * Reads the settings; a malformed duration is reported and its default used.
     *
     * @param context a bundle context
     * @return the settings
     */
    static ConfigSettings read(BundleContext context) {
        String dir = context.getProperty(ETC_DIR);
        Path etc = null;
        if (dir != null && !dir.isBlank()) {
            etc = Path.of(dir.strip());
            if (!etc.isAbsolute()) {
                LOG.warn("{}={} is not absolute; using {}", ETC_DIR, dir, etc.toAbsolutePath());
            }
            etc = etc.toAbsolutePath().normalize();
        }
        return new ConfigSettings(
                etc, millis(context, SETTLE, Duration.ofMillis(300)), millis(context, RESCAN, Duration.ofSeconds(2)));
    }

    private static long millis(BundleContext context, String name, Duration fallback) {
        String text = context.getProperty(name);
        if (text == null || text.isBlank()) {
            return fallback.toMillis();
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return positive(
                        Duration.parse(t.toUpperCase(java.util.Locale.ROOT)).toMillis());
            }
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return positive(
                        switch (m.group(2)) {
                            case "ms" -> n;
                            case "s" -> n * 1_000;
                            case "m" -> n * 60_000;
                            default -> n * 3_600_000;
                        });
            }
        } catch (RuntimeException notADuration) {
            LOG.trace("bad duration {}", text, notADuration);
        }
        LOG.warn(
                "{}={} is not a positive duration: give a whole number with ms, s, m or h (500ms, 2s) or ISO-8601"
                        + " (PT2S); using {} ms",
                name,
                text,
                fallback.toMillis());
        return fallback.toMillis();
    }

    private static long positive(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("not positive");
        }
        return millis;
    }
}
