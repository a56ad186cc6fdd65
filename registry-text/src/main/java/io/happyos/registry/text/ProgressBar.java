package io.happyos.registry.text;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One progress line, fitted into a terminal's width: {@code Starting bundles [#######.....] 120/500}
 * while the launcher starts bundles, {@code [██████░░░░░░] 3/7 logger ACTIVE} while the shell runs a
 * batch. The parts are a task (left out when empty), the bar, the counts and the last item done (left
 * out when {@code null}).
 *
 * <p>The bar's width depends only on the terminal's width, the task and the total, never on the
 * current counts or item, so that it does not jump while it fills: it is at most {@value #MAX_CELLS}
 * cells, and where fewer than {@value #MIN_CELLS} would fit it is left out and only the counts are
 * shown. One column is kept free, so that the cursor never wraps. Not thread-safe: one thread draws.
 */
public final class ProgressBar {

    /** The widest bar, in cells, however wide the terminal. */
    public static final int MAX_CELLS = 40;
    /** Where fewer cells than this would fit, the bar is left out and only the counts are shown. */
    public static final int MIN_CELLS = 5;
    /** The room kept for the last item; a longer one is cut and ends with {@code ...}. */
    public static final int MAX_ITEM = 40;

    private final String doneCell;
    private final String todoCell;
    private final UnaryOperator<String> paintDone;
    private int previousColumns;

    /**
     * A bar of plain ASCII: {@code [####....]}.
     *
     * @return the bar
     */
    public static ProgressBar ascii() {
        return new ProgressBar("#", ".", UnaryOperator.identity());
    }

    /**
     * A bar drawn with the given cells.
     *
     * @param doneCell one cell of what is done, one column wide ({@code "#"}, {@code "█"})
     * @param todoCell one cell of what is left, one column wide ({@code "."}, {@code "░"})
     * @param paintDone wraps the done part, e.g. in terminal colour codes, which take no columns
     */
    public ProgressBar(String doneCell, String todoCell, UnaryOperator<String> paintDone) {
        this.doneCell = Objects.requireNonNull(doneCell, "doneCell");
        this.todoCell = Objects.requireNonNull(todoCell, "todoCell");
        this.paintDone = Objects.requireNonNull(paintDone, "paintDone");
    }

    /**
     * The line for a state.
     *
     * @param task what is being done, such as {@code Starting bundles}, or an empty string
     * @param done how many are done (clamped to {@code 0..total})
     * @param total how many in all
     * @param item the last item done, such as {@code logger ACTIVE}, or an empty string before the
     *     first; {@code null} for a line without items
     * @param width the terminal's width in columns
     * @return the line, without carriage return or line feed
     */
    public String line(String task, int done, int total, String item, int width) {
        return draw(task, done, total, item, width).text();
    }

    /**
     * What to print to replace the previous line drawn by this bar with this one.
     *
     * @param task what is being done, or an empty string
     * @param done how many are done
     * @param total how many in all
     * @param item the last item done, or {@code null}
     * @param width the terminal's width in columns
     * @return a carriage return, the line, and spaces over the rest of a longer previous line
     */
    public String redraw(String task, int done, int total, String item, int width) {
        Drawn line = draw(task, done, total, item, width);
        String padding = " ".repeat(Math.max(0, previousColumns - line.columns()));
        previousColumns = line.columns();
        return "\r" + line.text() + padding;
    }

    private Drawn draw(String task, int done, int total, String item, int width) {
        int shown = Math.max(0, Math.min(done, total));
        String counts = shown + "/" + total;
        String prefix = task.isEmpty() ? "" : task + " ";
        String suffix = item == null || item.isEmpty() ? "" : " " + cut(item);
        int widestCounts = 2 * String.valueOf(total).length() + 1;
        int itemRoom = item == null ? 0 : 1 + MAX_ITEM;
        int cells = Math.min(MAX_CELLS, width - 1 - prefix.length() - "[] ".length() - widestCounts - itemRoom);
        if (cells < MIN_CELLS) {
            String plain = prefix + counts + suffix;
            String fitted = plain.length() < width ? plain : plain.substring(0, Math.max(0, width - 1));
            return new Drawn(fitted, fitted.length());
        }
        int filled = total <= 0 ? cells : (int) ((long) shown * cells / total);
        String doneText = doneCell.repeat(filled);
        String painted = doneText.isEmpty() ? "" : paintDone.apply(doneText);
        String rest = todoCell.repeat(cells - filled) + "] " + counts + suffix;
        return new Drawn(prefix + "[" + painted + rest, prefix.length() + 1 + filled + rest.length());
    }

    private static String cut(String item) {
        return item.length() > MAX_ITEM ? item.substring(0, MAX_ITEM - 3) + "..." : item;
    }

    private record Drawn(String text, int columns) {}
}
