package io.happyos.registry.shell.internal;

import io.happyos.registry.text.DurationParser;
import io.happyos.registry.text.RegistryJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people type and read them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or
 * ISO-8601 such as {@code PT30S}.
 */
final class DurationText {

    /** The forms {@link #parse} accepts, for error messages. */
    static final String FORMS = DurationParser.FORMS;

    private DurationText() {}

    /**
     * Reads a duration, as the registry reads its duration settings ({@link DurationParser}).
     *
     * @param text what the user typed
     * @param what what the duration is for, to name it in the error ("TTL")
     * @return the duration, never negative
     * @throws IllegalArgumentException naming the accepted forms when the text is none of them
     */
    static Duration parse(String text, String what) {
        return DurationParser.parse(text, what);
    }

    /**
     * A duration for people: {@code 850 us}, {@code 12.5 ms}, {@code 1.25 s}, {@code 3m 05s}.
     *
     * @param d the duration
     * @return the text
     */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000_000) {
            return nanos / 1_000 + " us";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 6, 1) + " ms";
        }
        if (d.toMinutes() == 0) {
            return decimal(nanos, 9, 2) + " s";
        }
        return d.toMinutes() + "m " + String.format(Locale.ROOT, "%02ds", d.toSecondsPart());
    }

    /**
     * A duration in milliseconds for JSON, to the microsecond.
     *
     * @param d the duration
     * @return milliseconds with three decimals
     */
    static BigDecimal millis(Duration d) {
        return RegistryJson.millis(d);
    }

    /**
     * A duration as typed back to the user: {@code 30s}, {@code 10m}, {@code 2h}, {@code 500ms}, or
     * ISO-8601 when none fits.
     *
     * @param d the duration
     * @return the text
     */
    static String shortForm(Duration d) {
        if (d.toNanosPart() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String decimal(long nanos, int shift, int scale) {
        return BigDecimal.valueOf(nanos)
                .movePointLeft(shift)
                .setScale(scale, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
