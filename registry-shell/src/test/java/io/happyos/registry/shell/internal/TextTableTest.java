package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsToTheWidestCell() {
        String text = new TextTable("ID", "STATUS", "BUNDLE")
                .row("calculator-skill", "ACTIVE", 7)
                .row("logger", "REGISTERED", 12)
                .render();
        assertThat(text).isEqualTo(""
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
}
