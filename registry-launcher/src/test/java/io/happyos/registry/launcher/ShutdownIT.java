package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the container cleanly: components deactivated dependents first, then the framework. */
class ShutdownIT {

    private static final List<String> SAMPLES =
            List.of("weather-skill", "calculator-skill", "logger", "config-manager", "base-util");

    @TempDir
    Path work;

    @Test
    void sigtermDeactivatesComponentsInReverseDependencyOrder() throws Exception {
        Path storage = work.resolve("storage");
        Path log = storage.resolve("logs").resolve("registry.log");
        Process process = new ProcessBuilder(LauncherProcess.command(
                        "--storage",
                        storage.toString(),
                        "--bundles",
                        LauncherProcess.sampleBundles().toString()))
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start(); // standard input stays open: the container keeps running
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("registry ready"));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the container stops within 60 s")
                    .isTrue();
            List<String> stopped = Files.readAllLines(log).stream()
                    .filter(line -> line.endsWith(" stopped"))
                    .map(line -> line.substring(line.lastIndexOf(" - ") + 3, line.length() - " stopped".length()))
                    .filter(SAMPLES::contains)
                    .toList();
            assertThat(stopped).containsExactlyInAnyOrderElementsOf(SAMPLES);
            assertThat(stopped.indexOf("weather-skill")).isLessThan(stopped.indexOf("logger"));
            assertThat(stopped.indexOf("calculator-skill")).isLessThan(stopped.indexOf("logger"));
            assertThat(stopped.indexOf("calculator-skill")).isLessThan(stopped.indexOf("base-util"));
            assertThat(stopped.indexOf("logger")).isLessThan(stopped.indexOf("config-manager"));
            assertThat(Files.readString(log)).contains("deactivating components in reverse dependency order");
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
