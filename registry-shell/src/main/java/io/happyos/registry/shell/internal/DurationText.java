package io.happyos.registry.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type and read them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or
 * ISO-8601 such as {@code PT30S}.
 */
final class DurationText {

    /** The forms {@link #parse} accepts, for error messages. */
    static final String FORMS = "a whole number with ms, s, m or h (500ms, 30s, 10m, 2h) or ISO-8601 (PT30S)";

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /**
     * Reads a duration.
     *
     * @param text what the user typed
     * @param what what the duration is for, to name it in the error ("TTL")
     * @return the duration, never negative
     * @throws IllegalArgumentException naming the accepted forms when the text is none of them
     */
    static Duration parse(String text, String what) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            if (t.startsWith("p")) {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
            // reported below, with the forms accepted; no cause, so that the root cause is this line
        }
        throw new IllegalArgumentException("bad " + what + " '" + text + "': give " + FORMS);
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
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
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
        return BigDecimal.valueOf(nanos).movePointLeft(shift).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
