package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Explanation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    private static Explanation chain() {
        Cause root = Cause.root(
                CauseKind.MISSING_REQUIREMENT,
                "logger",
                "logger requires package io.happyos.config in [1.0.0,2.0.0), which nothing installed provides",
                "install a bundle providing package io.happyos.config in [1.0.0,2.0.0)",
                List.of("Import-Package: osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.config)\""));
        Cause dependency = new Cause(
                CauseKind.DEPENDENCY_NOT_ACTIVE,
                "calculator-skill",
                "calculator-skill depends on logger, which is REGISTERED",
                null,
                List.of("calculator-skill -> logger: declared"),
                List.of(root));
        return new Explanation(
                "calculator-skill",
                ComponentStatus.ERROR,
                false,
                "calculator-skill is ERROR: " + root.message() + ". Fix: " + root.fix(),
                List.of(dependency));
    }

    @Test
    void whyPrintsTheRootCauseWithItsFixThenTheTree() {
        shell.registry.explanations.put("calculator-skill", chain());

        shell.diagnostics.why(false, "calculator-skill");

        assertThat(shell.output()).isEqualTo("""
                calculator-skill is ERROR
                Root cause:
                  1. logger requires package io.happyos.config in [1.0.0,2.0.0), which nothing installed provides
                     fix: install a bundle providing package io.happyos.config in [1.0.0,2.0.0)
                How it comes about:
                  └─ [DEPENDENCY_NOT_ACTIVE] calculator-skill depends on logger, which is REGISTERED
                     - calculator-skill -> logger: declared
                     └─ [MISSING_REQUIREMENT] logger requires package io.happyos.config in [1.0.0,2.0.0), which nothing installed provides
                        - Import-Package: osgi.wiring.package;filter:="(osgi.wiring.package=io.happyos.config)"
                        fix: install a bundle providing package io.happyos.config in [1.0.0,2.0.0)
                """);
    }

    @Test
    void onATerminalTheRootIsRedAndTheFixGreenAndWithoutLineDrawingTheTreeIsAscii() {
        Explanation explanation = chain();
        String coloured = DiagnosticCommands.text(explanation, new Ansi(true, true, true));
        assertThat(coloured)
                .contains("\u001b[31mlogger requires package")
                .contains("\u001b[32minstall a bundle")
                .contains("\u001b[31mERROR\u001b[0m");
        assertThat(Ansi.strip(coloured)).isEqualTo(DiagnosticCommands.text(explanation, new Ansi(false, false, true)));

        String ascii = DiagnosticCommands.text(explanation, new Ansi(false, false, false));
        assertThat(ascii).contains("  `- [DEPENDENCY_NOT_ACTIVE]").doesNotContain("\u2514");
    }

    @Test
    void whyOfAHealthyComponentIsOneLine() {
        shell.diagnostics.why(false, "logger");

        assertThat(shell.output()).isEqualTo("logger is REGISTERED and nothing is wrong with it.\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whyAsJsonKeepsTheTreeAndListsTheRoots() {
        shell.registry.explanations.put("calculator-skill", chain());

        shell.diagnostics.why(true, "calculator-skill");

        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsEntry("id", "calculator-skill")
                .containsEntry("status", "ERROR")
                .containsEntry("healthy", false);
        List<Map<String, Object>> roots = (List<Map<String, Object>>) json.get("roots");
        assertThat(roots)
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("kind", "MISSING_REQUIREMENT")
                        .containsEntry("component", "logger"));
        Map<String, Object> top = ((List<Map<String, Object>>) json.get("causes")).get(0);
        assertThat(top).containsEntry("fix", null).containsEntry("kind", "DEPENDENCY_NOT_ACTIVE");
        assertThat((List<Object>) top.get("causes")).hasSize(1);
    }

    @Test
    void whyResolvesNamesAndRefusesUnknownIds() {
        assertThatThrownBy(() -> shell.diagnostics.why(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
        shell.diagnostics.why(false, "5");
        assertThat(shell.output()).startsWith("base-util is ");
    }
}
