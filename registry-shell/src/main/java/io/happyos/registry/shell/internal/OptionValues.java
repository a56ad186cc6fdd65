package io.happyos.registry.shell.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Reads what a user typed for an option or an argument that is not free text: a whole number, one
 * of some words, one of an enum's constants. The commands take such values as {@code String}, so
 * that Gogo hands them over whatever they are, and read them here: a bad value then fails with one
 * line naming the command, the option and what it accepts ({@code registry:tree: --depth must be a
 * whole number of at least 1, got 'x'}), never with Gogo's {@code Cannot coerce} or Java's
 * {@code No enum constant}. The exceptions carry no cause, so that whoever prints the root cause
 * prints this line.
 */
final class OptionValues {

    private OptionValues() {}

    /**
     * A whole number within bounds.
     *
     * @param command the command, such as {@code registry:tree}
     * @param option what the number is, such as {@code --depth}
     * @param text what was typed
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the number
     * @throws IllegalArgumentException when the text is no whole number or out of bounds
     */
    static long wholeNumber(String command, String option, String text, long min, long max) {
        String t = text == null ? "" : text.strip();
        try {
            long n = Long.parseLong(t);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with what is accepted
        }
        // a bound no one types is not worth naming, unless it is the one that was passed
        boolean tooLarge = t.matches("\\+?\\d+") && (t.length() > 18 || Long.parseLong(t) > max);
        String bounds = max >= Integer.MAX_VALUE && !tooLarge ? "of at least " + min : "from " + min + " to " + max;
        throw new IllegalArgumentException(
                command + ": " + option + " must be a whole number " + bounds + ", got '" + text + "'");
    }

    /**
     * A whole number that fits an {@code int}, at least {@code min}.
     *
     * @param command the command
     * @param option what the number is
     * @param text what was typed
     * @param min the smallest value accepted
     * @return the number
     * @throws IllegalArgumentException when the text is no whole number, or less than {@code min}
     */
    static int wholeNumber(String command, String option, String text, int min) {
        return (int) wholeNumber(command, option, text, min, Integer.MAX_VALUE);
    }

    /**
     * One of some words, whatever their case.
     *
     * @param command the command
     * @param option what the word is, such as {@code --format}
     * @param text what was typed
     * @param words the words accepted, as they are shown
     * @return the word accepted, as given in {@code words}
     * @throws IllegalArgumentException when the text is none of them
     */
    static String oneOf(String command, String option, String text, List<String> words) {
        String t = text == null ? "" : text.strip();
        for (String word : words) {
            if (word.equalsIgnoreCase(t)) {
                return word;
            }
        }
        throw new IllegalArgumentException(
                command + ": " + option + " must be one of " + String.join(", ", words) + "; got '" + text + "'");
    }

    /**
     * One of an enum's constants, by name, whatever the case.
     *
     * @param command the command
     * @param option what the value is, such as {@code --status}
     * @param text what was typed
     * @param type the enum
     * @return the constant
     * @throws IllegalArgumentException when the text names none of them
     */
    static <E extends Enum<E>> E oneOf(String command, String option, String text, Class<E> type) {
        List<String> names =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return Enum.valueOf(type, oneOf(command, option, text, names));
    }
}
