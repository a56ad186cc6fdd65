package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM stops the container as Ctrl-D does: components deactivated dependents first, the registry
 * database closed, the framework stopped, exit code 0 within 10 s; in each way the launcher runs.
 */
class ShutdownIT {

    private static final List<String> SAMPLES =
            List.of("weather-skill", "calculator-skill", "logger", "config-manager", "base-util");

    @TempDir
    Path work;

    @Test
    void sigtermWhileReadingStandardInputStopsCleanlyWithZero() throws Exception {
        // standard input stays open: the container keeps running
        assertCleanStopOnSigterm("registry ready");
    }

    @Test
    void sigtermDuringALongCommandStopsCleanlyWithZeroAndRunsNothingAfter() throws Exception {
        assertCleanStopOnSigterm(
                "Running command: registry:events --follow", "-c", "registry:events --follow", "-c", "echo AFTER");

        assertThat(Files.readString(work.resolve("sigterm-stdout.txt"))).doesNotContain("AFTER");
    }

    @Test
    void sigtermWithoutAShellStopsCleanlyWithZero() throws Exception {
        assertCleanStopOnSigterm("registry ready", "--no-shell");

        assertThat(Files.readString(work.resolve("sigterm-stdout.txt")))
                .contains("running without a shell; SIGTERM or Ctrl-C stops it");
    }

    private void assertCleanStopOnSigterm(String runningWhen, String... extraArgs) throws Exception {
        Path storage = work.resolve("storage");
        Path log = storage.resolve("logs").resolve("registry.log");
        List<String> args = new ArrayList<>(List.of(
                "--storage",
                storage.toString(),
                "--bundles",
                LauncherProcess.sampleBundles().toString()));
        args.addAll(List.of(extraArgs));
        Process process = LauncherProcess.start(work, "sigterm", args.toArray(String[]::new));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(log)
                            && Files.readString(log).contains("registry ready")
                            && Files.readString(log).contains(runningWhen));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("the process ends within 10 s of SIGTERM")
                    .isTrue();
            assertThat(process.exitValue())
                    .as(Files.readString(work.resolve("sigterm-stderr.txt")))
                    .isZero();
            String text = Files.readString(log);
            assertThat(text)
                    .contains("SIGTERM: stopping the container")
                    .contains("deactivating components in reverse dependency order")
                    .containsPattern("registry database .*registry\\.db closed")
                    .contains("Container stopped");
            assertThat(storage.resolve("registry.db-wal"))
                    .as("the database was closed: its write-ahead log checkpointed and removed")
                    .doesNotExist();
            assertReverseDependencyOrder(Files.readAllLines(log));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void assertReverseDependencyOrder(List<String> lines) {
        List<String> stopped = lines.stream()
                .filter(line -> line.endsWith(" stopped"))
                .map(line -> line.substring(line.lastIndexOf(" - ") + 3, line.length() - " stopped".length()))
                .filter(SAMPLES::contains)
                .toList();
        assertThat(stopped).containsExactlyInAnyOrderElementsOf(SAMPLES);
        assertThat(stopped.indexOf("weather-skill")).isLessThan(stopped.indexOf("logger"));
        assertThat(stopped.indexOf("calculator-skill")).isLessThan(stopped.indexOf("logger"));
        assertThat(stopped.indexOf("calculator-skill")).isLessThan(stopped.indexOf("base-util"));
        assertThat(stopped.indexOf("logger")).isLessThan(stopped.indexOf("config-manager"));
    }
}
