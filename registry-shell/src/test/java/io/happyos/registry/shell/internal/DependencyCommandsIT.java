package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.DependencyException;
import io.happyos.registry.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DependencyCommandsIT {

    private static final String UTIL_PACKAGE =
            "osgi.wiring.package;filter:=\"(&(osgi.wiring.package=io.happyos.samples.util)(version>=1.0.0)(!(version>=2.0.0)))\"";
    private static final String UTIL_SERVICE = "happyos.service;filter:=\"(&(happyos.service=util)(version>=1.0.0))\"";
    private static final String LOGGER_PACKAGE =
            "osgi.wiring.package;filter:=\"(&(osgi.wiring.package=io.happyos.samples.logger)(version>=1.0.0)(!(version>=2.0.0)))\"";
    private static final String LOGGER_SERVICE =
            "happyos.service;filter:=\"(&(happyos.service=logger)(version>=1.0.0))\"";

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

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
        assertThat((List<?>) shell.json())
                .hasSize(shell.registry.listComponents().size());
    }

    @Test
    void depsShowOriginsAndRequirements() {
        shell.dependencies.deps(true, "calculator-skill");
        // one entry per requirement of the manifest that a dependency satisfies
        assertThat(shell.json())
                .isEqualTo(List.of(
                        Map.of("id", "base-util", "origin", "declared", "requirement", UTIL_PACKAGE),
                        Map.of("id", "base-util", "origin", "declared", "requirement", UTIL_SERVICE),
                        Map.of("id", "logger", "origin", "declared", "requirement", LOGGER_PACKAGE),
                        Map.of("id", "logger", "origin", "declared", "requirement", LOGGER_SERVICE)));
        shell.dependencies.deps(false, "config-manager");
        assertThat(shell.output()).isEqualTo("config-manager depends on nothing.\n");
        shell.dependencies.deps(false, "calculator-skill");
        assertThat(shell.output())
                .startsWith("ID         ORIGIN    REQUIREMENT\nbase-util  declared  osgi.wiring.package");
    }

    @Test
    void dependentsHaveTheSameShapeNamedByTheDependent() {
        shell.dependencies.depend(false, "weather-skill", "base-util");
        shell.output();
        shell.dependencies.dependents(true, "base-util");
        assertThat(shell.json())
                .isEqualTo(List.of(
                        Map.of("id", "calculator-skill", "origin", "declared", "requirement", UTIL_PACKAGE),
                        Map.of("id", "calculator-skill", "origin", "declared", "requirement", UTIL_SERVICE),
                        mapWithNull("weather-skill", "explicit")));
    }

    @Test
    void dependAndUndependReportTheEdge() {
        shell.dependencies.depend(false, "weather-skill", "base-util");
        assertThat(shell.output()).isEqualTo("weather-skill now depends on base-util (explicit)\n");
        shell.dependencies.undepend(true, "weather-skill", "base-util");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "dependent",
                        "weather-skill",
                        "dependency",
                        "base-util",
                        "dependencies",
                        List.of("config-manager", "logger")));
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
                .hasMessageContaining(
                        "circular dependency config-manager -> calculator-skill -> logger -> config-manager");
    }

    @Test
    void cyclesPrintGroups() throws Exception {
        shell.dependencies.cycles(false);
        assertThat(shell.output()).isEqualTo("No circular dependencies.\n");
        ring("a", "b");
        ring("c", "d", "e");
        shell.dependencies.cycles(true);
        assertThat(shell.json()).isEqualTo(List.of(List.of("a", "b"), List.of("c", "d", "e")));
        shell.dependencies.cycles(false);
        assertThat(shell.output())
                .isEqualTo("1. a, b (declared by the manifests: activated together as one group)\n"
                        + "2. c, d, e (declared by the manifests: activated together as one group)\n");
    }

    /** Bundles that require one another in a ring through Require-Bundle, which the framework allows. */
    private void ring(String... names) throws Exception {
        for (int i = 0; i < names.length; i++) {
            shell.install(
                    TestBundle.builder(names[i]).version("1.0.0").requireBundle(names[(i + 1) % names.length]),
                    names[i]);
        }
        await().atMost(ShellFixture.WAIT)
                .until(() -> shell.registry.dependencies().findCircularDependencies().stream()
                        .anyMatch(c -> c.contains(names[0])));
    }

    private static Map<String, Object> mapWithNull(String id, String origin) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("origin", origin);
        m.put("requirement", null);
        return m;
    }
}
