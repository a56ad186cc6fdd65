package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleCommandsTest {

    private final ShellFixture shell = new ShellFixture();

    @Test
    void activateSaysWhatItActivatedInOrder() {
        shell.lifecycle.activate(false, "calculator-skill");
        assertThat(shell.output()).isEqualTo(
                "calculator-skill ACTIVE (activated: base-util, config-manager, logger, calculator-skill)\n");
        shell.lifecycle.activate(false, "6");
        assertThat(shell.output()).isEqualTo("calculator-skill ACTIVE (already active)\n");
    }

    @Test
    void activateJsonListsChangesAndStatuses() {
        shell.lifecycle.activate(true, "logger", "weather-skill");
        assertThat(shell.json()).isEqualTo(Map.of(
                "activated", List.of("config-manager", "logger", "weather-skill"),
                "components", List.of(Map.of("id", "logger", "status", "ACTIVE"),
                        Map.of("id", "weather-skill", "status", "ACTIVE"))));
    }

    @Test
    void aFailedActivationFailsTheCommandWithTheRegistrysMessage() {
        shell.registry.failing("logger");
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "calculator-skill"))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessage("cannot activate logger: its activator threw; see registry:info logger");
    }

    @Test
    void activateNeedsAnId() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false)).hasMessageContaining("at least one component");
    }

    @Test
    void activateChecksEveryIdBeforeDoingAnything() {
        assertThatThrownBy(() -> shell.lifecycle.activate(false, "logger", "nope")).hasMessageContaining("'nope'");
        assertThat(shell.registry.getComponent("logger").status()).isEqualTo(ComponentStatus.REGISTERED);
    }

    @Test
    void deactivateStopsDependentsFirstAndSaysSo() {
        shell.lifecycle.activate(false, "calculator-skill", "weather-skill");
        shell.output();
        shell.lifecycle.deactivate(false, "logger");
        assertThat(shell.output()).isEqualTo(
                "logger INACTIVE (deactivated: weather-skill, calculator-skill, logger)\n");
        shell.lifecycle.deactivate(true, "logger");
        assertThat(shell.json()).isEqualTo(Map.of("deactivated", List.of(),
                "components", List.of(Map.of("id", "logger", "status", "INACTIVE"))));
    }
}
