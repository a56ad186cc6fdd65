package io.happyos.registry.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar.gz as a user gets it: unpacked with {@code tar} (which keeps the file modes), its start
 * script run from other folders, through symbolic links, with JAVA_OPTS and JAVA_HOME, and stopped
 * with SIGTERM.
 */
class DistributionIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private Path home;
    private Path script;

    @BeforeAll
    static void printTheArchiveSize() throws IOException {
        // the build log's record of the size (the closing note quotes it)
        System.out.printf("Distribution %s: %,d bytes%n", archive().getFileName(), Files.size(archive()));
    }

    @BeforeEach
    void unpack() throws Exception {
        Path unpacked = Files.createDirectories(work.resolve("opt"));
        Result tar = run(unpacked, Map.of(), "tar", "xzf", archive().toString());
        assertThat(tar.exitCode()).as(tar.stderr()).isZero();
        home = unpacked.resolve(System.getProperty("happyos.dist.name"));
        script = home.resolve("bin").resolve("happyos-registry");
    }

    @Test
    void theArchiveHasTheLayoutAndAnExecutableScript() throws Exception {
        assertThat(home.resolve("lib/happyos-registry.jar")).isRegularFile();
        assertThat(home.resolve("etc/happyos.properties")).content().contains("happyos.storage.dir = data");
        assertThat(home.resolve("etc/logback.xml")).isRegularFile();
        assertThat(home.resolve("etc/org.example.greeter.cfg")).isRegularFile();
        assertThat(home.resolve("bundles/README.txt")).isRegularFile();
        assertThat(home.resolve("examples/happyos-registry.service")).content().contains("KillSignal=SIGTERM");
        assertThat(home.resolve("examples/Dockerfile")).content().contains("FROM eclipse-temurin:17-jre");
        assertThat(home.resolve("README.txt")).content().doesNotContain("${project.version}");
        try (Stream<Path> data = Files.list(home.resolve("data"))) {
            assertThat(data).isEmpty();
        }
        assertThat(script).isExecutable();
        Result listing = run(work, Map.of(), "tar", "tvzf", archive().toString());
        assertThat(listing.stdout().lines().filter(line -> line.endsWith("/bin/happyos-registry")))
                .singleElement()
                .asString()
                .startsWith("-rwxr-xr-x");
    }

    @Test
    void theScriptIsPosixShell() throws Exception {
        for (String shell : List.of("sh", "dash")) {
            Result check = run(work, Map.of(), shell, "-n", script.toString());
            assertThat(check.exitCode()).as(shell + ": " + check.stderr()).isZero();
        }
    }

    @Test
    void runsFromAnyFolderAndKeepsItsStateInTheDistribution() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));

        Result result = run(
                elsewhere, Map.of(), script.toString(), "-c", "registry:list", "-c", "lb", "-c", "registry:settings");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("No components match.")
                .contains("System Bundle (7.0.5)")
                .as("the folders named in etc/happyos.properties, against the distribution's folder")
                .contains(home.resolve("data").toString())
                .contains(home.resolve("bundles").toString());
        assertThat(home.resolve("data/registry.db")).isRegularFile();
        assertThat(home.resolve("data/logs/registry.log")).isRegularFile();
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).as("nothing written in the current folder").isEmpty();
        }
    }

    @Test
    void runsThroughASymbolicLinkToASymbolicLink() throws Exception {
        Path third = Files.createDirectories(work.resolve("third"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        // a relative link to the script, and an absolute link to that link
        Path relative = Files.createSymbolicLink(bin.resolve("registry-link"), bin.relativize(script));
        Path link = Files.createSymbolicLink(third.resolve("happyos-registry"), relative);

        Result result = run(third, Map.of(), "./happyos-registry", "-c", "registry:list");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("No components match.");
        assertThat(home.resolve("data/registry.db")).isRegularFile();
        assertThat(link).isSymbolicLink();
    }

    @Test
    void javaOptsReachTheJvm() throws Exception {
        Path logs = work.resolve("custom-logs");

        Result result = run(
                work,
                Map.of("JAVA_OPTS", "-Xmx256m -Dhappyos.log.dir=" + logs),
                script.toString(),
                "-c",
                "registry:list");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(logs.resolve("registry.log"))
                .as("happyos.log.dir from JAVA_OPTS")
                .isRegularFile();
    }

    @Test
    void aBogusJavaHomeIsRefusedNamingIt() throws Exception {
        Path bogus = Files.createDirectories(work.resolve("no-java-here"));

        Result result = run(work, Map.of("JAVA_HOME", bogus.toString()), script.toString(), "-c", "registry:list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("JAVA_HOME is '" + bogus + "'").contains("set JAVA_HOME to a Java 17");
    }

    @Test
    void noJavaAtAllIsRefusedSayingWhatToInstall() throws Exception {
        // a PATH with only what the script needs besides java
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("dirname", "readlink")) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        Map<String, String> environment = Map.of("PATH", tools.toString(), "JAVA_HOME", "");

        Result result = run(work, environment, script.toString(), "-c", "registry:list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("no Java found").contains("JAVA_HOME");
    }

    @Test
    void sigtermOnTheScriptsProcessStopsCleanlyWithZero() throws Exception {
        Path log = home.resolve("data/logs/registry.log");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--no-shell")
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("registry ready"));

            process.destroy(); // SIGTERM, to java itself: the script exec'd it

            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("the process ends within 10 s of SIGTERM")
                    .isTrue();
            assertThat(process.exitValue())
                    .as(Files.readString(work.resolve("stderr.txt")))
                    .isZero();
            assertThat(Files.readString(log)).containsPattern("registry database .* closed");
            assertThat(home.resolve("data/registry.db-wal")).doesNotExist();
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path archive() {
        return Path.of(System.getProperty("happyos.dist.archive"));
    }

    private Path which(String tool) throws Exception {
        Result found = run(work, Map.of(), "sh", "-c", "command -v " + tool);
        assertThat(found.exitCode()).as(tool + " on the PATH").isZero();
        return Path.of(found.stdout().strip());
    }

    /** What a finished command printed. */
    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Not finished within " + RUN_TIMEOUT.toSeconds() + " s: " + List.of(command)
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
