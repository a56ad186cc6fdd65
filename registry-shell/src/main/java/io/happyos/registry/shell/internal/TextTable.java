package io.happyos.registry.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text with aligned columns: each column as wide as its widest cell, two spaces between
 * columns, no trailing blanks. A {@code null} cell prints as {@value #NONE}.
 */
final class TextTable {

    /** What an empty ({@code null}) cell shows. */
    static final String NONE = "-";

    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * A table with a header row.
     *
     * @param headers the column titles
     */
    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column, shown by {@code toString}
     * @return this
     * @throws IllegalArgumentException when the number of cells is not the number of columns
     */
    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " cells, not " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? NONE : c.toString()).toArray(String[]::new));
        return this;
    }

    /**
     * The table's lines.
     *
     * @return the header line, then one line per row
     */
    List<String> lines() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    /**
     * The table as text.
     *
     * @return its lines, each ended by a line feed
     */
    String render() {
        StringBuilder out = new StringBuilder();
        lines().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(row[i]);
            if (i < row.length - 1) {
                line.append(" ".repeat(widths[i] - row[i].length()));
            }
        }
        return line.toString().stripTrailing();
    }
}
