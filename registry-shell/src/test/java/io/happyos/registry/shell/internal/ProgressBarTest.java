package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final Ansi UNICODE = new Ansi(true, false, true);
    private static final Ansi COLOUR = Ansi.decide(true, Map.<String, String>of()::get, StandardCharsets.UTF_8);

    @Test
    void fillsInProportionToWhatIsDone() {
        assertThat(ProgressBar.render(0, 7, "", Ansi.PLAIN)).isEqualTo("[--------------------] 0/7");
        assertThat(ProgressBar.render(3, 7, "logger ACTIVE", Ansi.PLAIN))
                .isEqualTo("[########------------] 3/7 logger ACTIVE");
        assertThat(ProgressBar.render(7, 7, "weather-skill ACTIVE", UNICODE))
                .isEqualTo("[" + "\u2588".repeat(20) + "] 7/7 weather-skill ACTIVE");
    }

    @Test
    void staysWithinItsBoundsAndEightyColumns() {
        assertThat(ProgressBar.render(9, 7, "", Ansi.PLAIN)).isEqualTo("[####################] 7/7");
        assertThat(ProgressBar.render(-1, 7, "", Ansi.PLAIN)).isEqualTo("[--------------------] 0/7");
        assertThat(ProgressBar.render(0, 0, "", Ansi.PLAIN)).isEqualTo("[####################] 0/0");
        String label = "a-component-with-a-very-long-name-indeed-yes ACTIVE";
        String line = ProgressBar.render(500, 1000, label, Ansi.PLAIN);
        assertThat(line).endsWith("500/1000 a-component-with-a-very-long-name-ind...");
        assertThat(line.length()).isLessThanOrEqualTo(80);
    }

    @Test
    void colouredBarHasTheSameWidth() {
        String coloured = ProgressBar.render(3, 7, "logger ACTIVE", COLOUR);
        assertThat(coloured).contains("\u001b[32m" + "\u2588".repeat(8) + "\u001b[0m");
        assertThat(Ansi.strip(coloured)).isEqualTo(ProgressBar.render(3, 7, "logger ACTIVE", UNICODE));
    }

    @Test
    void theLineForEachItem() {
        assertThat(ProgressBar.line(3, 7, "logger ACTIVE")).isEqualTo("[3/7] logger ACTIVE");
    }
}
