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

class TreeCommandsIT {

    private static final String UNLIMITED = Integer.toString(Integer.MAX_VALUE);

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    private void tree(boolean json, boolean reverse, String id) {
        shell.tree.tree(json, reverse, UNLIMITED, id);
    }

    /** Two generated bundles that require each other's capability, ping also logger's: a declared cycle. */
    private void pingPong() throws Exception {
        shell.install(
                TestBundle.builder("ping")
                        .version("1.0.0")
                        .provideCapability("happyos.service;happyos.service=ping")
                        .requireCapability("happyos.service;filter:=\"(happyos.service=pong)\","
                                + "happyos.service;filter:=\"(happyos.service=logger)\""),
                "ping");
        shell.install(
                TestBundle.builder("pong")
                        .version("1.0.0")
                        .provideCapability("happyos.service;happyos.service=pong")
                        .requireCapability("happyos.service;filter:=\"(happyos.service=ping)\""),
                "pong");
    }

    @Test
    void theDependencyTreeWithStatusesAndWhyEachEdgeExists() {
        shell.activate("logger").status("base-util", ComponentStatus.ERROR);
        tree(false, false, "calculator-skill");
        assertThat(shell.output()).isEqualTo("""
                calculator-skill REGISTERED
                \u251c\u2500\u2500 base-util ERROR  via Import-Package io.happyos.samples.util; Require-Capability happyos.service=util
                \u2514\u2500\u2500 logger ACTIVE  via Import-Package io.happyos.samples.logger; Require-Capability happyos.service=logger
                    \u2514\u2500\u2500 config-manager ACTIVE  via Import-Package io.happyos.samples.config; Require-Capability happyos.service=config
                """);
    }

    @Test
    void reverseShowsWhatDependsOnTheComponent() {
        shell.tree.tree(false, true, UNLIMITED, shell.bundle("config-manager"));
        assertThat(shell.output()).isEqualTo("""
                config-manager REGISTERED
                \u251c\u2500\u2500 logger REGISTERED  via Import-Package io.happyos.samples.config; Require-Capability happyos.service=config
                \u2502   \u251c\u2500\u2500 calculator-skill REGISTERED  via Import-Package io.happyos.samples.logger; Require-Capability happyos.service=logger
                \u2502   \u2514\u2500\u2500 weather-skill REGISTERED  via Import-Package io.happyos.samples.logger; Require-Capability happyos.service=logger
                \u2514\u2500\u2500 weather-skill REGISTERED  via Import-Package io.happyos.samples.config; Require-Capability happyos.service=config
                """);
    }

    @Test
    void aCycleIsMarkedWhereItClosesInsteadOfLooping() throws Exception {
        pingPong();
        tree(false, false, "ping");
        assertThat(shell.output()).isEqualTo("""
                ping REGISTERED
                \u251c\u2500\u2500 logger REGISTERED  via Require-Capability happyos.service=logger
                \u2502   \u2514\u2500\u2500 config-manager REGISTERED  via Import-Package io.happyos.samples.config; Require-Capability happyos.service=config
                \u2514\u2500\u2500 pong REGISTERED  via Require-Capability happyos.service=pong
                    \u2514\u2500\u2500 ping REGISTERED  via Require-Capability happyos.service=ping  \u21ba cycle back to ping
                """);
    }

    @Test
    void explicitEdgesAndTheDepthLimit() {
        ShellFixture.join(shell.registry.dependencies().addDependency("weather-skill", "base-util"));
        shell.tree.tree(false, false, "1", "weather-skill");
        assertThat(shell.output()).isEqualTo("""
                weather-skill REGISTERED
                \u251c\u2500\u2500 base-util REGISTERED  via explicit
                \u251c\u2500\u2500 config-manager REGISTERED  via Import-Package io.happyos.samples.config; Require-Capability happyos.service=config
                \u2514\u2500\u2500 logger REGISTERED  via Import-Package io.happyos.samples.logger; Require-Capability happyos.service=logger  (more below: raise --depth)
                """);
    }

    @Test
    void jsonNestsTheNodes() throws Exception {
        pingPong();
        tree(true, false, "ping");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) shell.json();
        assertThat(root)
                .containsEntry("id", "ping")
                .containsEntry("status", "REGISTERED")
                .containsEntry("via", List.of())
                .containsEntry("mark", null);
        Map<?, ?> logger = (Map<?, ?>) ((List<?>) root.get("children")).get(0);
        assertThat(logger.get("id")).isEqualTo("logger");
        assertThat(logger.get("via"))
                .isEqualTo(List.of(Map.of(
                        "origin",
                        "declared",
                        "kind",
                        "Require-Capability",
                        "detail",
                        "happyos.service=logger",
                        "requirement",
                        "happyos.service;filter:=\"(happyos.service=logger)\"")));
        Map<?, ?> pong = (Map<?, ?>) ((List<?>) root.get("children")).get(1);
        Map<?, ?> back = (Map<?, ?>) ((List<?>) pong.get("children")).get(0);
        assertThat(back.get("id")).isEqualTo("ping");
        assertThat(back.get("mark")).isEqualTo("cycle");
        assertThat(back.get("children")).isEqualTo(List.of());
    }

    @Test
    void onATerminalStatusesAreColoured() {
        shell.terminal = true;
        shell.activate("logger");
        tree(false, false, "weather-skill");
        String out = shell.output();
        assertThat(out)
                .contains(
                        "logger \u001b[32mACTIVE\u001b[0m",
                        "\u001b[2mvia Import-Package io.happyos.samples.logger; Require-Capability happyos.service=logger\u001b[0m");
        shell.env.put("NO_COLOR", "1");
        tree(false, false, "weather-skill");
        assertThat(shell.output()).isEqualTo(Ansi.strip(out)).doesNotContain("\u001b");
    }

    @Test
    void badInputSaysWhatToDo() {
        assertThatThrownBy(() -> shell.tree.tree(false, false, "0", "logger"))
                .hasMessage("registry:tree: --depth must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> tree(false, false, "nope")).isInstanceOf(ComponentNotFoundException.class);
    }
}
