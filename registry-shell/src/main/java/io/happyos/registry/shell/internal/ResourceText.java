package io.happyos.registry.shell.internal;

import io.happyos.registry.QuotaLimit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Resource figures as people read them: sizes and rates in powers of 1,024, percentages, rates. */
final class ResourceText {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ResourceText() {}

    /**
     * A number of bytes: {@code 512 B}, {@code 12 KB}, {@code 3.5 MB}.
     *
     * @param bytes the size
     * @return the text, one decimal under 10 of a unit above bytes
     */
    static String bytes(double bytes) {
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return decimal(v, v < 10 && unit > 0 ? 1 : 0) + " " + UNITS[unit];
    }

    /**
     * Bytes per second: {@code 1.5 MB/s}.
     *
     * @param bytesPerSecond the rate
     * @return the text
     */
    static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /**
     * A percentage: {@code 0.4%}, {@code 12.3%}, {@code 150%}.
     *
     * @param percent the percentage
     * @return the text, one decimal under 100
     */
    static String percent(double percent) {
        return decimal(percent, percent < 100 ? 1 : 0) + "%";
    }

    /**
     * A rate of events: {@code 0}, {@code 4.1}, {@code 1250}.
     *
     * @param perSecond the rate
     * @return the text, one decimal under 100
     */
    static String perSecond(double perSecond) {
        return decimal(perSecond, perSecond < 100 ? 1 : 0);
    }

    /**
     * A figure in the unit of a quota's limit, as a person reads it.
     *
     * @param limit the limit
     * @param value the figure
     * @return for example {@code 1.5 MB/s}, {@code 42.0%}, {@code 312.0 ms}, {@code 3}
     */
    static String ofLimit(QuotaLimit limit, double value) {
        return switch (limit) {
            case MAX_ALLOC_RATE -> rate(value);
            case MAX_CPU_PERCENT -> percent(value);
            case ACTIVATION_TIMEOUT -> DurationText.format(Duration.ofNanos(Math.round(value * 1e6)));
            case CALLS_PER_SECOND -> perSecond(value);
            default -> decimal(value, 1);
        };
    }

    private static String decimal(double v, int scale) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal d =
                BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
