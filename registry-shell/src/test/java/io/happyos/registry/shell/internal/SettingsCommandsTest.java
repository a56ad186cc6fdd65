package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCommandsTest {

    @Test
    void eachOriginLineGivesARowWithTheFrameworkPropertyOrTheDefaultAsValueAndSecretsHidden() {
        Map<String, String> properties = new HashMap<>();
        properties.put(
                SettingsCommands.ORIGINS,
                "happyos.http\toption --http\t\nhappyos.http.tls.password\tenvironment HAPPYOS_HTTP_TLS_PASSWORD\t\n"
                        + "happyos.cluster\tdefault\t\nhappyos.activation.timeout\tdefault\t30s\n");
        properties.put("happyos.http", "127.0.0.1:8080");
        properties.put("happyos.http.tls.password", "s3cret");

        var rows = SettingsCommands.rows(properties::get);

        assertThat(rows)
                .containsExactly(
                        new SettingsCommands.Row("happyos.http", "127.0.0.1:8080", "option --http"),
                        new SettingsCommands.Row(
                                "happyos.http.tls.password",
                                SettingsCommands.HIDDEN,
                                "environment HAPPYOS_HTTP_TLS_PASSWORD"),
                        new SettingsCommands.Row("happyos.cluster", null, "default"),
                        new SettingsCommands.Row("happyos.activation.timeout", "30s", "default"));
    }

    @Test
    void withoutTheLauncherThereAreNoRows() {
        assertThat(SettingsCommands.rows(key -> null)).isEmpty();
    }
}
