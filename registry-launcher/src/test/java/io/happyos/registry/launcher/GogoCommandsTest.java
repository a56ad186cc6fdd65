package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GogoCommandsTest {

    @Test
    void errorLinesUseTheRootCauseMessage() {
        Exception failure = new RuntimeException("wrapper", new IllegalStateException("no component 'x'"));

        assertThat(GogoCommands.rootMessage(failure)).isEqualTo("no component 'x'");
    }

    @Test
    void aRootCauseWithoutMessageIsNamedByItsClass() {
        assertThat(GogoCommands.rootMessage(new RuntimeException("outer", new NullPointerException())))
                .isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void anInterruptedCommandSaysSo() {
        assertThat(GogoCommands.rootMessage(new IllegalStateException("x", new InterruptedException())))
                .isEqualTo("interrupted");
    }
}
