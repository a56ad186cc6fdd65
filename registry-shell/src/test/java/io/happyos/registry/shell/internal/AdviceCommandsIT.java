package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code registry:advise} over the real registry, and the printing of advice answered by the test. */
class AdviceCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /** Just started, logger (and config-manager) activated and used as declared: nothing to say. */
    @Test
    void aQuietRegistryHasNoAdvice() {
        shell.activate("logger");
        shell.advice.advise(false);
        assertThat(shell.output()).isEqualTo(AdviceCommands.NONE + "\n");
        shell.advice.advise(true);
        assertThat(shell.json()).isEqualTo(List.of());
    }

    @Test
    void fixedAdvicePrintsNumberedWithEvidenceAndCommand() {
        shell.answer("getAdvice", (m, args, real) -> AdviceCommandsTest.ADVICE);
        shell.advice.advise(false);
        assertThat(shell.output()).isEqualTo(AdviceCommands.text(AdviceCommandsTest.ADVICE, Ansi.PLAIN));
        shell.advice.advise(true);
        Map<String, Object> unused = new HashMap<>();
        unused.put("kind", "UNUSED_DEPENDENCY");
        unused.put("components", List.of("calculator-skill", "base-util"));
        unused.put("summary", "calculator-skill declares a dependency on base-util but never used it");
        unused.put("evidence", List.of("0 lookups"));
        unused.put("command", null);
        assertThat(shell.json())
                .isEqualTo(List.of(
                        Map.of(
                                "kind",
                                "SLOW_ACTIVATION",
                                "components",
                                List.of("weather-skill"),
                                "summary",
                                "weather-skill took 2.4 s to activate, 8x its median (300 ms over 12 activations)",
                                "evidence",
                                List.of("latest activation: 2.4 s", "earlier 12 activations: median 300 ms"),
                                "command",
                                "registry:audit --component weather-skill --limit 20"),
                        unused));
    }
}
