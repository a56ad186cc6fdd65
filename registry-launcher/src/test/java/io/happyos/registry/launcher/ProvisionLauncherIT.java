package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --provision FILE} through the real launcher process. */
class ProvisionLauncherIT {

    @TempDir
    Path work;

    @Test
    void aFeaturesFileGivenWithProvisionIsInstalledBeforeTheCommandsAndListedBySets() throws Exception {
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        Path features = work.resolve("features.xml");
        // the logger needs the config manager: listed first, activated second
        Files.writeString(features, """
                <features name="demo" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="logging" version="1.0.0" install="auto">
                    <feature>config</feature>
                    <bundle>%s</bundle>
                  </feature>
                  <feature name="config" version="1.0.0">
                    <bundle>%s</bundle>
                    <config name="io.happyos.config">level=info</config>
                  </feature>
                </features>
                """.formatted(
                        sample("logger").toUri(), sample("config-manager").toUri()));
        String storage = work.resolve("storage").toString();

        Result first = LauncherProcess.run(
                work,
                "--storage",
                storage,
                "--bundles",
                bundles.toString(),
                "--provision",
                features.toString(),
                "-c",
                "registry:sets",
                "-c",
                "registry:list");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout())
                .contains("logging", "1.0.0", features.toString(), "startup")
                .containsPattern("logger\\s+ACTIVE")
                .containsPattern("config-manager\\s+ACTIVE");

        // a second start with the same option changes nothing; the sets are kept in the database
        Result second = LauncherProcess.run(
                work,
                "--storage",
                storage,
                "--bundles",
                bundles.toString(),
                "--provision",
                features.toString(),
                "-c",
                "registry:sets --json");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("\"name\":\"logging\"", "\"kind\":\"FEATURE\"", "\"status\":\"ACTIVE\"");
    }

    @Test
    void aProvisionOptionWithoutAFileIsAUsageError() throws Exception {
        Result result = LauncherProcess.run(work, "--provision");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Option --provision needs a value");
    }

    private static Path sample(String name) throws Exception {
        try (Stream<Path> files = Files.list(LauncherProcess.sampleBundles())) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "-"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no sample " + name + " in " + LauncherProcess.sampleBundles()));
        }
    }
}
