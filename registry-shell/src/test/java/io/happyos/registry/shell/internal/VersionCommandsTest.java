package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.JarVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    private void keep(String id, String... versions) {
        List<JarVersion> kept = new java.util.ArrayList<>();
        long t = 1_000_000;
        for (String v : versions) {
            kept.add(new JarVersion(
                    v, "abcdef0123456789" + v, Instant.ofEpochMilli(t--), "/h/" + id + "-" + v + ".jar"));
        }
        shell.registry.versions.put(id, kept);
    }

    @Test
    void historyListsTheVersionsNewestFirstAndMarksTheCurrentOne() {
        keep("logger", "2.0.0", "1.0.0");
        shell.versions.history(false, "logger");
        assertThat(shell.output())
                .contains("VERSION", "2.0.0", "1.0.0", "abcdef012345")
                .containsPattern("2\\.0\\.0.*yes");

        shell.versions.history(true, "logger");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) shell.json();
        assertThat(json).extracting(m -> m.get("version")).containsExactly("2.0.0", "1.0.0");
        assertThat(json).extracting(m -> m.get("current")).containsExactly(true, false);
    }

    @Test
    void rollbackReinstatesThePreviousOrANamedVersionAndFailsClearlyWithoutOne() {
        keep("logger", "3.0.0", "2.0.0", "1.0.0");
        shell.versions.rollback(false, "logger");
        assertThat(shell.output()).isEqualTo("logger rolled back to 2.0.0\n");
        shell.versions.rollback(true, "logger", "1.0.0");
        assertThat(shell.json()).isEqualTo(Map.of("id", "logger", "version", "1.0.0"));

        assertThatThrownBy(() -> shell.versions.rollback(false, "base-util"))
                .hasMessageContaining("base-util has no earlier version");
        assertThatThrownBy(() -> shell.versions.rollback(false))
                .hasMessageContaining("usage: registry:rollback ID [VERSION]");
    }

    @Test
    void impactListsWhatWouldBeDeactivated() {
        shell.versions.impact(false, "logger");
        assertThat(shell.output())
                .isEqualTo(
                        "reloading or removing logger would deactivate, in order: calculator-skill, weather-skill, logger\n");
        shell.versions.impact(true, "logger");
        assertThat(shell.json()).isEqualTo(List.of("calculator-skill", "weather-skill", "logger"));
    }
}
