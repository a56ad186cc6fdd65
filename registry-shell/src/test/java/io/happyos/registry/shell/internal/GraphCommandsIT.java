package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    @Test
    void graphIsDotByDefaultAndPrintedAsIs() {
        shell.graph.graph(false, "dot", "weather-skill");
        assertThat(shell.output()).isEqualTo("""
                digraph dependencies {
                  rankdir=LR;
                  node [shape=box];
                  "config-manager" [label="config-manager\\nservice \u00b7 REGISTERED"];
                  "logger" [label="logger\\nservice \u00b7 REGISTERED"];
                  "weather-skill" [label="weather-skill\\nskill \u00b7 REGISTERED"];
                  "logger" -> "config-manager";
                  "weather-skill" -> "config-manager";
                  "weather-skill" -> "logger";
                }
                """);
    }

    @Test
    void graphInOtherFormatsAndOfEverything() {
        shell.graph.graph(false, "MERMAID");
        assertThat(shell.output())
                .startsWith("flowchart LR\n")
                .contains(
                        "  n0[\"base-util<br/>library \u00b7 REGISTERED\"]:::registered\n",
                        "  n1[\"calculator-skill<br/>skill \u00b7 REGISTERED\"]:::registered\n",
                        "  n1 --> n0\n");
        shell.graph.graph(false, "json", shell.bundle("logger"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat((List<Object>) json.get("edges"))
                .contains((Object) Map.of("from", "calculator-skill", "to", "logger", "origin", "declared"));
    }

    @Test
    void graphJsonIsTheJsonFormatAndDefaultIsDot() {
        shell.graph.graph(true, "", "weather-skill");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat((List<Object>) json.get("edges"))
                .containsExactlyInAnyOrder(
                        Map.of("from", "weather-skill", "to", "logger", "origin", "declared"),
                        Map.of("from", "weather-skill", "to", "config-manager", "origin", "declared"),
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
        assertThatThrownBy(() -> shell.graph.graph(false, "dot", "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void validateReportsProblemsWithoutFailing() throws Exception {
        shell.status("logger", ComponentStatus.ERROR);
        // calculator-skill's needs, and one that nothing provides
        shell.install(
                TestBundle.builder("abacus-skill")
                        .version("1.0.0")
                        .requireCapability("happyos.service;filter:=\"(happyos.service=quantum-engine)\","
                                + "happyos.service;filter:=\"(happyos.service=util)\","
                                + "happyos.service;filter:=\"(happyos.service=logger)\""),
                "abacus-skill");
        shell.graph.validate(false, "abacus-skill");
        assertThat(shell.output()).isEqualTo("""
                DEPENDENCY                                                  PROBLEM     MESSAGE
                happyos.service;filter:="(happyos.service=quantum-engine)"  MISSING     nothing installed provides happyos.service;filter:="(happyos.service=quantum-engine)"
                base-util                                                   NOT_ACTIVE  base-util is not active (REGISTERED)
                logger                                                      IN_ERROR    logger is in ERROR (status set to ERROR by hand)
                abacus-skill is now in ERROR; registry:clear abacus-skill takes it out
                """);
    }

    @Test
    void validateJsonIsAnArrayOfProblems() {
        shell.graph.validate(true, "weather-skill");
        assertThat(shell.json())
                .isEqualTo(List.of(
                        Map.of(
                                "dependency",
                                "config-manager",
                                "kind",
                                "NOT_ACTIVE",
                                "message",
                                "config-manager is not active (REGISTERED)"),
                        Map.of(
                                "dependency",
                                "logger",
                                "kind",
                                "NOT_ACTIVE",
                                "message",
                                "logger is not active (REGISTERED)")));
        shell.graph.validate(true, "config-manager");
        assertThat(shell.json()).isEqualTo(List.of());
    }

    @Test
    void validateSaysWhenAllIsWellAndFailsForAnUnknownId() {
        shell.activate("config-manager");
        shell.graph.validate(false, "logger");
        assertThat(shell.output()).isEqualTo("all dependencies of logger are active\n");
        assertThatThrownBy(() -> shell.graph.validate(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
    }
}
