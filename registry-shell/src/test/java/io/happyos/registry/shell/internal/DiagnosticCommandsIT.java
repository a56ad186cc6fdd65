package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.Explanation;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiagnosticCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /**
     * A real chain: needs-missing imports a package nothing provides, needs-needs requires that
     * bundle; activating needs-needs puts it in ERROR.
     */
    private void chain() throws Exception {
        shell.install(
                TestBundle.builder("needs-missing")
                        .version("1.0.0")
                        .importPackage("io.happyos.nowhere;version=\"[1.0,2.0)\""),
                "needs-missing");
        shell.install(TestBundle.builder("needs-needs").version("1.0.0").requireBundle("needs-missing"), "needs-needs");
        assertThatThrownBy(() -> shell.activate("needs-needs")).hasCauseInstanceOf(ComponentActivationException.class);
    }

    @Test
    void whyPrintsTheRootCauseWithItsFixThenTheTree() throws Exception {
        chain();

        shell.diagnostics.why(false, "needs-needs");

        assertThat(shell.output()).isEqualTo("""
                needs-needs is ERROR
                Root cause:
                  1. needs-missing requires package io.happyos.nowhere in [1.0.0,2.0.0), which nothing installed provides
                     fix: install a bundle providing package io.happyos.nowhere in [1.0.0,2.0.0)
                How it comes about:
                  └─ [PROVIDER_NOT_RESOLVED] needs-needs requires bundle needs-missing, whose only providers cannot resolve themselves
                     - bundle needs-missing 1.0.0 from needs-missing 1.0.0 (cannot resolve)
                     └─ [MISSING_REQUIREMENT] needs-missing requires package io.happyos.nowhere in [1.0.0,2.0.0), which nothing installed provides
                        - Import-Package: osgi.wiring.package;filter:="(&(osgi.wiring.package=io.happyos.nowhere)(version>=1.0.0)(!(version>=2.0.0)))"
                        - nothing installed provides io.happyos.nowhere in any version
                        fix: install a bundle providing package io.happyos.nowhere in [1.0.0,2.0.0)
                """);
    }

    @Test
    void onATerminalTheRootIsRedAndTheFixGreenAndWithoutLineDrawingTheTreeIsAscii() throws Exception {
        chain();
        Explanation explanation = shell.registry.diagnostics().explain("needs-needs");
        String coloured = DiagnosticCommands.text(explanation, new Ansi(true, true, true));
        assertThat(coloured)
                .contains("\u001b[31mneeds-missing requires package")
                .contains("\u001b[32minstall a bundle")
                .contains("\u001b[31mERROR\u001b[0m");
        assertThat(Ansi.strip(coloured)).isEqualTo(DiagnosticCommands.text(explanation, new Ansi(false, false, true)));

        String ascii = DiagnosticCommands.text(explanation, new Ansi(false, false, false));
        assertThat(ascii).contains("  `- [PROVIDER_NOT_RESOLVED]").doesNotContain("\u2514");
    }

    @Test
    void whyOfAComponentHeldByAHookPrintsTheReason() {
        shell.registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_ACTIVATION, event -> {
            if (event.componentId().equals("base-util")) {
                throw new ComponentHeldException("base-util", "singleton running on node beta");
            }
        });
        assertThatThrownBy(() -> shell.activate("base-util")).hasCauseInstanceOf(ComponentHeldException.class);

        shell.diagnostics.why(false, "base-util");

        assertThat(shell.output()).isEqualTo("""
                base-util is INACTIVE
                Root cause:
                  1. singleton running on node beta
                     fix: nothing to fix: it is activated here when the hook lets it (registry:activate base-util); for a cluster singleton, when the node running it stops
                How it comes about:
                  └─ [HELD] singleton running on node beta
                     fix: nothing to fix: it is activated here when the hook lets it (registry:activate base-util); for a cluster singleton, when the node running it stops
                """);
    }

    @Test
    void whyOfAHealthyComponentIsOneLine() {
        shell.activate("logger");

        shell.diagnostics.why(false, "logger");

        assertThat(shell.output()).isEqualTo("logger is ACTIVE and nothing is wrong with it.\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whyAsJsonKeepsTheTreeAndListsTheRoots() throws Exception {
        chain();

        shell.diagnostics.why(true, "needs-needs");

        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsEntry("id", "needs-needs")
                .containsEntry("status", "ERROR")
                .containsEntry("healthy", false);
        List<Map<String, Object>> roots = (List<Map<String, Object>>) json.get("roots");
        assertThat(roots)
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("kind", "MISSING_REQUIREMENT")
                        .containsEntry("component", "needs-missing"));
        Map<String, Object> top = ((List<Map<String, Object>>) json.get("causes")).get(0);
        assertThat(top).containsEntry("fix", null).containsEntry("kind", "PROVIDER_NOT_RESOLVED");
        assertThat((List<Object>) top.get("causes")).hasSize(1);
    }

    @Test
    void whyResolvesNamesAndRefusesUnknownIds() {
        assertThatThrownBy(() -> shell.diagnostics.why(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
        shell.diagnostics.why(false, shell.bundle("base-util"));
        assertThat(shell.output()).startsWith("base-util is ");
    }
}
