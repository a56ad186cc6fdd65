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

    @Test
    void gogosCoercionFailuresBecomeOneLineNamingTheCommandAndWhereToLook() {
        assertThat(GogoCommands.inWords(
                        "registry:list --bogus",
                        "Cannot coerce list(Token) to any of [(boolean, String, String, String)]"))
                .isEqualTo("registry:list: unknown option or wrong arguments '--bogus'; help registry:list lists its"
                        + " options and arguments");
        assertThat(GogoCommands.inWords("registry:info", "argument type mismatch"))
                .isEqualTo("registry:info: missing arguments; help registry:info lists its options and arguments");
        assertThat(GogoCommands.inWords("registry:info x", "no component 'x'")).isEqualTo("no component 'x'");
    }
}
