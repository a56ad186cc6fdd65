package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.launcher.LauncherProcess.Result;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code happyos-registry.jar} the way users do and checks what they see. */
class LauncherIT {

    private static final List<String> SAMPLE_IDS = List.of(
            "config-manager",
            "logger",
            "base-util",
            "calculator-skill",
            "weather-skill",
            "greeting-skill",
            "greeting",
            "echo-skill",
            "skill-runner",
            "skill-locator",
            "scheduler");

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
                .contains(
                        "--cluster CONNECT", "--node NAME", "--cluster-session-timeout DURATION", "--cluster-auth FILE")
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
    void anUnknownCommandOptionFailsWithOneLineNamingTheCommand() throws Exception {
        Path bundles = java.nio.file.Files.createDirectories(work.resolve("bundles"));
        Result result = LauncherProcess.run(
                work, "--storage", storage(), "--bundles", bundles.toString(), "-c", "registry:list --bogus");

        assertThat(result.exitCode()).as(result.stderr()).isNotZero();
        assertThat(result.stderrLines())
                .singleElement()
                .asString()
                .contains("registry:list: unknown option or wrong arguments '--bogus'")
                .contains("help registry:list")
                .doesNotContain("Cannot coerce");
    }

    @Test
    void runtimeBundlesStartWithAnEmptyBundlesFolder() throws Exception {
        Path bundles = work.resolve("no-bundles-yet");

        Result result =
                LauncherProcess.run(work, "--storage", storage(), "--bundles", bundles.toString(), "-c", "lb -s");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains(
                        "io.happyos.registry.api",
                        "io.happyos.registry.core",
                        "io.happyos.registry.shell",
                        "org.apache.felix.scr",
                        "org.apache.felix.gogo.runtime",
                        "org.apache.felix.gogo.command",
                        "org.apache.felix.gogo.shell");
        assertThat(result.stdout().lines().filter(line -> line.contains("|")).skip(1))
                .allSatisfy(line -> assertThat(line).contains("Active"));
        assertThat(result.stdout()).doesNotContain("org.slf4j.api");
        assertThat(result.stdout())
                .as("standalone: nothing of the cluster")
                .doesNotContain("io.happyos.registry.cluster");
        assertThat(bundles).isDirectory();
        assertThat(Path.of(storage(), "logs", "registry.log")).isNotEmptyFile();
    }

    @Test
    void listAndOrderShowTheActiveSampleComponents() throws Exception {
        Result result = LauncherProcess.run(
                work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list", "-c", "registry:order");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(SAMPLE_IDS).contains("ACTIVE");
        for (String id : SAMPLE_IDS) {
            assertThat(result.stdout()
                            .lines()
                            .filter(line -> line.startsWith(id + " "))
                            .findFirst())
                    .as("registry:list row of %s", id)
                    .hasValueSatisfying(row -> assertThat(row).contains("ACTIVE"));
        }
    }

    @Test
    void restartWithTheSameStorageKeepsWorking() throws Exception {
        Result first = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list");
        Result second =
                LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains(SAMPLE_IDS);
    }

    @Test
    void failingCommandPrintsOneErrorLineAndExitsNonZero() throws Exception {
        Result result = LauncherProcess.run(
                work, "--storage", storage(), "--bundles", samples(), "-c", "registry:info no-such-component");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> errors = result.stderrLines().stream()
                .filter(line -> line.startsWith("Error:"))
                .toList();
        assertThat(errors).singleElement().asString().contains("no-such-component");
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void commandsStopAtTheFirstFailure() throws Exception {
        Result result = LauncherProcess.run(
                work, "--storage", storage(), "--bundles", samples(), "-c", "no-such-command", "-c", "lb");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Error:");
        assertThat(result.stdout()).doesNotContain("START LEVEL");
    }

    @Test
    void commandsPipedOnStandardInputRunUntilEndOfInput() throws Exception {
        Result result =
                LauncherProcess.runWithInput(work, "registry:list\n", "--storage", storage(), "--bundles", samples());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(SAMPLE_IDS).contains("ACTIVE");
    }

    @Test
    void aSecondContainerOnTheSameStorageIsRefusedWhileTheFirstRuns() throws Exception {
        Path log = Path.of(storage(), "logs", "registry.log");
        Process first = new ProcessBuilder(LauncherProcess.command("--storage", storage(), "--bundles", samples()))
                .directory(work.toFile())
                .redirectOutput(work.resolve("first-stdout.txt").toFile())
                .redirectError(work.resolve("first-stderr.txt").toFile())
                .start(); // standard input stays open: the container keeps running
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    // skill-runner logs what the skills said once the registry is ready, and the meters are
                    // exported over JMX once it is: the last lines to come
                    .until(() -> Files.exists(log)
                            && Files.readString(log).contains("registry ready")
                            && Files.readString(log).contains("skill-runner ran")
                            && Files.readString(log).contains("exported over JMX"));
            long logSize = Files.size(log);

            Result second = LauncherProcess.run(work, "--storage", storage(), "--clean", "-c", "lb");

            assertThat(second.exitCode()).as(second.stderr()).isEqualTo(3);
            assertThat(second.stderrLines())
                    .containsExactly("Error: another container (pid " + first.pid()
                            + ") is using the storage folder " + storage()
                            + ": stop it first, or start this one with another --storage");
            assertThat(second.stdout()).isEmpty();
            // --clean came after the lock: the first container's files are all there
            assertThat(Path.of(storage(), "registry.lock")).hasContent(first.pid() + "\n");
            assertThat(Path.of(storage(), "felix-cache")).isDirectory();
            assertThat(Files.size(log))
                    .as("the second launcher wrote nothing to the first one's log")
                    .isEqualTo(logSize);
        } finally {
            first.destroy();
            if (!first.waitFor(60, TimeUnit.SECONDS)) {
                first.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
            }
        }

        Result third = LauncherProcess.run(work, "--storage", storage(), "--bundles", samples(), "-c", "registry:list");

        assertThat(third.exitCode()).as(third.stderr()).isZero();
        assertThat(third.stdout()).contains(SAMPLE_IDS);
    }

    @Test
    void gogoTelnetdIsNotThereAndTheRestOfTheGogoShellIs() throws Exception {
        Result echo = withoutBundles("-c", "gogo:echo still here");
        Result telnetd = withoutBundles("-c", "gogo:telnetd --help");
        Result listen = withoutBundles("-c", "telnetd -i 0.0.0.0 -p 0 start", "-c", "lb");

        assertThat(echo.exitCode()).as(echo.stderr()).isZero();
        assertThat(echo.stdout()).isEqualTo("still here\n");
        assertThat(telnetd.exitCode()).isEqualTo(1);
        assertThat(telnetd.stdout()).doesNotContain("telnet");
        assertThat(telnetd.stderrLines()).containsExactly("Error: Command not found: gogo:telnetd");
        assertThat(listen.exitCode()).isEqualTo(1);
        assertThat(listen.stderrLines()).containsExactly("Error: Command not found: telnetd");
        assertThat(listen.stdout()).doesNotContain("START LEVEL");
    }

    @Test
    void aBundleImportingSlf4j17LogsThroughTheContainerBesideSlf4j2Importers() throws Exception {
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        slf4j17Bundle(bundles.resolve("slf4j17-user-1.0.0.jar"));
        // logger imports org.slf4j [2.0,3); config-manager is what it needs
        for (String sample : List.of("config-manager-1.0.0.jar", "logger-1.0.0.jar")) {
            Files.copy(Path.of(samples(), sample), bundles.resolve(sample));
        }

        Result result =
                LauncherProcess.run(work, "--storage", storage(), "--bundles", bundles.toString(), "-c", "lb -s");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().filter(line -> line.contains("test.slf4j17.user")))
                .singleElement()
                .asString()
                .contains("Active");
        assertThat(result.stdout().lines().filter(line -> line.contains("|logger (")))
                .singleElement()
                .asString()
                .contains("Active");
        assertThat(result.stdout()).doesNotContain("org.slf4j.api");
        assertThat(Path.of(storage(), "logs", "registry.log"))
                .content()
                .contains(Slf4j17Activator.LINE)
                .doesNotContain("loader constraint violation");
    }

    /** A bundle holding {@link Slf4j17Activator}, importing SLF4J the way bundles built for 1.7 do. */
    private static void slf4j17Bundle(Path jar) throws java.io.IOException {
        bundle(
                jar,
                "test.slf4j17.user",
                Map.of(
                        "Bundle-Activator",
                        Slf4j17Activator.class.getName(),
                        "Import-Package",
                        "org.osgi.framework;version=\"[1.8,2)\",org.slf4j;version=\"[1.7,2)\""),
                Slf4j17Activator.class);
    }

    /** Writes a bundle JAR: a manifest with the headers given, and the classes' own class files. */
    private static void bundle(Path jar, String symbolicName, Map<String, String> headers, Class<?>... classes)
            throws java.io.IOException {
        TestBundle.builder(symbolicName).headers(headers).classes(classes).writeTo(jar);
    }

    @Test
    void aProviderPutBackWhileTheContainerWasDownStartsWithItsDependentsBeforeTheFirstCommand() throws Exception {
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        bundle(bundles.resolve("c.jar"), "chain.c", Map.of("Export-Package", "chain.pc"));
        bundle(bundles.resolve("b.jar"), "chain.b", Map.of("Export-Package", "chain.pb", "Import-Package", "chain.pc"));
        bundle(bundles.resolve("a.jar"), "chain.a", Map.of("Import-Package", "chain.pb"));
        String[] list = {"--storage", storage(), "--bundles", bundles.toString(), "-c", "registry:list --json"};
        assertThat(LauncherProcess.run(work, list).exitCode()).isZero();
        Path aside = Files.move(bundles.resolve("c.jar"), work.resolve("c.jar"));
        assertThat(LauncherProcess.run(work, list).exitCode()).isZero();
        Files.move(aside, bundles.resolve("c.jar"));

        Result result = LauncherProcess.run(work, list);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        for (String id : List.of("chain.a", "chain.b", "chain.c")) {
            assertThat(result.stdout())
                    .as(result.stdout())
                    .containsPattern("\"id\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(id)
                            + "\"[^}]*\"status\"\\s*:\\s*\"ACTIVE\"");
        }
        assertThat(result.stderr() + result.stdout()).doesNotContain("did not become active");
    }

    /** Runs the launcher on this test's storage with an empty bundles folder. */
    private Result withoutBundles(String... commands) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--storage", storage(), "--bundles", work.resolve("none").toString()));
        args.addAll(List.of(commands));
        return LauncherProcess.run(work, args.toArray(String[]::new));
    }

    private String storage() {
        return work.resolve("storage").toString();
    }

    private static String samples() {
        Path samples = LauncherProcess.sampleBundles();
        assertThat(samples)
                .as("sample bundles folder (build sample-bundles first)")
                .isDirectory();
        try (var jars = Files.list(samples)) {
            assertThat(jars.filter(jar -> jar.toString().endsWith(".jar")).count())
                    .isEqualTo(10);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return samples.toString();
    }
}
