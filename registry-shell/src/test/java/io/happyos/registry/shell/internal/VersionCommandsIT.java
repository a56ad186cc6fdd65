package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.JarVersion;
import io.happyos.registry.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Versions kept by the real registry for the JARs of its watched bundles folder. */
class VersionCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture().watching();

    /** Deploys echo.jar in each version in turn, the last one staying installed. */
    private void deploy(String... versions) throws Exception {
        for (String version : versions) {
            shell.drop(TestBundle.builder("echo"), "echo", version, "echo.jar");
        }
    }

    @Test
    void historyListsTheVersionsNewestFirstAndMarksTheCurrentOne() throws Exception {
        deploy("1.0.0", "2.0.0");
        List<JarVersion> kept = shell.registry.versions().getVersionHistory("echo");
        shell.versions.history(false, "echo");
        assertThat(shell.output())
                .contains("VERSION", "2.0.0", "1.0.0", kept.get(0).checksum().substring(0, 12))
                .doesNotContain(kept.get(0).checksum())
                .containsPattern("2\\.0\\.0.*yes");

        shell.versions.history(true, "echo");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) shell.json();
        assertThat(json).extracting(m -> m.get("version")).containsExactly("2.0.0", "1.0.0");
        assertThat(json).extracting(m -> m.get("current")).containsExactly(true, false);
        assertThat(json)
                .extracting(m -> m.get("checksum"))
                .containsExactly(kept.get(0).checksum(), kept.get(1).checksum());
    }

    @Test
    void rollbackReinstatesThePreviousOrANamedVersionAndFailsClearlyWithoutOne() throws Exception {
        deploy("1.0.0", "2.0.0", "3.0.0");
        shell.versions.rollback(false, "echo");
        assertThat(shell.output()).isEqualTo("echo rolled back to 2.0.0\n");
        await().atMost(ShellFixture.WAIT)
                .until(() -> "2.0.0".equals(shell.entry("echo").component().version()));
        shell.versions.rollback(true, "echo", "1.0.0");
        assertThat(shell.json()).isEqualTo(Map.of("id", "echo", "version", "1.0.0"));
        await().atMost(ShellFixture.WAIT)
                .until(() -> "1.0.0".equals(shell.entry("echo").component().version()));

        assertThatThrownBy(() -> shell.versions.rollback(false, "base-util"))
                .hasMessageContaining("base-util has no earlier version");
        assertThatThrownBy(() -> shell.versions.rollback(false))
                .hasMessageContaining("usage: registry:rollback ID [VERSION]");
    }

    @Test
    void impactListsWhatWouldBeDeactivated() {
        shell.activate("calculator-skill").activate("weather-skill");
        shell.versions.impact(false, "logger");
        assertThat(shell.output())
                .isEqualTo(
                        "reloading or removing logger would deactivate, in order: weather-skill, calculator-skill, logger\n");
        shell.versions.impact(true, "logger");
        assertThat(shell.json()).isEqualTo(List.of("weather-skill", "calculator-skill", "logger"));
    }
}
