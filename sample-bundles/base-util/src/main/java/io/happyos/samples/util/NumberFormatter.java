package io.happyos.samples.util;

import org.osgi.annotation.versioning.ProviderType;

/** Turns numbers into text for people and back. Published as a service by base-util. */
@ProviderType
public interface NumberFormatter {

    /**
     * Formats a number with grouping and at most the formatter's number of decimals.
     *
     * @param value the number
     * @return e.g. {@code "1,234.5"}; {@code "NaN"} or {@code "∞"} for those values
     */
    String format(double value);

    /**
     * Parses what {@link #format} writes, and plain decimal numbers.
     *
     * @param text the text
     * @return the number
     * @throws NumberFormatException when the text is not a number
     */
    double parse(String text);
}
