package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from the default, etc/happyos.properties, HAPPYOS_* variables and options, in that order. */
class SettingSourcesTest {

    @TempDir
    Path home;

    private Path etc() throws Exception {
        return Files.createDirectories(home.resolve("etc"));
    }

    @Test
    void eachSourceOverridesTheOneBelowAndSaysWhereTheValueCameFrom() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("happyos.properties"), """
                # the distribution's layout, relative to its home
                happyos.storage.dir = data
                happyos.bundles.dir = plugins
                happyos.activation.timeout = 12s
                happyos.http = 8181
                """);
        Map<String, String> environment = Map.of("HAPPYOS_ACTIVATION_TIMEOUT", "7s", "HAPPYOS_HTTP", "8282");

        LauncherOptions options =
                CommandLineParser.parse(environment, "--etc", etc.toString(), "--http", "8383", "-c", "registry:list");

        assertThat(options.etcDir()).isEqualTo(etc);
        assertThat(options.storageDir()).isEqualTo(home.resolve("data"));
        assertThat(options.bundlesDir()).isEqualTo(home.resolve("plugins"));
        assertThat(options.settings().get("happyos.storage.dir").origin())
                .isEqualTo(etc.resolve("happyos.properties").toString());
        assertThat(options.settings().get("happyos.activation.timeout"))
                .extracting(SettingSources.Value::text, SettingSources.Value::origin)
                .containsExactly("7s", "environment HAPPYOS_ACTIVATION_TIMEOUT");
        assertThat(options.web().address().port()).isEqualTo(8383);
        assertThat(options.settings().get("happyos.http").origin()).isEqualTo("option --http");
        String origins = Main.origins(options);
        assertThat(origins)
                .contains("happyos.http\toption --http\t\n")
                .contains("happyos.activation.timeout\tenvironment HAPPYOS_ACTIVATION_TIMEOUT\t30s\n")
                .contains("happyos.listener.timeout\tdefault\t5s\n");
        var properties = FrameworkSettings.create(Main.containerFor(options), BuildInfo.load(), null);
        assertThat(properties)
                .containsEntry("happyos.activation.timeout", "7s")
                .containsEntry("happyos.etc.dir", etc.toString())
                .containsEntry("happyos.storage.dir", home.resolve("data").toString());
    }

    @Test
    void flagsCanBeSetInTheFileAndTurnedBackOnByTheEnvironment() throws Exception {
        Path etc = etc();
        Files.writeString(
                etc.resolve("happyos.properties"), "happyos.bundles.watch=false\nhappyos.http.insecure=true\n");

        assertThat(CommandLineParser.parse(Map.of(), "--etc", etc.toString()).noWatch())
                .isTrue();
        assertThat(CommandLineParser.parse(Map.of("HAPPYOS_BUNDLES_WATCH", "true"), "--etc", etc.toString())
                        .noWatch())
                .isFalse();
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseNamesItsSource() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("happyos.properties"), "happyos.bundles.watch=sometimes\n");

        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", etc.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Setting happyos.bundles.watch in " + etc.resolve("happyos.properties"))
                .hasMessageContaining("true or false");
    }

    @Test
    void aValueFromTheFileIsCheckedAsTheOptionIsAndTheErrorNamesTheFile() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("happyos.properties"), "happyos.http = 0.0.0.0:8080\n");

        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", etc.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Setting happyos.http in ")
                .hasMessageContaining("--http-tls KEYSTORE");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of("HAPPYOS_SSH", "2222")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Environment variable HAPPYOS_SSH needs --ssh-authorized-keys FILE too");
    }

    @Test
    void aKeyThatIsNotASettingIsRefusedWithTheFix() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("happyos.properties"), "happyos.htp = 8080\n");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", etc.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'happyos.htp', which is not a setting")
                .hasMessageContaining("spelling");

        Files.writeString(etc.resolve("happyos.properties"), "org.osgi.service.http.port = 8080\n");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", etc.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("config.properties");
    }

    @Test
    void frameworkPropertiesComeFromConfigPropertiesAndPropertyOptionsButNeverOverrideSettings() throws Exception {
        Path etc = etc();
        Files.writeString(
                etc.resolve("config.properties"), "org.osgi.service.http.port = 8080\nplugin.greeting = hi\n");

        LauncherOptions options =
                CommandLineParser.parse(Map.of(), "--etc", etc.toString(), "--property", "plugin.greeting=hello=you");

        assertThat(options.frameworkProperties())
                .containsEntry("org.osgi.service.http.port", "8080")
                .containsEntry("plugin.greeting", "hello=you");
        var properties = FrameworkSettings.create(Main.containerFor(options), BuildInfo.load(), null);
        assertThat(properties).containsEntry("plugin.greeting", "hello=you");

        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--property", "happyos.http=8080"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("one of the container's own settings")
                .hasMessageContaining("--http");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--property", "novalue"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("KEY=VALUE");
        Files.writeString(etc.resolve("config.properties"), "happyos.storage.dir = x\n");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", etc.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("HAPPYOS_STORAGE_DIR");
    }

    @Test
    void anEtcFolderThatIsNotThereIsAUsageErrorNamingIt() {
        Path missing = home.resolve("nope");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of(), "--etc", missing.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a folder");
        assertThatThrownBy(() -> CommandLineParser.parse(Map.of("HAPPYOS_ETC", missing.toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Environment variable HAPPYOS_ETC");
    }

    @Test
    void relativePathsFromTheEnvironmentAreTakenAgainstTheCurrentFolder() {
        var values = SettingSources.fromEnvironment(Map.of("HAPPYOS_STORAGE_DIR", "state", "UNRELATED", "x"));
        assertThat(values).containsOnlyKeys("happyos.storage.dir");
        assertThat(values.get("happyos.storage.dir").text())
                .isEqualTo(Path.of("state").toAbsolutePath().toString());
    }

    @Test
    void everySettingWithAnOptionIsKnownByItAndEveryVariableIsDerivedFromTheKey() {
        for (Setting setting : Setting.ALL) {
            assertThat(setting.variable()).startsWith("HAPPYOS_").doesNotContain(".");
            if (setting.option() != null) {
                assertThat(Setting.byOption(setting.option())).contains(setting);
            }
        }
        assertThat(Setting.byKey("happyos.http.tls.password").orElseThrow().variable())
                .isEqualTo("HAPPYOS_HTTP_TLS_PASSWORD");
    }
}
