package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.testing.TestBundle;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ComponentCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    @Test
    void listShowsAnAlignedTableWithoutSystemComponents() {
        shell.components.list(false, false, "", "");
        List<String> lines = shell.output().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("ID                NAME              TYPE     VERSION  STATUS      BUNDLE  DEPS");
        assertThat(lines)
                .contains("calculator-skill  calculator-skill  skill    1.0.0    REGISTERED  "
                        + String.format("%-8s", shell.bundle("calculator-skill")) + "2");
        assertThat(lines).hasSize(6).noneMatch(l -> l.contains("io.happyos.registry.core"));
    }

    @Test
    void listAllIncludesSystemComponents() {
        shell.components.list(true, true, "", "");
        // the framework and the registry's runtime bundles are system components too
        assertThat(ids(shell.json()))
                .contains("io.happyos.registry.core", "org.apache.felix.framework")
                .hasSize(shell.registry.listComponents().size())
                .containsAll(ShellFixture.DEMO);
        shell.components.list(true, false, "system", "");
        assertThat(ids(shell.json()))
                .containsExactly(
                        "com.fasterxml.jackson.core.jackson-core",
                        "com.github.ben-manes.caffeine",
                        "io.happyos.registry.core",
                        "org.apache.felix.framework",
                        "org.xerial.sqlite-jdbc");
    }

    @Test
    void listFiltersByTypeAndStatus() {
        shell.activate("weather-skill");
        shell.components.list(true, false, "skill", "");
        assertThat(ids(shell.json())).containsExactly("calculator-skill", "weather-skill");
        shell.components.list(true, false, "skill", "active");
        assertThat(ids(shell.json())).containsExactly("weather-skill");
        shell.components.list(false, false, "nothing", "");
        assertThat(shell.output()).isEqualTo("No components match.\n");
    }

    @Test
    void listRejectsAnUnknownStatus() {
        assertThatThrownBy(() -> shell.components.list(false, false, "", "sleepy"))
                .hasMessage("registry:list: --status must be one of DISCOVERED, REGISTERED, ACTIVE, INACTIVE, ERROR; "
                        + "got 'sleepy'")
                .hasNoCause();
    }

    @Test
    void infoJsonHasTheContractFields() {
        shell.components.info(true, "calculator-skill");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsKeys(
                        "id",
                        "name",
                        "type",
                        "version",
                        "status",
                        "path",
                        "bundleId",
                        "accessCount",
                        "registeredAt",
                        "lastAccessed",
                        "dependencies",
                        "dependents",
                        "errors");
        assertThat(json)
                .containsEntry("id", "calculator-skill")
                .containsEntry("status", "REGISTERED")
                .containsEntry("bundleId", shell.bundleIds.get("calculator-skill"))
                .containsEntry("lastAccessed", null)
                .containsEntry(
                        "registeredAt",
                        shell.entry("calculator-skill").registeredAt().toString())
                .containsEntry("dependencies", List.of("base-util", "logger"))
                .containsEntry("errors", List.of());
    }

    @Test
    void infoAcceptsABundleNumberAndPrintsASummary() {
        shell.components.info(false, shell.bundle("logger"));
        assertThat(shell.output())
                .contains(
                        "Id             logger",
                        "Dependents     calculator-skill, weather-skill",
                        "Last accessed  never",
                        "Bundle         " + shell.bundle("logger"));
    }

    @Test
    void infoOfAnUnknownIdFailsNamingIt() {
        assertThatThrownBy(() -> shell.components.info(false, "nope"))
                .isInstanceOf(ComponentNotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void errorAndClearRecordAndLiftTheError() {
        shell.components.error(true, "logger", "disk", "full");
        assertThat(shell.json()).isEqualTo(Map.of("id", "logger", "status", "ERROR"));
        shell.components.info(true, "logger");
        assertThat(shell.output())
                .contains("\"errors\":[{\"at\":\""
                        + shell.entry("logger").errorHistory().get(0).at() + "\",\"message\":\"disk full\"}]");
        shell.components.clear(false, "logger");
        assertThat(shell.output()).isEqualTo("logger REGISTERED (error cleared)\n");
    }

    @Test
    void errorNeedsAMessage() {
        assertThatThrownBy(() -> shell.components.error(false, "logger")).hasMessageContaining("give a message");
    }

    @Test
    void registerResolvesARelativePathAgainstTheSessionDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("jars"));
        TestBundle.builder("extra").version("1.0.0").writeTo(dir.resolve("jars/extra-1.0.jar"));
        shell.components.register(sessionIn(dir), true, "jars/../jars/extra-1.0.jar");
        assertThat(shell.json()).isEqualTo(Map.of("id", "extra", "status", "REGISTERED"));
        assertThat(shell.registry.getComponent("extra").component().path())
                .isEqualTo(dir.resolve("jars/extra-1.0.jar").toString());
    }

    @Test
    void registerOfAMissingFileSaysWhichFile(@TempDir Path dir) {
        assertThatThrownBy(() -> shell.components.register(sessionIn(dir), false, "missing.jar"))
                .hasMessage("no such file: " + dir.resolve("missing.jar") + " (give the path of a bundle JAR)");
    }

    @Test
    void unregisterRemovesTheComponent() {
        shell.components.unregister(true, "weather-skill");
        assertThat(shell.json()).isEqualTo(Map.of("id", "weather-skill", "unregistered", true));
        assertThat(shell.registry.findComponent("weather-skill")).isEmpty();
    }

    private static CommandSession sessionIn(Path dir) {
        return (CommandSession) Proxy.newProxyInstance(
                CommandSession.class.getClassLoader(), new Class<?>[] {CommandSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("currentDir") && args == null) {
                        return dir;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object json) {
        return ((List<Map<String, Object>>) json).stream().map(m -> m.get("id")).toList();
    }
}
