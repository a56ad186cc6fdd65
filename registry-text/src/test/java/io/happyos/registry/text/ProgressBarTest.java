package io.happyos.registry.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final ProgressBar ASCII = ProgressBar.ascii();
    private static final ProgressBar UNICODE = new ProgressBar("\u2588", "\u2591", s -> "<" + s + ">");

    @Test
    void theBarFillsInProportionToWhatIsDone() {
        assertThat(ASCII.line("Starting bundles", 120, 500, null, 120))
                .isEqualTo("Starting bundles [" + "#".repeat(9) + ".".repeat(31) + "] 120/500");
        assertThat(ASCII.line("Starting bundles", 0, 500, null, 120)).contains("[" + ".".repeat(40) + "]");
        assertThat(ASCII.line("Starting bundles", 500, 500, null, 120)).contains("[" + "#".repeat(40) + "] 500/500");
    }

    @Test
    void theLineFitsTheTerminalWithAColumnToSpare() {
        String line = ASCII.line("Starting bundles", 3, 7, null, 40);
        assertThat(line).hasSize(39).startsWith("Starting bundles [").endsWith("] 3/7");
        assertThat(line.chars().filter(c -> c == '#' || c == '.').count()).isEqualTo(16);
        for (int width = 0; width < 130; width++) {
            assertThat(ASCII.line("Starting bundles", 3, 700, "x".repeat(60), width)
                            .length())
                    .as("width %d", width)
                    .isLessThan(Math.max(1, width));
        }
    }

    @Test
    void aNarrowTerminalGetsTheCountsWithoutABar() {
        assertThat(ASCII.line("Starting bundles", 3, 7, null, 26)).isEqualTo("Starting bundles 3/7");
        assertThat(ASCII.line("Starting bundles", 3, 7, null, 10)).isEqualTo("Starting ");
        assertThat(ASCII.line("", 3, 7, "logger ACTIVE", 40)).isEqualTo("3/7 logger ACTIVE");
    }

    @Test
    void countsAreClampedToTheTotalAndAnEmptyBatchIsFull() {
        assertThat(ASCII.line("Installing", 9, 7, null, 80)).endsWith("] 7/7").doesNotContain(".");
        assertThat(ASCII.line("Installing", -1, 7, null, 80)).endsWith("] 0/7").doesNotContain("#");
        assertThat(ASCII.line("", 0, 0, "", 80)).isEqualTo("[" + "#".repeat(32) + "] 0/0");
    }

    @Test
    void theBarKeepsItsWidthWhileCountsAndItemsChange() {
        int first = ASCII.line("", 0, 100, "", 80).indexOf(']');
        assertThat(ASCII.line("", 7, 100, "logger ACTIVE", 80).indexOf(']')).isEqualTo(first);
        assertThat(ASCII.line("", 100, 100, "x".repeat(80), 80).indexOf(']')).isEqualTo(first);
        assertThat(ASCII.line("Starting", 9, 100, null, 60).indexOf(']'))
                .isEqualTo(ASCII.line("Starting", 10, 100, null, 60).indexOf(']'));
    }

    @Test
    void theItemIsCutToItsRoom() {
        String line = ASCII.line("", 500, 1000, "a-component-with-a-very-long-name-indeed-and-more", 80);
        assertThat(line)
                .endsWith("500/1000 a-component-with-a-very-long-name-ind...")
                .hasSizeLessThan(80);
    }

    @Test
    void onlyTheDonePartIsPaintedAndPaintTakesNoColumns() {
        assertThat(UNICODE.line("", 3, 6, "logger ACTIVE", 80))
                .isEqualTo("[<" + "\u2588".repeat(16) + ">" + "\u2591".repeat(16) + "] 3/6 logger ACTIVE");
        assertThat(UNICODE.line("", 0, 6, "", 80)).doesNotContain("<");
        ProgressBar bar = new ProgressBar("#", ".", s -> "\u001b[32m" + s + "\u001b[0m");
        bar.redraw("Installing", 10, 10, null, 80);
        String shorter = bar.redraw("Go", 10, 10, null, 80);
        assertThat(shorter).endsWith(" ".repeat("Installing".length() - "Go".length()));
    }

    @Test
    void eachRedrawReturnsToTheStartOfTheLineAndCoversALongerPreviousOne() {
        ProgressBar bar = ProgressBar.ascii();
        String first = bar.redraw("Installing bundles", 5, 10, null, 80);
        assertThat(first).isEqualTo("\r" + ASCII.line("Installing bundles", 5, 10, null, 80));
        String second = bar.redraw("Starting", 1, 10, null, 80);
        String line = ASCII.line("Starting", 1, 10, null, 80);
        assertThat(second).isEqualTo("\r" + line + " ".repeat(first.length() - 1 - line.length()));
        assertThat(bar.redraw("Starting bundles", 2, 10, null, 80)).doesNotEndWith(" ");
    }
}
