package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.launcher.LauncherProcess.Result;
import io.happyos.registry.testing.TestBundle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Kills the container ({@code SIGKILL}) at random moments while it runs state-changing commands
 * from standard input, restarting it on the same storage each time: whatever a command
 * acknowledged survives, and the database stays intact.
 *
 * <p>The kills are random but seeded: the seed is printed, and {@code -Dhappyos.crash.seed=N}
 * replays a run.
 */
class CrashIT {

    private static final long DEFAULT_SEED = 20261125L;
    private static final int ROUNDS = 20;
    private static final int MAX_ACKNOWLEDGED_PER_ROUND = 8;
    private static final long ANSWER_TIMEOUT_MILLIS = 60_000;
    private static final String EXPLICIT_EDGE = "{\"id\":\"crash-a\",\"origin\":\"explicit\"";

    @TempDir
    Path work;

    /** What the test knows of crash-b -> crash-a. */
    private boolean dependsExplicitly;
    /** A depend/undepend was written but not acknowledged when the container was killed. */
    private boolean dependencyInDoubt;

    private final List<String> acknowledgedErrors = new ArrayList<>();
    private int acknowledgedCommands;

    @Test
    void acknowledgedCommandsSurviveKillsAndTheDatabaseStaysIntact() throws Exception {
        long seed = Long.getLong("happyos.crash.seed", DEFAULT_SEED);
        System.out.println("CrashIT seed: " + seed + " (replay with -Dhappyos.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path storage = work.resolve("storage");
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        for (String name : List.of("crash-a", "crash-b", "crash-c")) {
            writeBundle(bundles.resolve(name + ".jar"), name);
        }

        for (int round = 0; round < ROUNDS; round++) {
            runAndKill(round, random, storage, bundles, seed);
        }

        Result last = LauncherProcess.run(
                work,
                "--storage",
                storage.toString(),
                "--bundles",
                bundles.toString(),
                "-c",
                "registry:audit --limit 1000 --json",
                "-c",
                "registry:info crash-a --json",
                "-c",
                "registry:deps crash-b --json");
        assertThat(last.exitCode())
                .as("seed %d, stderr: %s", seed, last.stderr())
                .isZero();
        List<String> json = last.stdout()
                .lines()
                .filter(l -> l.startsWith("[") || l.startsWith("{"))
                .toList();
        assertThat(json)
                .as("seed %d: three JSON answers in %s", seed, last.stdout())
                .hasSize(3);
        String audit = json.get(0);
        String info = json.get(1);
        String deps = json.get(2);
        List<String> crashAAudit = List.of(audit.split("\\{\"sequence\":")).stream()
                .filter(r -> r.contains("\"component\":\"crash-a\""))
                .toList();
        assertThat(audit.split("\\{\"sequence\":").length - 1)
                .as("audit records (limit not reached)")
                .isLessThan(1000);
        System.out.printf(
                "CrashIT: %d rounds, %d acknowledged commands, %d acknowledged errors, " + "crash-b -> crash-a %s%s%n",
                ROUNDS,
                acknowledgedCommands,
                acknowledgedErrors.size(),
                dependsExplicitly ? "present" : "absent",
                dependencyInDoubt ? " (last change in doubt)" : "");
        for (String message : acknowledgedErrors) {
            assertThat(info.contains("\"message\":\"" + message + "\"")
                            || crashAAudit.stream().anyMatch(r -> r.contains(message)))
                    .as(
                            "seed %d: acknowledged error '%s' in crash-a's error history or audit records; info: %s",
                            seed, message, info)
                    .isTrue();
        }
        if (!dependencyInDoubt) {
            assertThat(deps.contains(EXPLICIT_EDGE))
                    .as(
                            "seed %d: crash-b -> crash-a as last acknowledged (%s); deps: %s",
                            seed, dependsExplicitly ? "present" : "absent", deps)
                    .isEqualTo(dependsExplicitly);
        }

        assertThat(integrityCheck(storage.resolve("registry.db")))
                .as("seed %d", seed)
                .containsExactly("ok");
    }

    private void runAndKill(int round, Random random, Path storage, Path bundles, long seed) throws Exception {
        int ackBeforeKill = random.nextInt(MAX_ACKNOWLEDGED_PER_ROUND + 1);
        int killMode = random.nextInt(3); // 0 after an answer, 1 mid-line, 2 a whole line sent, not answered
        Path stderr = work.resolve("stderr-" + round + ".txt");
        Process process = new ProcessBuilder(
                        LauncherProcess.command("--storage", storage.toString(), "--bundles", bundles.toString()))
                .directory(work.toFile())
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // killed
                    }
                },
                "crash-it-stdout-" + round);
        reader.setDaemon(true);
        reader.start();
        OutputStream stdin = process.getOutputStream();
        String where = "seed " + seed + ", round " + round;
        try {
            // the first answer says the registry is ready, and what survived the last kill
            send(stdin, "registry:deps crash-b --json");
            String deps = await(lines, process, stderr, l -> l.startsWith("["), where + ", registry:deps");
            boolean present = deps.contains(EXPLICIT_EDGE);
            if (!dependencyInDoubt) {
                assertThat(present)
                        .as(
                                "%s: crash-b -> crash-a after restart, acknowledged %s; deps: %s",
                                where, dependsExplicitly ? "present" : "absent", deps)
                        .isEqualTo(dependsExplicitly);
            }
            dependsExplicitly = present;
            dependencyInDoubt = false;

            for (int i = 0; ; i++) {
                Command next = nextCommand(round, i, random);
                if (i == ackBeforeKill) {
                    if (killMode == 1) {
                        String line = next.line();
                        stdin.write(line.substring(0, 1 + random.nextInt(line.length() - 1))
                                .getBytes(StandardCharsets.UTF_8));
                        stdin.flush();
                    } else if (killMode == 2) {
                        send(stdin, next.line());
                        if (next.changesDependency()) {
                            dependencyInDoubt = true;
                        }
                        Thread.sleep(random.nextInt(30));
                    }
                    break;
                }
                send(stdin, next.line());
                await(lines, process, stderr, next.answer(), where + ", " + next.line());
                acknowledgedCommands++;
                if (next.errorMessage() != null) {
                    acknowledgedErrors.add(next.errorMessage());
                }
                if (next.changesDependency()) {
                    dependsExplicitly = !dependsExplicitly;
                }
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("%s: the killed launcher exits", where)
                    .isTrue();
        }
    }

    /** One of: put crash-a in ERROR, toggle crash-b -> crash-a, clear crash-a. */
    private Command nextCommand(int round, int index, Random random) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            String message = "round-" + round + "-cmd-" + index;
            return new Command(
                    "registry:error crash-a " + message,
                    ("crash-a ERROR (error recorded: " + message + ")")::equals,
                    message,
                    false);
        }
        if (kind == 1) {
            return dependsExplicitly
                    ? new Command(
                            "registry:undepend crash-b crash-a",
                            "crash-b no longer depends explicitly on crash-a"::equals,
                            null,
                            true)
                    : new Command(
                            "registry:depend crash-b crash-a",
                            "crash-b now depends on crash-a (explicit)"::equals,
                            null,
                            true);
        }
        // the status it returns to follows the bundle (ACTIVE here)
        return new Command(
                "registry:clear crash-a",
                line -> line.startsWith("crash-a ") && line.endsWith(" (error cleared)"),
                null,
                false);
    }

    private record Command(String line, Predicate<String> answer, String errorMessage, boolean changesDependency) {}

    private static void send(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static String await(
            BlockingQueue<String> lines, Process process, Path stderr, Predicate<String> expected, String what)
            throws Exception {
        long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (expected.test(line)) {
                    return line;
                }
                seen.add(line);
            } else if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError(what + ": the launcher exited with " + process.exitValue()
                        + " before answering; stdout: " + seen + "; stderr: " + Files.readString(stderr));
            }
        }
        throw new AssertionError(what + ": no answer within " + ANSWER_TIMEOUT_MILLIS + " ms; stdout: " + seen
                + "; stderr: " + Files.readString(stderr));
    }

    private static void writeBundle(Path jar, String symbolicName) throws IOException {
        TestBundle.builder(symbolicName).writeTo(jar);
    }

    private static List<String> integrityCheck(Path db) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + db);
        List<String> rows = new ArrayList<>();
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
