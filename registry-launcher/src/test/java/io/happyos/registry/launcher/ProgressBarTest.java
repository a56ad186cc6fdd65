package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBarFillsInProportionToWhatIsDone() {
        assertThat(ProgressBar.line("Starting bundles", 120, 500, 120))
                .isEqualTo("Starting bundles [#########" + ".".repeat(31) + "] 120/500");
        assertThat(ProgressBar.line("Starting bundles", 0, 500, 120)).contains("[" + ".".repeat(40) + "]");
        assertThat(ProgressBar.line("Starting bundles", 500, 500, 120)).contains("[" + "#".repeat(40) + "] 500/500");
    }

    @Test
    void theLineFitsTheTerminalWithAColumnToSpare() {
        String line = ProgressBar.line("Starting bundles", 3, 7, 40);
        assertThat(line).hasSize(39).startsWith("Starting bundles [").endsWith("] 3/7");
        assertThat(line.chars().filter(c -> c == '#').count() + line.chars().filter(c -> c == '.').count())
                .isEqualTo(39 - "Starting bundles [] 3/7".length());
    }

    @Test
    void aNarrowTerminalGetsTheCountsWithoutABar() {
        assertThat(ProgressBar.line("Starting bundles", 3, 7, 26)).isEqualTo("Starting bundles 3/7");
        assertThat(ProgressBar.line("Starting bundles", 3, 7, 10)).isEqualTo("Starting ");
    }

    @Test
    void countsAreClampedToTheTotal() {
        assertThat(ProgressBar.line("Installing", 9, 7, 80)).endsWith("] 7/7").doesNotContain(".");
        assertThat(ProgressBar.line("Installing", -1, 7, 80)).endsWith("] 0/7").doesNotContain("#");
    }

    @Test
    void eachRedrawReturnsToTheStartOfTheLineAndCoversALongerPreviousOne() {
        ProgressBar bar = new ProgressBar();
        String first = bar.redraw("Installing bundles", 5, 10, 80);
        String second = bar.redraw("Starting bundles", 1, 10, 80);

        assertThat(first).startsWith("\r").isEqualTo("\r" + ProgressBar.line("Installing bundles", 5, 10, 80));
        String line = ProgressBar.line("Starting bundles", 1, 10, 80);
        assertThat(second).isEqualTo("\r" + line + " ".repeat(first.length() - 1 - line.length()));
        assertThat(bar.redraw("Starting bundles", 2, 10, 80)).doesNotEndWith(" ");
    }
}
