package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.launcher.LauncherProcess.Result;
import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launcher processes joined to one ZooKeeper server (curator-test's, on 127.0.0.1), as users run
 * them: {@code --cluster SERVER --node alpha} and {@code --node beta}, each on its own storage and
 * bundles folder, with a 3 s session timeout. An observer in this JVM ({@link ClusterObserver})
 * sees what every other member would. The steps run in order on the same processes: a taken name is
 * refused; beta killed and restarted at once takes its name back; beta killed leaves the view; alpha
 * stopped cleanly leaves it at once. Timings are printed ({@code ClusterLauncherIT: ...}) and only
 * bounded generously; the figures come from these lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLauncherIT {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);
    /** The bound on every timing: far above the figures, so that a slow machine does not fail. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final String ACTIVE = "\"status\"\\s*:\\s*\"ACTIVE\"";
    private static final String SINGLETON = "beta-singleton";

    @TempDir
    static Path work;

    private TestingServer zookeeper;
    private ClusterObserver observer;
    private Process alpha;
    private Process beta;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() throws Exception {
        zookeeper = LoopbackZooKeeper.server();
        observer = new ClusterObserver(zookeeper.getConnectString());
        Path alphaBundles = Files.createDirectories(work.resolve("alpha-bundles"));
        Files.copy(sample("config-manager-1.0.0.jar"), alphaBundles.resolve("config-manager-1.0.0.jar"));
        Path betaBundles = Files.createDirectories(work.resolve("beta-bundles"));
        Files.copy(sample("base-util-1.0.0.jar"), betaBundles.resolve("base-util-1.0.0.jar"));
        TestBundle.builder(SINGLETON)
                .header("HappyOS-Singleton", "true")
                .writeTo(betaBundles.resolve(SINGLETON + ".jar"));

        alpha = startNode("alpha", "alpha");
        beta = startNode("beta", "beta");

        await().atMost(START).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(observer.record("alpha", "config-manager"))
                    .hasValueSatisfying(r -> assertThat(r).containsPattern(ACTIVE));
            assertThat(observer.record("beta", "base-util"))
                    .hasValueSatisfying(r -> assertThat(r).containsPattern(ACTIVE));
            assertThat(observer.record("beta", SINGLETON))
                    .hasValueSatisfying(r -> assertThat(r).containsPattern(ACTIVE));
        });
    }

    @AfterAll
    void stopAll() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (observer != null) {
            observer.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeSeesTheOthersComponentsAndTheObserverSeesOneRecordEach() throws Exception {
        assertThat(observer.components("alpha")).containsKey("config-manager").doesNotContainKey("base-util");
        assertThat(observer.components("beta")).containsKeys("base-util", SINGLETON);
        for (String node : List.of("alpha", "beta")) {
            assertThat(Set.copyOf(observer.components(node).values()))
                    .as("%s's records all belong to its session", node)
                    .containsExactly(observer.session(node).orElseThrow());
        }

        type(alpha, "cluster:list --node beta --json");

        await().atMost(GENEROUS)
                .untilAsserted(() -> assertThat(work.resolve("alpha-stdout.txt"))
                        .content()
                        .contains("\"id\":\"base-util\"", "\"node\":\"beta\"", "\"singleton\":true"));
    }

    @Test
    @Order(2)
    void aSecondNodeWithATakenNameIsRefusedNamingTheOption() throws Exception {
        long alphaSession = observer.session("alpha").orElseThrow();

        Result second = LauncherProcess.run(
                work,
                "--storage",
                work.resolve("alpha-2-storage").toString(),
                "--bundles",
                work.resolve("alpha-2-bundles").toString(),
                "--cluster",
                zookeeper.getConnectString(),
                "--node",
                "alpha",
                "-c",
                "cluster:nodes");

        assertThat(second.exitCode()).as(second.stderr()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(second.stderrLines().stream().filter(line -> line.contains("is taken")))
                .as("said once: %s", second.stderr())
                .singleElement()
                .asString()
                .startsWith("Error: the node name 'alpha' is taken by a live node of the cluster")
                .contains("--node NAME");
        assertThat(second.stdout()).isEmpty();
        assertThat(observer.session("alpha")).contains(alphaSession);
    }

    @Test
    @Order(3)
    void aNodeRestartedWithinTheSessionTimeoutTakesItsNameBackWithoutDuplicates() throws Exception {
        Set<String> ids = observer.components("beta").keySet();
        long deadSession = observer.session("beta").orElseThrow();

        long killed = System.nanoTime();
        kill(beta);
        beta = startNode("beta", "beta-restarted");
        await().atMost(START)
                .pollInterval(POLL)
                .until(() -> observer.session("beta")
                        .filter(session -> session != deadSession)
                        .isPresent());
        long claimed = System.nanoTime();
        long session = observer.session("beta").orElseThrow();
        await().atMost(GENEROUS).pollInterval(POLL).until(() -> converged(observer.components("beta"), ids, session));
        long converged = System.nanoTime();
        // the singleton waits for its election, which the dead session leads until it expires
        await().atMost(START)
                .pollInterval(POLL)
                .until(() -> observer.record("beta", SINGLETON)
                        .filter(r -> r.matches("(?s).*" + ACTIVE + ".*"))
                        .isPresent());
        long singletonActive = System.nanoTime();

        String log = Files.readString(work.resolve("beta-storage/logs/registry.log"));
        boolean tookBack = log.contains("node beta takes its name back from its earlier run");
        report(
                "restart within the session timeout: killed -> name claimed %d ms (%s), claimed -> view converged"
                        + " %d ms, killed -> singleton ACTIVE again %d ms",
                millis(claimed - killed),
                tookBack ? "taken back from the dead session" : "the dead session had expired",
                millis(converged - claimed),
                millis(singletonActive - killed));
        assertThat(Duration.ofNanos(converged - claimed)).isLessThan(GENEROUS);
        assertThat(converged(observer.components("beta"), ids, session))
                .as(
                        "after the dead session expired, the view is still the new session's: %s",
                        observer.components("beta"))
                .isTrue();
        assertThat(observer.mixedSessions()).isEmpty();
        assertThat(log)
                .as("the launcher kept the singleton for the election")
                .contains("Singleton " + SINGLETON + " 1.0.0 waits for the cluster's election");
    }

    @Test
    @Order(4)
    void aKilledNodeLeavesEveryViewWithinTheSessionTimeout() throws Exception {
        assertThat(observer.gone("beta")).isFalse();

        long killed = System.nanoTime();
        kill(beta);
        await().atMost(GENEROUS).pollInterval(POLL).until(() -> observer.gone("beta"));

        long gone = millis(System.nanoTime() - killed);
        report("killed -> records gone from the view %d ms (session timeout %d ms)", gone, SESSION_TIMEOUT.toMillis());
        assertThat(observer.gone("alpha")).isFalse();
    }

    @Test
    @Order(5)
    void aCleanStopRemovesTheNodesRecordsAtOnce() throws Exception {
        AtomicLong exited = new AtomicLong();
        alpha.onExit().thenRun(() -> exited.set(System.nanoTime()));

        long stopping = System.nanoTime();
        alpha.getOutputStream().close(); // the end of its commands: the launcher stops the container
        await().atMost(GENEROUS).pollInterval(POLL).until(() -> observer.gone("alpha"));
        long gone = System.nanoTime();

        assertThat(alpha.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(alpha.exitValue()).isZero();
        await().atMost(GENEROUS).until(() -> exited.get() != 0);
        report(
                "clean stop: input closed -> records gone %d ms, -> process exited %d ms",
                millis(gone - stopping), millis(exited.get() - stopping));
        assertThat(Duration.ofNanos(gone - exited.get()))
                .as("gone with the session the container closed, not one left to expire")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @Order(6)
    void anEmbeddedServerGivesAContainerAClusterOfItsOwnAndAStandaloneRestartUninstallsTheClusterBundle()
            throws Exception {
        String storage = work.resolve("solo-storage").toString();
        String bundles = work.resolve("solo-bundles").toString();

        Result embedded = LauncherProcess.run(
                work,
                "--storage",
                storage,
                "--bundles",
                bundles,
                "--cluster",
                "embedded:0",
                "--node",
                "solo",
                "-c",
                "cluster:nodes --json",
                "-c",
                "lb -s");
        Result standalone = LauncherProcess.run(work, "--storage", storage, "--bundles", bundles, "-c", "lb -s");

        assertThat(embedded.exitCode()).as(embedded.stderr()).isZero();
        assertThat(embedded.stdout())
                .containsPattern("\"node\"\\s*:\\s*\"solo\"\\s*,\\s*\"self\"\\s*:\\s*true")
                .contains("io.happyos.registry.cluster");
        assertThat(Path.of(storage, "logs", "registry.log"))
                .content()
                .containsPattern("embedded ZooKeeper server \\(for development\\) listening on 127\\.0\\.0\\.1:\\d+");
        assertThat(standalone.exitCode()).as(standalone.stderr()).isZero();
        assertThat(standalone.stdout())
                .contains("io.happyos.registry.core")
                .doesNotContain("io.happyos.registry.cluster");
    }

    private Process startNode(String node, String run) throws IOException {
        Process process = LauncherProcess.start(
                work,
                run,
                "--storage",
                work.resolve(node + "-storage").toString(),
                "--bundles",
                work.resolve(node + "-bundles").toString(),
                "--cluster",
                zookeeper.getConnectString(),
                "--node",
                node,
                "--cluster-session-timeout",
                SESSION_TIMEOUT.toSeconds() + "s");
        started.add(process);
        return process;
    }

    private static boolean converged(Map<String, Long> records, Set<String> ids, long session) {
        return records.keySet().equals(ids) && records.values().stream().allMatch(owner -> owner == session);
    }

    private static void type(Process process, String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    private static Path sample(String jar) {
        Path path = LauncherProcess.sampleBundles().resolve(jar);
        assertThat(path).as("sample bundle (build sample-bundles first)").exists();
        return path;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void report(String format, Object... args) {
        System.out.println("ClusterLauncherIT: " + String.format(format, args));
    }
}
