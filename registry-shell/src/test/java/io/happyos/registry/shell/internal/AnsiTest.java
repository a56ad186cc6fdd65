package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.BatchOutcome;
import io.happyos.registry.ComponentStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnsiTest {

    private static Ansi decide(boolean terminal, Map<String, String> env) {
        return Ansi.decide(terminal, env::get, StandardCharsets.UTF_8);
    }

    @Test
    void aTerminalGetsColoursAndCursorMoves() {
        Ansi ansi = decide(true, Map.of("TERM", "xterm"));
        assertThat(ansi.colour()).isTrue();
        assertThat(ansi.cursor()).isTrue();
        assertThat(ansi.value(ComponentStatus.ACTIVE)).isEqualTo("\u001b[32mACTIVE\u001b[0m");
        assertThat(ansi.value(ComponentStatus.ERROR)).isEqualTo("\u001b[31mERROR\u001b[0m");
        assertThat(ansi.value(ComponentStatus.INACTIVE)).isEqualTo("\u001b[33mINACTIVE\u001b[0m");
        assertThat(ansi.clearScreen()).isEqualTo("\u001b[H\u001b[2J");
        assertThat(ansi.redrawLine()).isEqualTo("\r\u001b[K");
    }

    @Test
    void aPipeGetsPlainText() {
        Ansi ansi = decide(false, Map.of("TERM", "xterm"));
        assertThat(ansi.colour()).isFalse();
        assertThat(ansi.cursor()).isFalse();
        assertThat(ansi.value(ComponentStatus.ACTIVE)).isEqualTo("ACTIVE");
        assertThat(ansi.paint(Ansi.Style.BOLD, "title")).isEqualTo("title");
        assertThat(ansi.clearScreen()).isEmpty();
        assertThat(ansi.redrawLine()).isEmpty();
    }

    @Test
    void noColorTurnsColoursOffButKeepsTheCursor() {
        Ansi ansi = decide(true, Map.of("TERM", "xterm", "NO_COLOR", "1"));
        assertThat(ansi.colour()).isFalse();
        assertThat(ansi.cursor()).isTrue();
        assertThat(ansi.value(ComponentStatus.ERROR)).isEqualTo("ERROR");
        // the convention: set and not empty
        assertThat(decide(true, Map.of("NO_COLOR", "")).colour()).isTrue();
    }

    @Test
    void aDumbTerminalGetsNeither() {
        Ansi ansi = decide(true, Map.of("TERM", "dumb"));
        assertThat(ansi.colour()).isFalse();
        assertThat(ansi.cursor()).isFalse();
    }

    @Test
    void lineDrawingOnlyWhenTheCharacterSetHasIt() {
        assertThat(decide(false, Map.of()).glyph("\u2514", "\\")).isEqualTo("\u2514");
        Ansi ascii = Ansi.decide(true, Map.<String, String>of()::get, StandardCharsets.US_ASCII);
        assertThat(ascii.unicode()).isFalse();
        assertThat(ascii.glyph("\u2514", "\\")).isEqualTo("\\");
    }

    @Test
    void outcomesAndOtherValues() {
        Ansi ansi = decide(true, Map.of());
        assertThat(ansi.value(BatchOutcome.FAILED)).isEqualTo("\u001b[31mFAILED\u001b[0m");
        assertThat(ansi.value(BatchOutcome.UNCHANGED)).isEqualTo("\u001b[2mUNCHANGED\u001b[0m");
        assertThat(ansi.value("logger")).isEqualTo("logger");
        assertThat(ansi.value(null)).isEqualTo(TextTable.NONE);
        for (ComponentStatus status : ComponentStatus.values()) {
            assertThat(Ansi.styleOf(status)).as(status.name()).isNotNull();
        }
    }

    @Test
    void stripAndWidthIgnoreEscapeCodes() {
        String painted = decide(true, Map.of()).value(ComponentStatus.REGISTERED) + "\u001b[H\u001b[2J!";
        assertThat(Ansi.strip(painted)).isEqualTo("REGISTERED!");
        assertThat(Ansi.width(painted)).isEqualTo(11);
    }
}
