package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.DependencyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyCommandsTest {

    private final ShellFixture shell = new ShellFixture();

    @Test
    void orderPrintsNumberedIdsOrAJsonArray() {
        shell.dependencies.order(false, "calculator-skill");
        assertThat(shell.output()).isEqualTo("1. base-util\n2. config-manager\n3. logger\n4. calculator-skill\n");
        shell.dependencies.order(true, "weather-skill");
        assertThat(shell.json()).isEqualTo(List.of("config-manager", "logger", "weather-skill"));
    }

    @Test
    void orderOfNothingIsEveryComponent() {
        shell.dependencies.order(true);
        assertThat((List<?>) shell.json()).hasSize(6);
    }

    @Test
    void depsShowOriginsAndRequirements() {
        shell.dependencies.deps(true, "calculator-skill");
        assertThat(shell.json()).isEqualTo(List.of(
                Map.of("id", "base-util", "origin", "declared",
                        "requirement", "osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=base-util)\""),
                Map.of("id", "logger", "origin", "declared",
                        "requirement", "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log)\"")));
        shell.dependencies.deps(false, "config-manager");
        assertThat(shell.output()).isEqualTo("config-manager depends on nothing.\n");
        shell.dependencies.deps(false, "calculator-skill");
        assertThat(shell.output()).startsWith("ID         ORIGIN    REQUIREMENT\nbase-util  declared  osgi.wiring.bundle");
    }

    @Test
    void dependentsHaveTheSameShapeNamedByTheDependent() {
        shell.dependencies.depend(false, "weather-skill", "base-util");
        shell.output();
        shell.dependencies.dependents(true, "base-util");
        assertThat(shell.json()).isEqualTo(List.of(
                Map.of("id", "calculator-skill", "origin", "declared",
                        "requirement", "osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=base-util)\""),
                mapWithNull("weather-skill", "explicit")));
    }

    @Test
    void dependAndUndependReportTheEdge() {
        shell.dependencies.depend(false, "weather-skill", "base-util");
        assertThat(shell.output()).isEqualTo("weather-skill now depends on base-util (explicit)\n");
        shell.dependencies.undepend(true, "weather-skill", "base-util");
        assertThat(shell.json()).isEqualTo(Map.of("dependent", "weather-skill", "dependency", "base-util",
                "dependencies", List.of("logger")));
    }

    @Test
    void undependOfADeclaredDependencyFails() {
        assertThatThrownBy(() -> shell.dependencies.undepend(false, "logger", "config-manager"))
                .isInstanceOf(DependencyException.class);
    }

    @Test
    void aCycleFailsWithItsPath() {
        assertThatThrownBy(() -> shell.dependencies.depend(false, "config-manager", "calculator-skill"))
                .isInstanceOf(CircularDependencyException.class)
                .hasMessageContaining("circular dependency config-manager -> calculator-skill -> logger -> config-manager");
    }

    @Test
    void cyclesPrintGroups() {
        shell.dependencies.cycles(false);
        assertThat(shell.output()).isEqualTo("No circular dependencies.\n");
        shell.registry.cycle("a", "b").cycle("c", "d", "e");
        shell.dependencies.cycles(true);
        assertThat(shell.json()).isEqualTo(List.of(List.of("a", "b"), List.of("c", "d", "e")));
        shell.dependencies.cycles(false);
        assertThat(shell.output()).isEqualTo("1. a, b (declared by the manifests: activated together as one group)\n"
                + "2. c, d, e (declared by the manifests: activated together as one group)\n");
    }

    private static Map<String, Object> mapWithNull(String id, String origin) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("origin", origin);
        m.put("requirement", null);
        return m;
    }
}
