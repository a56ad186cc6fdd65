package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's logging as users meet it: the OSGi Log Service bridged into registry.log, and the
 * {@code log:*} commands, typed into a running launcher's standard input.
 */
class LoggingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private Process launcher;
    private OutputStream input;
    private Path log;
    private Path stdout;

    @BeforeEach
    void startWithAPluginLoggingThroughOsgi() throws IOException {
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        TestBundle.builder(OsgiLogActivator.SYMBOLIC_NAME)
                .headers(Map.of(
                        "Bundle-Activator",
                        OsgiLogActivator.class.getName(),
                        "Import-Package",
                        "org.osgi.framework;version=\"[1.8,2)\",org.osgi.service.log;version=\"[1.4,2)\""))
                .classes(OsgiLogActivator.class)
                .writeTo(bundles.resolve("osgilog-1.0.0.jar"));
        Path storage = work.resolve("storage");
        log = storage.resolve("logs").resolve("registry.log");
        stdout = work.resolve("launcher-stdout.txt");
        launcher = LauncherProcess.start(
                work, "launcher", "--storage", storage.toString(), "--bundles", bundles.toString());
        input = launcher.getOutputStream();
    }

    @AfterEach
    void stop() throws Exception {
        input.close(); // the end of the commands stops the container
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            launcher.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatAPluginLogsThroughTheOsgiLogServiceEndsInRegistryLogUnderItsNames() {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(log)
                        .content()
                        .contains("INFO  [", "] " + OsgiLogActivator.LOGGER + " - " + OsgiLogActivator.INFO_LINE)
                        .contains(
                                "WARN  [",
                                "] osgi." + OsgiLogActivator.SYMBOLIC_NAME + " - " + OsgiLogActivator.LEGACY_LINE));
        assertThat(log).content().doesNotContain(OsgiLogActivator.DEBUG_LINE);
    }

    @Test
    void logSetDebugShowsAPluginsDebugLinesInTheFileAndInLogTail() throws Exception {
        awaitReady();

        type("log:set DEBUG test.osgilog");
        type("registry:deactivate " + OsgiLogActivator.SYMBOLIC_NAME);
        type("registry:activate " + OsgiLogActivator.SYMBOLIC_NAME);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(log)
                        .content()
                        .contains("DEBUG [", "] " + OsgiLogActivator.LOGGER + " - " + OsgiLogActivator.DEBUG_LINE));
        type("log:tail --logger test.osgilog -n 5");
        type("gogo:echo END-OF-TAIL");
        String output = awaitOutput("END-OF-TAIL");
        assertThat(output)
                .contains("test.osgilog: level DEBUG")
                .contains("DEBUG [", OsgiLogActivator.LOGGER + " - " + OsgiLogActivator.DEBUG_LINE);
    }

    @Test
    void logTailLevelWarnShowsOnlyWarningsAndAbove() throws Exception {
        awaitReady();
        await().atMost(WAIT).untilAsserted(() -> assertThat(log).content().contains(OsgiLogActivator.LEGACY_LINE));

        type("log:tail --level WARN -n 1000");
        type("gogo:echo END-OF-TAIL");
        String output = awaitOutput("END-OF-TAIL");

        String tail = output.substring(0, output.indexOf("END-OF-TAIL"));
        assertThat(tail).contains("WARN  [", "osgi.test.osgilog - " + OsgiLogActivator.LEGACY_LINE);
        assertThat(tail.lines().filter(line -> line.matches("\\d{4}-\\d{2}-\\d{2} .*")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern(" (WARN |ERROR) \\["));
        assertThat(tail).doesNotContain(OsgiLogActivator.INFO_LINE);
    }

    @Test
    void logGetShowsTheConfiguredLevels() throws Exception {
        awaitReady();

        type("log:get");
        type("log:get io.happyos.registry.core");
        type("gogo:echo END-OF-GET");
        String output = awaitOutput("END-OF-GET");

        assertThat(output).containsPattern("ROOT\\s+INFO").containsPattern("io\\.happyos\\s+DEBUG");
        assertThat(output).contains("io.happyos.registry.core: no level of its own, inherits DEBUG");
    }

    private void awaitReady() {
        await().atMost(WAIT)
                .until(() -> Files.exists(log) && Files.readString(log).contains("registry ready"));
    }

    private void type(String line) throws IOException {
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    private String awaitOutput(String marker) {
        return await().atMost(WAIT).until(() -> Files.readString(stdout), text -> text.contains(marker));
    }
}
