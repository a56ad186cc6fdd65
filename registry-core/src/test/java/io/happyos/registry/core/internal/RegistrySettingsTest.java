package io.happyos.registry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

    @Test
    void readsDurationsInTheFormsTheShellTakes() {
        RegistrySettings settings = RegistrySettings.from(Map.of(
                RegistrySettings.ACTIVATION_TIMEOUT, "2m",
                RegistrySettings.LISTENER_TIMEOUT, "PT1.5S",
                RegistrySettings.SETTLE, " 50 ms ",
                RegistrySettings.RESCAN, "1H",
                RegistrySettings.RELOAD_GRACE, "pt20s")::get);
        assertThat(settings.activationTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.listenerTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.settle()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.rescan()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.reloadGrace()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aDurationThatIsBadZeroOrNegativeFallsBackToTheDefault() {
        RegistrySettings defaults = RegistrySettings.defaults();
        RegistrySettings settings = RegistrySettings.from(Map.of(
                RegistrySettings.ACTIVATION_TIMEOUT, "0s",
                RegistrySettings.LISTENER_TIMEOUT, "-5s",
                RegistrySettings.SETTLE, "1.5s",
                RegistrySettings.RESCAN, "soon",
                RegistrySettings.RELOAD_GRACE, "PT0S")::get);
        assertThat(settings.activationTimeout()).isEqualTo(defaults.activationTimeout());
        assertThat(settings.listenerTimeout()).isEqualTo(defaults.listenerTimeout());
        assertThat(settings.settle()).isEqualTo(defaults.settle());
        assertThat(settings.rescan()).isEqualTo(defaults.rescan());
        assertThat(settings.reloadGrace()).isEqualTo(defaults.reloadGrace());
    }
}
