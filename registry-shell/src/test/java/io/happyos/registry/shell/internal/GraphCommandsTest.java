package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    @Test
    void graphIsDotByDefaultAndPrintedAsIs() {
        shell.graph.graph(false, "dot", "weather-skill");
        assertThat(shell.output()).isEqualTo("""
                digraph dependencies {
                  "logger" -> "config-manager";
                  "weather-skill" -> "logger";
                }
                """);
    }

    @Test
    void graphInOtherFormatsAndOfEverything() {
        shell.graph.graph(false, "MERMAID");
        assertThat(shell.output()).startsWith("flowchart LR\n").contains("  calculator-skill --> base-util\n");
        shell.graph.graph(false, "json", "4");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat((List<Object>) json.get("edges")).contains((Object)
                Map.of("from", "calculator-skill", "to", "logger", "origin", "declared"));
    }

    @Test
    void graphJsonIsTheJsonFormatAndDefaultIsDot() {
        shell.graph.graph(true, "", "weather-skill");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat((List<Object>) json.get("edges")).containsExactlyInAnyOrder(
                Map.of("from", "weather-skill", "to", "logger", "origin", "declared"),
                Map.of("from", "logger", "to", "config-manager", "origin", "declared"));
        shell.graph.graph(true, "json");
        assertThat(shell.json()).isInstanceOf(Map.class);
        shell.graph.graph(false, "");
        assertThat(shell.output()).startsWith("digraph");
        assertThatThrownBy(() -> shell.graph.graph(true, "mermaid"))
                .hasMessage("--json and --format mermaid ask for two formats: give one of them");
    }

    @Test
    void graphRejectsAnUnknownFormatOrSeveralIds() {
        assertThatThrownBy(() -> shell.graph.graph(false, "svg"))
                .hasMessage("registry:graph: --format must be one of dot, mermaid, json; got 'svg'");
        assertThatThrownBy(() -> shell.graph.graph(false, "dot", "logger", "base-util"))
                .hasMessageStartingWith("give at most one component");
        assertThatThrownBy(() -> shell.graph.graph(false, "dot", "nope")).isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void validateReportsProblemsWithoutFailing() {
        shell.registry.status("logger", ComponentStatus.ERROR).missing("calculator-skill", "happyos.service=util");
        shell.graph.validate(false, "calculator-skill");
        assertThat(shell.output()).isEqualTo("""
                DEPENDENCY            PROBLEM     MESSAGE
                happyos.service=util  MISSING     nothing provides happyos.service=util
                base-util             NOT_ACTIVE  base-util is REGISTERED
                logger                IN_ERROR    logger is in error
                calculator-skill is now in ERROR; registry:clear calculator-skill takes it out
                """);
    }

    @Test
    void validateJsonIsAnArrayOfProblems() {
        shell.graph.validate(true, "weather-skill");
        assertThat(shell.json()).isEqualTo(List.of(Map.of("dependency", "logger", "kind", "NOT_ACTIVE",
                "message", "logger is REGISTERED")));
        shell.graph.validate(true, "config-manager");
        assertThat(shell.json()).isEqualTo(List.of());
    }

    @Test
    void validateSaysWhenAllIsWellAndFailsForAnUnknownId() {
        shell.registry.status("config-manager", ComponentStatus.ACTIVE);
        shell.graph.validate(false, "logger");
        assertThat(shell.output()).isEqualTo("all dependencies of logger are active\n");
        assertThatThrownBy(() -> shell.graph.validate(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
    }
}
