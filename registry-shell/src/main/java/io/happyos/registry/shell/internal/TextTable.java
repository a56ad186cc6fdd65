package io.happyos.registry.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text with aligned columns: each column as wide as its widest cell, two spaces between
 * columns, no trailing blanks. A {@code null} cell prints as {@value #NONE}. Rendered with colours
 * ({@link #render(Ansi)}), statuses and batch outcomes are coloured and the header is bold; the
 * columns stay aligned because widths are measured on the text alone.
 */
final class TextTable {

    /** What an empty ({@code null}) cell shows. */
    static final String NONE = "-";

    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final List<Ansi.Style[]> styles = new ArrayList<>();
    private final int columns;

    /**
     * A table with a header row.
     *
     * @param headers the column titles
     */
    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
        Ansi.Style[] bold = new Ansi.Style[columns];
        java.util.Arrays.fill(bold, Ansi.Style.BOLD);
        styles.add(bold);
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
        String[] text = new String[columns];
        Ansi.Style[] style = new Ansi.Style[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = cells[i] == null ? NONE : cells[i].toString();
            style[i] = Ansi.styleOf(cells[i]);
        }
        rows.add(text);
        styles.add(style);
        return this;
    }

    /**
     * The table's lines, plain.
     *
     * @return the header line, then one line per row
     */
    List<String> lines() {
        return lines(Ansi.PLAIN);
    }

    /**
     * The table's lines, coloured as the output allows.
     *
     * @param ansi what the output can show
     * @return the header line, then one line per row
     */
    List<String> lines(Ansi ansi) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(rows.get(r), styles.get(r), widths, ansi));
        }
        return lines;
    }

    /**
     * The table as plain text.
     *
     * @return its lines, each ended by a line feed
     */
    String render() {
        return render(Ansi.PLAIN);
    }

    /**
     * The table as text, coloured as the output allows.
     *
     * @param ansi what the output can show
     * @return its lines, each ended by a line feed
     */
    String render(Ansi ansi) {
        StringBuilder out = new StringBuilder();
        lines(ansi).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static String line(String[] row, Ansi.Style[] style, int[] widths, Ansi ansi) {
        int last = row.length - 1;
        while (last > 0 && row[last].isEmpty()) {
            last--;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(ansi.paint(style[i], row[i]));
            if (i < last) {
                line.append(" ".repeat(widths[i] - row[i].length()));
            }
        }
        return line.toString().stripTrailing();
    }
}
