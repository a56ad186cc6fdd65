package io.happyos.registry.launcher;

/**
 * One progress line, redrawn in place on a terminal: {@code Starting bundles [#######.....] 120/500}.
 * Each redraw starts with a carriage return and covers what a longer previous line left behind.
 * Not thread-safe: one thread draws.
 */
final class ProgressBar {

    /** The widest bar, in columns, however wide the terminal. */
    static final int MAX_BAR = 40;
    /** Narrower than this, the bar is left out and only the counts are shown. */
    static final int MIN_BAR = 5;

    private int previousLength;

    /**
     * The line for a state, fitted into a terminal's width (one column is kept free, so that the
     * cursor never wraps).
     *
     * @param label what is being done, such as {@code Starting bundles}
     * @param done how many are done (clamped to {@code 0..total})
     * @param total how many in all
     * @param width the terminal's width in columns
     * @return the line, without carriage return or line feed
     */
    static String line(String label, int done, int total, int width) {
        int shown = Math.max(0, Math.min(done, total));
        String counts = shown + "/" + total;
        int room = width - 1 - label.length() - counts.length() - " [] ".length();
        int barWidth = Math.min(MAX_BAR, room);
        if (barWidth < MIN_BAR) {
            String plain = label + " " + counts;
            return plain.length() < width ? plain : plain.substring(0, Math.max(0, width - 1));
        }
        int filled = total == 0 ? barWidth : (int) ((long) shown * barWidth / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(barWidth - filled) + "] " + counts;
    }

    /**
     * What to print to replace the previous line with this one.
     *
     * @param label what is being done
     * @param done how many are done
     * @param total how many in all
     * @param width the terminal's width in columns
     * @return a carriage return, the line, and spaces over the rest of a longer previous line
     */
    String redraw(String label, int done, int total, int width) {
        String line = line(label, done, total, width);
        String padding = " ".repeat(Math.max(0, previousLength - line.length()));
        previousLength = line.length();
        return "\r" + line + padding;
    }
}
