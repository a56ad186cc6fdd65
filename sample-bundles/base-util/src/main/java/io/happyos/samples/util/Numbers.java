package io.happyos.samples.util;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.util.Locale;

/** Number formatting in a fixed (English) locale, so output does not depend on the machine. */
public final class Numbers {

    private Numbers() {}

    /**
     * A formatter that writes at most {@code maxDecimals} decimals.
     *
     * @param maxDecimals 0 or more
     * @return a formatter; thread-safe
     * @throws IllegalArgumentException when {@code maxDecimals} is negative
     */
    public static NumberFormatter formatter(int maxDecimals) {
        if (maxDecimals < 0) {
            throw new IllegalArgumentException("maxDecimals must be >= 0: " + maxDecimals);
        }
        return new NumberFormatter() {
            @Override
            public String format(double value) {
                return Numbers.format(value, maxDecimals);
            }

            @Override
            public double parse(String text) {
                return Numbers.parse(text);
            }
        };
    }

    /**
     * Formats with grouping and at most {@code maxDecimals} decimals.
     *
     * @param value the number
     * @param maxDecimals 0 or more
     * @return the text
     */
    public static String format(double value, int maxDecimals) {
        return pattern(maxDecimals).format(value);
    }

    /**
     * Parses a number written with or without grouping.
     *
     * @param text the text
     * @return the number
     * @throws NumberFormatException when the whole text is not a number
     */
    public static double parse(String text) {
        String trimmed = text.strip();
        ParsePosition position = new ParsePosition(0);
        Number number = pattern(15).parse(trimmed, position);
        if (number == null || position.getIndex() != trimmed.length()) {
            throw new NumberFormatException("Not a number: '" + text + "'");
        }
        return number.doubleValue();
    }

    private static DecimalFormat pattern(int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMaximumFractionDigits(maxDecimals);
        return format;
    }
}
