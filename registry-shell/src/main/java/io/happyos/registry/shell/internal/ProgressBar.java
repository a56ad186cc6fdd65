package io.happyos.registry.shell.internal;

/**
 * One line showing how far a batch is: {@code [██████░░░░░░] 3/7 logger ACTIVE}, or
 * {@code [######------] 3/7 logger ACTIVE} where line drawing is not available. Short enough for an
 * 80-column terminal, so that redrawing it in place never wraps.
 */
final class ProgressBar {

    /** How many cells the bar has. */
    static final int CELLS = 20;

    /** The longest the text after the counts may be. */
    static final int MAX_LABEL = 40;

    private ProgressBar() {
    }

    /**
     * The bar's text.
     *
     * @param done how many items are done, at most {@code total}
     * @param total how many there are
     * @param label what happened last ("logger ACTIVE"), or an empty string
     * @param ansi what the output can show
     * @return the line, without a line feed
     */
    static String render(int done, int total, String label, Ansi ansi) {
        int shown = Math.max(0, Math.min(done, total));
        int filled = total == 0 ? CELLS : shown * CELLS / total;
        String bar = ansi.paint(Ansi.Style.GREEN, ansi.glyph("\u2588", "#").repeat(filled))
                + ansi.glyph("\u2591", "-").repeat(CELLS - filled);
        String text = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 3) + "..." : label;
        return ("[" + bar + "] " + shown + "/" + total + " " + text).stripTrailing();
    }

    /**
     * The line a batch prints for each item where the bar cannot be redrawn.
     *
     * @param done how many items are done
     * @param total how many there are
     * @param label what happened ("logger ACTIVE")
     * @return {@code [3/7] logger ACTIVE}
     */
    static String line(int done, int total, String label) {
        return "[" + done + "/" + total + "] " + label;
    }
}
