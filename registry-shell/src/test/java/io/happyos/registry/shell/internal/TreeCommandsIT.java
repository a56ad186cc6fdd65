package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeCommandsTest {

    private static final String UNLIMITED = Integer.toString(Integer.MAX_VALUE);

    private final FakeShellFixture shell = new FakeShellFixture();

    private void tree(boolean json, boolean reverse, String id) {
        shell.tree.tree(json, reverse, UNLIMITED, id);
    }

    @Test
    void theDependencyTreeWithStatusesAndWhyEachEdgeExists() {
        shell.registry.status("logger", ComponentStatus.ACTIVE).status("base-util", ComponentStatus.ERROR);
        tree(false, false, "calculator-skill");
        assertThat(shell.output()).isEqualTo("""
                calculator-skill REGISTERED
                \u251c\u2500\u2500 base-util ERROR  via Require-Bundle base-util
                \u2514\u2500\u2500 logger ACTIVE  via Import-Package io.happyos.log
                    \u2514\u2500\u2500 config-manager REGISTERED  via Import-Package io.happyos.config
                """);
    }

    @Test
    void reverseShowsWhatDependsOnTheComponent() {
        shell.tree.tree(false, true, UNLIMITED, "3");
        assertThat(shell.output()).isEqualTo("""
                config-manager REGISTERED
                \u2514\u2500\u2500 logger REGISTERED  via Import-Package io.happyos.config
                    \u251c\u2500\u2500 calculator-skill REGISTERED  via Import-Package io.happyos.log
                    \u2514\u2500\u2500 weather-skill REGISTERED  via Import-Package io.happyos.log
                """);
    }

    @Test
    void aCycleIsMarkedWhereItClosesInsteadOfLooping() {
        shell.registry.declare("config-manager", "calculator-skill",
                "osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=calculator-skill)\"");
        tree(false, false, "logger");
        assertThat(shell.output()).isEqualTo("""
                logger REGISTERED
                \u2514\u2500\u2500 config-manager REGISTERED  via Import-Package io.happyos.config
                    \u2514\u2500\u2500 calculator-skill REGISTERED  via Require-Bundle calculator-skill
                        \u251c\u2500\u2500 base-util REGISTERED  via Require-Bundle base-util
                        \u2514\u2500\u2500 logger REGISTERED  via Import-Package io.happyos.log  \u21ba cycle back to logger
                """);
    }

    @Test
    void explicitEdgesAndTheDepthLimit() {
        shell.registry.dependencies().addDependency("weather-skill", "base-util");
        shell.tree.tree(false, false, "1", "weather-skill");
        assertThat(shell.output()).isEqualTo("""
                weather-skill REGISTERED
                \u251c\u2500\u2500 base-util REGISTERED  via explicit
                \u2514\u2500\u2500 logger REGISTERED  via Import-Package io.happyos.log  (more below: raise --depth)
                """);
    }

    @Test
    void jsonNestsTheNodes() {
        shell.registry.declare("config-manager", "logger", "osgi.wiring.package;filter:=\"(osgi.wiring.package=x)\"");
        tree(true, false, "weather-skill");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) shell.json();
        assertThat(root).containsEntry("id", "weather-skill").containsEntry("status", "REGISTERED")
                .containsEntry("via", List.of()).containsEntry("mark", null);
        Map<?, ?> logger = (Map<?, ?>) ((List<?>) root.get("children")).get(0);
        assertThat(logger.get("via")).isEqualTo(List.of(Map.of("origin", "declared", "kind", "Import-Package",
                "detail", "io.happyos.log",
                "requirement", "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log)\"")));
        Map<?, ?> config = (Map<?, ?>) ((List<?>) logger.get("children")).get(0);
        Map<?, ?> back = (Map<?, ?>) ((List<?>) config.get("children")).get(0);
        assertThat(back.get("id")).isEqualTo("logger");
        assertThat(back.get("mark")).isEqualTo("cycle");
        assertThat(back.get("children")).isEqualTo(List.of());
    }

    @Test
    void onATerminalStatusesAreColoured() {
        shell.terminal = true;
        shell.registry.status("logger", ComponentStatus.ACTIVE);
        tree(false, false, "weather-skill");
        String out = shell.output();
        assertThat(out).contains("logger \u001b[32mACTIVE\u001b[0m", "\u001b[2mvia Import-Package io.happyos.log\u001b[0m");
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
