package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceCommandsTest {

    static final List<Advice> ADVICE = List.of(
            new Advice(
                    AdviceKind.SLOW_ACTIVATION,
                    List.of("weather-skill"),
                    "weather-skill took 2.4 s to activate, 8x its median (300 ms over 12 activations)",
                    List.of("latest activation: 2.4 s", "earlier 12 activations: median 300 ms"),
                    "registry:audit --component weather-skill --limit 20"),
            new Advice(
                    AdviceKind.UNUSED_DEPENDENCY,
                    List.of("calculator-skill", "base-util"),
                    "calculator-skill declares a dependency on base-util but never used it",
                    List.of("0 lookups"),
                    null));

    @Test
    void eachAdviceIsNumberedWithItsKindEvidenceAndCommand() {
        assertThat(AdviceCommands.text(ADVICE, Ansi.PLAIN)).isEqualTo("""
                        1. [SLOW_ACTIVATION] weather-skill took 2.4 s to activate, 8x its median (300 ms over 12 activations)
                           - latest activation: 2.4 s
                           - earlier 12 activations: median 300 ms
                           run: registry:audit --component weather-skill --limit 20

                        2. [UNUSED_DEPENDENCY] calculator-skill declares a dependency on base-util but never used it
                           - 0 lookups
                        """);
    }

    @Test
    void noAdviceSaysSo() {
        assertThat(AdviceCommands.text(List.of(), Ansi.PLAIN)).isEqualTo(AdviceCommands.NONE + "\n");
    }
}
