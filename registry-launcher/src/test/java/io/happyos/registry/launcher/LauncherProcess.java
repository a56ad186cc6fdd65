package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built launcher JAR as a separate {@code java -jar} process, as a user would. */
final class LauncherProcess {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * What a finished run printed.
     *
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    record Result(int exitCode, String stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private LauncherProcess() {}

    static Path jar() {
        return Path.of(required("happyos.launcher.jar"));
    }

    static Path sampleBundles() {
        return Path.of(required("happyos.samples.dir"));
    }

    static String projectVersion() {
        return required("happyos.version");
    }

    /**
     * Runs the launcher with empty standard input and waits for it.
     *
     * @param workDir the working folder (for output files and relative defaults)
     * @param args the launcher's arguments
     * @return what it printed
     */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return runWithInput(workDir, "", args);
    }

    /**
     * @param args the launcher's arguments
     * @return the command line that runs the launcher JAR with this JVM
     */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts the launcher and leaves it running: its standard input stays open (closing it stops the
     * container, as the end of piped commands does), its output goes to {@code NAME-stdout.txt} and
     * {@code NAME-stderr.txt} in the working folder. The caller ends the process.
     *
     * @param workDir the working folder
     * @param name names the output files
     * @param args the launcher's arguments
     * @return the running process
     */
    static Process start(Path workDir, String name, String... args) throws IOException {
        return new ProcessBuilder(command(args))
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + "-stdout.txt").toFile())
                .redirectError(workDir.resolve(name + "-stderr.txt").toFile())
                .start();
    }

    /**
     * Runs the launcher, writes {@code stdin} to its standard input and closes it, then waits.
     *
     * @param workDir the working folder
     * @param stdin what to type
     * @param args the launcher's arguments
     * @return what it printed
     * @throws AssertionError when it does not finish within {@link #TIMEOUT}
     */
    static Result runWithInput(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWithEnvironment(workDir, java.util.Map.of(), stdin, args);
    }

    /**
     * Runs the launcher with extra environment variables, writes {@code stdin} and closes it, then waits.
     *
     * @param workDir the working folder
     * @param environment variables added to this process's environment
     * @param stdin what to type
     * @param args the launcher's arguments
     * @return what it printed
     * @throws AssertionError when it does not finish within {@link #TIMEOUT}
     */
    static Result runWithEnvironment(
            Path workDir, java.util.Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("The launcher did not finish within " + TIMEOUT.toSeconds() + " s: " + command
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through failsafe)");
        }
        return value;
    }
}
