package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsToTheWidestCell() {
        String text = new TextTable("ID", "STATUS", "BUNDLE")
                .row("calculator-skill", "ACTIVE", 7)
                .row("logger", "REGISTERED", 12)
                .render();
        assertThat(text)
                .isEqualTo(""
                        + "ID                STATUS      BUNDLE\n"
                        + "calculator-skill  ACTIVE      7\n"
                        + "logger            REGISTERED  12\n");
    }

    @Test
    void showsNullAsDashAndLeavesNoTrailingBlanks() {
        assertThat(new TextTable("A", "B").row("long value", null).row("x", "").lines())
                .containsExactly("A           B", "long value  -", "x");
    }

    @Test
    void rejectsARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 cells");
    }

    @Test
    void onATerminalStatusesAreColouredAndColumnsStayAligned() {
        TextTable table = new TextTable("ID", "STATUS", "BUNDLE")
                .row("calculator-skill", ComponentStatus.ACTIVE, 7)
                .row("logger", ComponentStatus.ERROR, 12);
        Ansi colour = new Ansi(true, true, true);
        String text = table.render(colour);
        assertThat(text)
                .contains("\u001b[32mACTIVE\u001b[0m  7", "\u001b[31mERROR\u001b[0m   12", "\u001b[1mID\u001b[0m");
        assertThat(Ansi.strip(text)).isEqualTo(table.render());
    }

    @Test
    void withoutColoursTheTableIsPlain() {
        TextTable table = new TextTable("ID", "STATUS").row("logger", ComponentStatus.ERROR);
        assertThat(table.render(new Ansi(true, false, true)))
                .isEqualTo(table.render())
                .isEqualTo("ID      STATUS\nlogger  ERROR\n")
                .doesNotContain("\u001b");
    }
}
