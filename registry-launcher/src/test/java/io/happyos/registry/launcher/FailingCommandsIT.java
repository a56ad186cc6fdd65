package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every failing command ends a {@code -c} or standard-input run with exit code 1, the framework's own
 * commands (Felix Gogo Command) included, prints one error line, and runs no later line.
 */
class FailingCommandsIT {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "start 999                | Error: Bundle ID '999' is invalid.",
                "stop 999                 | Error: No bundle with ID 999 is installed; 'lb' lists the bundles",
                "install file:/nope.jar   | Error: java.io.FileNotFoundException: /nope.jar",
                "uninstall 999            | Error: No bundle with ID 999 is installed",
                "update 999               | Error: No bundle with ID 999 is installed",
                "refresh 999              | Error: No bundle with ID 999 is installed",
                "resolve 999              | Error: No bundle with ID 999 is installed",
                "headers 999              | Error: No bundle with ID 999 is installed",
                "felix:start 998 999      | Error: Bundle ID '998' is invalid.; Bundle ID '999' is invalid.",
                "help nosuchcommand       | Error: No methods found matching: nosuchcommand",
                "inspect sideways service | Error: Invalid argument: sideways",
                "lb -l -s                 | Error: Only one of -l, -s, -u should be used.",
                "nosuchcommand            | Error: Command not found: nosuchcommand",
                "echo {                   | Error: ",
                "registry:info nosuch     | Error: ",
                "type nosuchcommand       | type: nosuchcommand not found.",
            })
    void aFailingCommandAfterAGoodOneExitsWithOneAndRunsNothingAfter(String command, String message) throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                work,
                "--storage",
                work.resolve("storage").toString(),
                "--bundles",
                work.resolve("bundles").toString(),
                "-c",
                "echo BEFORE",
                "-c",
                command,
                "-c",
                "echo AFTER");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).contains("BEFORE").doesNotContain("AFTER");
        assertThat(result.stderrLines()).anySatisfy(line -> assertThat(line).startsWith(message));
    }

    @Test
    void onStandardInputAFailingFrameworkCommandStopsTheRunToo() throws Exception {
        LauncherProcess.Result result = LauncherProcess.runWithInput(
                work,
                "echo BEFORE\nstart 999\necho AFTER\n",
                "--storage",
                work.resolve("storage").toString(),
                "--bundles",
                work.resolve("bundles").toString());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).contains("BEFORE").doesNotContain("AFTER");
        assertThat(result.stderrLines()).contains("Error: Bundle ID '999' is invalid.");
    }

    @Test
    void succeedingFrameworkCommandsStillExitWithZero() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                work,
                "--storage",
                work.resolve("storage").toString(),
                "--bundles",
                work.resolve("bundles").toString(),
                "-c",
                "stop 1",
                "-c",
                "start 1",
                "-c",
                "resolve",
                "-c",
                "headers 0",
                "-c",
                "help start",
                "-c",
                "echo AFTER");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("AFTER")
                .contains("Bundle-SymbolicName = org.apache.felix.framework")
                .contains("start - start bundles")
                .doesNotContain("Not all bundles could be resolved");
    }

    @Test
    void ctrlCDuringACommandEndsTheRunWith130AndRunsNothingAfter() throws Exception {
        Path storage = work.resolve("storage");
        Path log = storage.resolve("logs").resolve("registry.log");
        Process process = LauncherProcess.start(
                work,
                "follow",
                "--storage",
                storage.toString(),
                "--bundles",
                work.resolve("bundles").toString(),
                "-c",
                "registry:events --follow",
                "-c",
                "echo AFTER");
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(log)
                            && Files.readString(log).contains("Running command: registry:events --follow"));

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(Files.readString(work.resolve("follow-stdout.txt"))).doesNotContain("AFTER");
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
