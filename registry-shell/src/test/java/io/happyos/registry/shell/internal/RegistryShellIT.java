package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The {@code registry:*} commands in a real Felix with the registry, Gogo runtime, this bundle and
 * the sample bundles (all but weather-skill, which a test registers through the shell).
 */
class RegistryShellIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ShellInFelix fixture;
    private EmbeddedFelix felix;
    private GogoSession shell;
    private final Map<String, Long> bundleIds = new HashMap<>();

    @BeforeEach
    void startFramework() throws Exception {
        // calculator-skill last in the wait: the fixture waits for the last sample it installs
        fixture = ShellInFelix.start(List.of(
                "config-manager",
                "logger",
                "base-util",
                "failing-activator",
                "missing-requirement",
                "calculator-skill"));
        felix = fixture.felix;
        shell = fixture.shell;
        bundleIds.putAll(fixture.bundleIds);
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void listJsonIsAnArrayWithTheSamplesRegisteredAndSystemComponentsHidden() throws Exception {
        List<Map<String, Object>> list = objects(MiniJson.parse(shell.ok("registry:list --json")));
        Map<String, Object> calculator = byId(list, "calculator-skill");
        assertThat(calculator)
                .containsEntry("status", "REGISTERED")
                .containsEntry("bundleId", bundleIds.get("calculator-skill"))
                .containsKeys(
                        "name",
                        "type",
                        "version",
                        "path",
                        "accessCount",
                        "registeredAt",
                        "lastAccessed",
                        "dependencies",
                        "dependents",
                        "errors");
        assertThat(list).noneMatch(e -> "system".equals(e.get("type")));

        List<Map<String, Object>> all = objects(MiniJson.parse(shell.ok("registry:list --all --json")));
        assertThat(all).anyMatch(e -> "system".equals(e.get("type")));
    }

    @Test
    void whyNamesTheRootCauseAndItsFixForAFailedActivatorAndAMissingPackage() throws Exception {
        assertThat(shell.fails("registry:activate failing-activator")).contains("simulated start failure");

        String failing = shell.ok("registry:why failing-activator");
        assertThat(failing)
                .startsWith("failing-activator is ERROR\nRoot cause:\n")
                .contains("[ACTIVATION_FAILED] failing-activator failed to start")
                .contains("fix: fix the exception in failing-activator's activator");

        String missing = shell.ok("registry:why missing-requirement");
        assertThat(missing)
                .contains("[MISSING_REQUIREMENT] missing-requirement requires capability happyos.service"
                        + " quantum-engine")
                .contains("fix: install a bundle providing capability happyos.service quantum-engine");
        assertThat(shell.ok("registry:why logger"))
                .isEqualTo(
                        "logger is REGISTERED\nRoot cause:\n  1. logger is REGISTERED and nothing stands in the way of activating it\n"
                                + "     fix: activate it: registry:activate logger\nHow it comes about:\n"
                                + "  └─ [NOT_ACTIVATED] logger is REGISTERED and nothing stands in the way of activating it\n"
                                + "     fix: activate it: registry:activate logger\n");
    }

    @Test
    void listPrintsAnAlignedTable() throws Exception {
        List<String> lines = shell.ok("registry:list").lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("STATUS", "BUNDLE");
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("calculator-skill "))
                .singleElement()
                .satisfies(l -> assertThat(l.substring(statusColumn)).startsWith("REGISTERED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void activateReportsWhatChangedAndInfoShowsTheComponentActive() throws Exception {
        String activated = shell.ok("registry:activate calculator-skill");
        assertThat(activated)
                .startsWith("calculator-skill ACTIVE (activated: ")
                .contains("config-manager", "logger", "base-util");

        Map<String, Object> info =
                (Map<String, Object>) MiniJson.parse(shell.ok("registry:info calculator-skill --json"));
        assertThat(info).containsEntry("id", "calculator-skill").containsEntry("status", "ACTIVE");
        assertThat((List<Object>) info.get("dependencies")).contains("logger", "base-util");
    }

    @Test
    @SuppressWarnings("unchecked")
    void orderPutsEachComponentAfterItsDependencies() throws Exception {
        List<Object> order = (List<Object>) MiniJson.parse(shell.ok("registry:order calculator-skill --json"));
        assertThat(order).contains("config-manager", "logger", "base-util", "calculator-skill");
        assertThat(order.indexOf("config-manager")).isLessThan(order.indexOf("logger"));
        assertThat(order.indexOf("logger")).isLessThan(order.indexOf("calculator-skill"));
        assertThat(order.indexOf("base-util")).isLessThan(order.indexOf("calculator-skill"));
        assertThat(shell.ok("registry:order calculator-skill")).endsWith(". calculator-skill\n");
    }

    @Test
    void aDependencyThatClosesACycleFailsNamingTheCycle() throws Exception {
        String failure = shell.fails("registry:depend config-manager calculator-skill");
        assertThat(failure).contains("circular", "config-manager", "calculator-skill");
        assertThat(shell.ok("registry:deps config-manager --json")).doesNotContain("calculator-skill");
    }

    @Test
    void anExplicitDependencyCanBeAddedAndRemoved() throws Exception {
        assertThat(shell.ok("registry:depend base-util config-manager"))
                .isEqualTo("base-util now depends on config-manager (explicit)\n");
        assertThat(shell.ok("registry:deps base-util --json")).contains("\"origin\":\"explicit\"");
        assertThat(shell.ok("registry:dependents config-manager --json")).contains("\"id\":\"base-util\"");
        shell.ok("registry:undepend base-util config-manager");
        assertThat(shell.ok("registry:deps base-util --json")).doesNotContain("config-manager");
    }

    @Test
    void undependSaysWhetherThereIsNoDependencyAtAllOrOnlyADeclaredOne() throws Exception {
        assertThat(shell.fails("registry:undepend base-util config-manager"))
                .isEqualTo("io.happyos.registry.DependencyException: base-util does not depend on config-manager; "
                        + "registry:deps base-util lists its dependencies\n");
        assertThat(shell.fails("registry:undepend calculator-skill logger"))
                .contains("calculator-skill has no explicit dependency on logger: declared dependencies follow the "
                        + "manifests and cannot be removed");
        assertThat(shell.fails("registry:undepend nope logger")).contains("no component with id 'nope'");
    }

    @Test
    void anUnknownIdFailsNamingIt() throws Exception {
        assertThat(shell.fails("registry:info nope")).contains("nope");
    }

    @Test
    void aBundleNumberWorksAsAnId() throws Exception {
        long bundleId = bundleIds.get("calculator-skill");
        @SuppressWarnings("unchecked")
        Map<String, Object> info =
                (Map<String, Object>) MiniJson.parse(shell.ok("registry:info " + bundleId + " --json"));
        assertThat(info).containsEntry("id", "calculator-skill").containsEntry("bundleId", bundleId);
    }

    @Test
    void depsShowDeclaredDependenciesWithTheirRequirement() throws Exception {
        List<Map<String, Object>> deps = objects(MiniJson.parse(shell.ok("registry:deps calculator-skill --json")));
        assertThat(deps)
                .isNotEmpty()
                .anySatisfy(d -> assertThat(d).containsEntry("id", "logger").containsEntry("origin", "declared"))
                .allSatisfy(d -> assertThat(d).containsKeys("id", "origin", "requirement"));
        assertThat(deps)
                .filteredOn(d -> "declared".equals(d.get("origin")))
                .allSatisfy(d -> assertThat((String) d.get("requirement")).isNotBlank());
    }

    @Test
    void aFailedActivationFailsTheCommandAndLeavesTheComponentInError() throws Exception {
        assertThat(shell.fails("registry:activate failing-activator")).contains("failing-activator");
        assertThat(shell.ok("registry:info failing-activator --json")).contains("\"status\":\"ERROR\"");
    }

    @Test
    void registerTakesAPathRelativeToTheSessionDirectory() throws Exception {
        Path jar = EmbeddedFelix.sampleBundle("weather-skill");
        shell.cd(jar.getParent());
        String registered = shell.ok("registry:register " + jar.getFileName() + " --json");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) MiniJson.parse(registered);
        assertThat(result).containsEntry("status", "REGISTERED").containsKey("id");
        assertThat(shell.ok("registry:info " + result.get("id") + " --json")).contains("\"name\":\"weather-skill\"");
    }

    @Test
    void withoutTheRegistryTheCommandsSaySo() throws Exception {
        for (Bundle b : felix.context().getBundles()) {
            if ("io.happyos.registry.core".equals(b.getSymbolicName())) {
                b.stop();
            }
        }
        assertThat(shell.fails("registry:list")).contains("registry service is not available");
    }

    @Test
    @SuppressWarnings("unchecked")
    void treeEventsAndTopShowWhatTheRealRegistryDid() throws Exception {
        shell.ok("registry:activate calculator-skill");

        String tree = shell.ok("registry:tree calculator-skill");
        assertThat(tree)
                .startsWith("calculator-skill ACTIVE\n")
                .containsPattern("logger ACTIVE  via Import-Package io\\.happyos\\.samples\\.logger; "
                        + "Require-Capability happyos\\.service=logger")
                .containsPattern("config-manager ACTIVE  via [^\\n]*Import-Package");
        assertThat(shell.ok("registry:tree config-manager --reverse --depth 1"))
                .startsWith("config-manager ACTIVE\n")
                .contains("logger ACTIVE  via ", "(more below: raise --depth)");

        List<Object> events = (List<Object>) MiniJson.parse(shell.ok("registry:events --count 1000 --json"));
        List<String> calculator = events.stream()
                .map(e -> (Map<String, Object>) e)
                .filter(e -> e.get("id").equals("calculator-skill"))
                .map(e -> e.get("from") + "->" + e.get("to"))
                .toList();
        assertThat(calculator).containsExactly("null->REGISTERED", "REGISTERED->ACTIVE");

        Map<String, Object> top =
                (Map<String, Object>) MiniJson.parse(shell.ok("registry:top --once --interval 50 --count 20 --json"));
        Map<String, Object> row = byId(objects(top.get("components")), "calculator-skill");
        assertThat(row).containsEntry("status", "ACTIVE").containsEntry("errors", 0L);
        assertThat((Double) row.get("activationTimeMs")).isPositive();
        assertThat(shell.ok("registry:watch --once calculator-skill"))
                .contains("calculator-skill  skill  ACTIVE", "calculator-skill  REGISTERED ");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object json) {
        assertThat(json).isInstanceOf(List.class);
        return (List<Map<String, Object>>) json;
    }

    private static Map<String, Object> byId(List<Map<String, Object>> entries, String id) {
        return entries.stream()
                .filter(e -> id.equals(e.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + entries));
    }
}
