package io.happyos.registry.shell.internal;

import io.happyos.registry.BatchOutcome;
import io.happyos.registry.ComponentStatus;
import java.nio.charset.Charset;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the output can do, decided once: move the cursor (a terminal), show colours (a terminal,
 * unless {@code NO_COLOR} is set or {@code TERM} is {@code dumb}), show line-drawing characters
 * (the output's character set has them). Everything the commands print for people goes through
 * here, so that piped output stays plain text.
 */
final class Ansi {

    /** Plain text and ASCII: what scripts and pipes get. */
    static final Ansi PLAIN = new Ansi(false, false, false);

    /** The colours and styles used. */
    enum Style {
        GREEN("32"),
        RED("31"),
        YELLOW("33"),
        CYAN("36"),
        DIM("2"),
        BOLD("1");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    private static final String ESC = "\u001b[";
    private static final String RESET = ESC + "0m";
    private static final Pattern CODES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");
    /** The characters {@link #glyph} may be given beyond ASCII. */
    private static final String FANCY = "\u251c\u2500\u2514\u2502\u21ba\u2192\u2588\u2591";

    private final boolean cursor;
    private final boolean colour;
    private final boolean unicode;

    /**
     * Output with given abilities.
     *
     * @param cursor whether the cursor may be moved and the screen cleared
     * @param colour whether colours may be shown
     * @param unicode whether line-drawing characters may be printed
     */
    Ansi(boolean cursor, boolean colour, boolean unicode) {
        this.cursor = cursor;
        this.colour = colour;
        this.unicode = unicode;
    }

    /**
     * Decides what the output can do.
     *
     * @param terminal whether the output is a terminal
     * @param env the environment, by variable name ({@code null} when unset)
     * @param charset the output's character set
     * @return the abilities
     */
    static Ansi decide(boolean terminal, Function<String, String> env, Charset charset) {
        boolean dumb = "dumb".equals(env.apply("TERM"));
        String noColor = env.apply("NO_COLOR");
        boolean cursor = terminal && !dumb;
        boolean colour = cursor && (noColor == null || noColor.isEmpty());
        return new Ansi(cursor, colour, charset.newEncoder().canEncode(FANCY));
    }

    /** @return whether the cursor may be moved and the screen cleared */
    boolean cursor() {
        return cursor;
    }

    /** @return whether colours are shown */
    boolean colour() {
        return colour;
    }

    /** @return whether line-drawing characters may be printed */
    boolean unicode() {
        return unicode;
    }

    /**
     * Text in a style, or as it is without colours.
     *
     * @param style the style
     * @param text the text
     * @return the text, wrapped in escape codes when colours are on
     */
    String paint(Style style, String text) {
        if (!colour || style == null || text.isEmpty()) {
            return text;
        }
        return ESC + style.code + "m" + text + RESET;
    }

    /**
     * A value as text, coloured by what it means when it is a status or a batch outcome.
     *
     * @param value the value, {@code null} for none
     * @return its text
     */
    String value(Object value) {
        String text = value == null ? TextTable.NONE : value.toString();
        return paint(styleOf(value), text);
    }

    /**
     * The style a value is shown in.
     *
     * @param value a value
     * @return its style: ACTIVE and DONE green, ERROR and FAILED red, INACTIVE and SKIPPED yellow,
     *     REGISTERED cyan, DISCOVERED and UNCHANGED dim; {@code null} for other values
     */
    static Style styleOf(Object value) {
        if (value instanceof ComponentStatus status) {
            return switch (status) {
                case ACTIVE -> Style.GREEN;
                case ERROR -> Style.RED;
                case INACTIVE -> Style.YELLOW;
                case REGISTERED -> Style.CYAN;
                case DISCOVERED -> Style.DIM;
            };
        }
        if (value instanceof BatchOutcome outcome) {
            return switch (outcome) {
                case DONE -> Style.GREEN;
                case FAILED -> Style.RED;
                case SKIPPED -> Style.YELLOW;
                case UNCHANGED -> Style.DIM;
            };
        }
        return null;
    }

    /**
     * What starts a new frame of a live view: clear the screen and go home on a terminal, nothing
     * elsewhere.
     *
     * @return the escape codes, or an empty string
     */
    String clearScreen() {
        return cursor ? ESC + "H" + ESC + "2J" : "";
    }

    /**
     * What redraws the current line: back to its start and clear it, on a terminal.
     *
     * @return the codes, or an empty string
     */
    String redrawLine() {
        return cursor ? "\r" + ESC + "K" : "";
    }

    /**
     * A character for drawing: the Unicode one when the output has it, else an ASCII stand-in.
     *
     * @param fancy the Unicode character(s)
     * @param plain the ASCII stand-in
     * @return one of them
     */
    String glyph(String fancy, String plain) {
        return unicode ? fancy : plain;
    }

    /**
     * Text without escape codes.
     *
     * @param text text that may hold escape codes
     * @return the text alone
     */
    static String strip(String text) {
        return CODES.matcher(text).replaceAll("");
    }

    /**
     * How many columns text takes on the screen.
     *
     * @param text text that may hold escape codes
     * @return its length without them
     */
    static int width(String text) {
        return strip(text).length();
    }
}
