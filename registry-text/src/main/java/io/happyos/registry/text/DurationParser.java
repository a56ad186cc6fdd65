package io.happyos.registry.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people type them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} (a whole
 * number and a unit, in any case, white space allowed around and between), or ISO-8601 such as
 * {@code PT30S}. Used for shell options and for the registry's framework properties alike.
 */
public final class DurationParser {

    /** The forms {@link #parse} accepts, for error messages and help texts. */
    public static final String FORMS = "a whole number with ms, s, m or h (500ms, 30s, 10m, 2h) or ISO-8601 (PT30S)";

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationParser() {}

    /**
     * Reads a duration of zero or more.
     *
     * @param text what the user typed
     * @param what what the duration is for, to name it in the error ("TTL", "happyos.bundles.settle")
     * @return the duration, never negative
     * @throws IllegalArgumentException naming the value and the accepted forms when the text is none
     *     of them, or is negative or too large
     */
    public static Duration parse(String text, String what) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m = SHORT.matcher(t);
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
     * Reads a duration that must be longer than zero, such as a timeout or an interval.
     *
     * @param text what the user typed
     * @param what what the duration is for, to name it in the error
     * @return the duration, positive
     * @throws IllegalArgumentException as {@link #parse}, and for a zero duration
     */
    public static Duration parsePositive(String text, String what) {
        Duration d = parse(text, what);
        if (d.isZero()) {
            throw new IllegalArgumentException(
                    "bad " + what + " '" + text + "': give a duration longer than zero, " + "such as 500ms or 30s");
        }
        return d;
    }
}
