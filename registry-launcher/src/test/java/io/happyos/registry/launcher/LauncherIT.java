package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code happyos-registry.jar} the way users do and checks what they see. */
class LauncherIT {

    private static final List<String> SAMPLE_IDS =
            List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill", "greeting-skill",
                    "greeting");

    @TempDir
    Path work;

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        Result result = LauncherProcess.run(work, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("happyos-registry " + LauncherProcess.projectVersion());
    }

    @Test
    void helpListsEveryOptionWithAnExample() throws Exception {
        Result result = LauncherProcess.run(work, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .contains("--bundles DIR", "--storage DIR", "--clean", "-c, --command LINE", "--help", "--version")
                .contains("Examples:", "java -jar happyos-registry.jar");
        assertThat(work.resolve(".happyos-registry")).doesNotExist();
    }

    @Test
    void unknownOptionExitsWithUsageErrorNamingHelp() throws Exception {
        Result result = LauncherProcess.run(work, "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--frobnicate").contains("--help");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void optionWithoutItsValueExitsWithUsageError() throws Exception {
        Result result = LauncherProcess.run(work, "--storage");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--storage").contains("--help");
    }

    @Test
    void runtimeBundlesStartWithAnEmptyBundlesFolder() throws Exception {
        Path bundles = work.resolve("no-bundles-yet");

        Result result = LauncherProcess.run(work, "--storage", storage(), "--bundles", bundles.toString(), "-c", "lb -s");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(
                "io.happyos.registry.api", "io.happyos.registry.core", "io.happyos.registry.shell",
                "org.apache.felix.scr", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
                "org.apache.felix.gogo.shell");
        assertThat(result.stdout().lines().filter(line -> line.contains("|")).skip(1))
                .allSatisfy(line -> assertThat(line).contains("Active"));
        assertThat(result.stdout()).doesNotContain("org.slf4j.api");
        assertThat(bundles).isDirectory();
        assertThat(Path.of(storage(), "logs", "registry.log")).isNotEmptyFile();
    }

    @Test
    void listAndOrderShowTheActiveSampleComponents() throws Exception {
        Result result = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(),
                "-c", "registry:list", "-c", "registry:order");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(SAMPLE_IDS).contains("ACTIVE");
        for (String id : SAMPLE_IDS) {
            assertThat(result.stdout().lines().filter(line -> line.startsWith(id + " ")).findFirst())
                    .as("registry:list row of %s", id)
                    .hasValueSatisfying(row -> assertThat(row).contains("ACTIVE"));
        }
    }

    @Test
    void restartWithTheSameStorageKeepsWorking() throws Exception {
        Result first = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list");
        Result second = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains(SAMPLE_IDS);
    }

    @Test
    void failingCommandPrintsOneErrorLineAndExitsNonZero() throws Exception {
        Result result = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(),
                "-c", "registry:info no-such-component");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> errors = result.stderrLines().stream().filter(line -> line.startsWith("Error:")).toList();
        assertThat(errors).singleElement().asString().contains("no-such-component");
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void commandsStopAtTheFirstFailure() throws Exception {
        Result result = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(),
                "-c", "no-such-command", "-c", "lb");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Error:");
        assertThat(result.stdout()).doesNotContain("START LEVEL");
    }

    @Test
    void commandsPipedOnStandardInputRunUntilEndOfInput() throws Exception {
        Result result = LauncherProcess.runWithInput(work, "registry:list\n", "--storage", storage(), "--bundles", samples());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(SAMPLE_IDS).contains("ACTIVE");
    }

    private String storage() {
        return work.resolve("storage").toString();
    }

    private static String samples() {
        Path samples = LauncherProcess.sampleBundles();
        assertThat(samples).as("sample bundles folder (build sample-bundles first)").isDirectory();
        try (var jars = Files.list(samples)) {
            assertThat(jars.filter(jar -> jar.toString().endsWith(".jar")).count()).isEqualTo(7);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return samples.toString();
    }
}
