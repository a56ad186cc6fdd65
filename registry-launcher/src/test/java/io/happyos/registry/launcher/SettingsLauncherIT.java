package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.happyos.registry.launcher.LauncherProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's settings from etc/happyos.properties, HAPPYOS_* variables and options, through the real process. */
class SettingsLauncherIT {

    @TempDir
    Path work;

    @Test
    void settingsComeFromTheEtcFolderTheEnvironmentAndOptionsAndRegistrySettingsSaysFromWhere() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(
                etc.resolve("happyos.properties"),
                "happyos.storage.dir = data\nhappyos.bundles.dir = plugins\nhappyos.activation.timeout = 12s\n"
                        + "happyos.audit.maxDays = 30\n");
        Files.writeString(etc.resolve("config.properties"), "plugin.greeting = hello\n");

        Result result = LauncherProcess.runWithEnvironment(
                elsewhere,
                Map.of("HAPPYOS_ACTIVATION_TIMEOUT", "7s", "HAPPYOS_AUDIT_MAXDAYS", "40"),
                "",
                "--etc",
                etc.toString(),
                "--property",
                "plugin.farewell=bye",
                "-c",
                "registry:settings --json",
                "-c",
                "${.context} getProperty plugin.greeting",
                "-c",
                "${.context} getProperty plugin.farewell",
                "-c",
                "${.context} getProperty happyos.activation.timeout");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String[] parts = result.stdout().split("\n(?=hello\n)");
        Map<String, JsonNode> settings = new HashMap<>();
        new ObjectMapper()
                .readTree(parts[0])
                .forEach(node -> settings.put(node.get("key").asText(), node));
        assertThat(settings.get("happyos.storage.dir").get("value").asText())
                .isEqualTo(home.resolve("data").toString());
        assertThat(settings.get("happyos.storage.dir").get("origin").asText())
                .isEqualTo(etc.resolve("happyos.properties").toString());
        assertThat(settings.get("happyos.activation.timeout").get("value").asText())
                .isEqualTo("7s");
        assertThat(settings.get("happyos.activation.timeout").get("origin").asText())
                .isEqualTo("environment HAPPYOS_ACTIVATION_TIMEOUT");
        assertThat(settings.get("happyos.audit.maxDays").get("value").asText()).isEqualTo("40");
        assertThat(settings.get("happyos.listener.timeout").get("value").asText())
                .isEqualTo("5s");
        assertThat(settings.get("happyos.listener.timeout").get("origin").asText())
                .isEqualTo("default");
        assertThat(result.stdout()).contains("\nhello\nbye\n7s");
        // the distribution's layout: relative paths in the file are taken against the etc folder's parent
        assertThat(home.resolve("data").resolve("registry.db")).exists();
        assertThat(home.resolve("plugins")).isDirectory();
        assertThat(elsewhere.resolve(".happyos-registry")).doesNotExist();
    }

    @Test
    void theEtcFoldersLogbackXmlReplacesTheDefaultAndFindsTheLogFolderSetting() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc-with-logging"));
        Path logs = work.resolve("elsewhere-logs");
        Files.writeString(etc.resolve("happyos.properties"), "happyos.log.dir = " + logs + "\n");
        Files.writeString(etc.resolve("logback.xml"), """
                <configuration>
                  <appender name="OWN" class="ch.qos.logback.core.FileAppender">
                    <file>${happyos.log.dir}/own.log</file>
                    <encoder><pattern>OWN %level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OWN"/></root>
                </configuration>
                """);

        Result result = LauncherProcess.run(
                work,
                "--etc",
                etc.toString(),
                "--storage",
                work.resolve("storage").toString(),
                "-c",
                "lb");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(logs.resolve("own.log")).content().contains("OWN INFO").contains("registry ready");
        assertThat(logs.resolve("registry.log")).doesNotExist();
        assertThat(work.resolve("storage").resolve("logs").resolve("registry.log"))
                .doesNotExist();
    }

    @Test
    void aMistypedSettingStopsTheStartWithTheFileAndTheFix() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("happyos.properties"), "happyos.bundle.dir = plugins\n");

        // ./etc is found without --etc
        Result result = LauncherProcess.run(work, "-c", "registry:list");

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.stderr())
                .contains(etc.resolve("happyos.properties").toString())
                .contains("'happyos.bundle.dir', which is not a setting");
        assertThat(work.resolve(".happyos-registry")).doesNotExist();
    }
}
