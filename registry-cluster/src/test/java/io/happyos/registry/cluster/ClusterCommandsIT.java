package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.cluster.internal.ClusterCommands;
import io.happyos.registry.testing.TestBundle;
import io.happyos.registry.text.JsonInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The cluster:* commands on two real nodes, as a person and a script see them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCommandsIT {

    @TempDir
    Path dir;

    private TestingServer zookeeper;
    private ClusterNodeFixture alpha;
    private ClusterNodeFixture beta;
    private ClusterCommands commands;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    void start() throws Exception {
        zookeeper = LoopbackZooKeeper.server();
        alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of());
        beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of());
        commands = new ClusterCommands(alpha.cluster, () -> new PrintStream(out, true, StandardCharsets.UTF_8));
        install(alpha, "calc", "1.0.0", "http://{host}:8080/calc");
        install(beta, "calc", "1.1.0", "http://{host}:8081/calc");
        install(beta, "weather", "1.0.0", null);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster.getComponents(null, "skill", null).size() == 3);
    }

    private static void install(ClusterNodeFixture node, String name, String version, String endpoint)
            throws Exception {
        TestBundle.Builder bundle = TestBundle.builder(name).version(version).header("HappyOS-Component-Type", "skill");
        if (endpoint != null) {
            bundle.header("HappyOS-Endpoint", endpoint);
        }
        Path jar = bundle.writeToFolder(
                Files.createDirectories(Files.createTempDirectory("cmd-").resolve(node.name)));
        node.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        beta.close();
        alpha.close();
        zookeeper.close();
    }

    private String run(Consumer<ClusterCommands> command) {
        out.reset();
        command.accept(commands);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> json(Consumer<ClusterCommands> command) {
        return (List<Map<String, Object>>) JsonInput.parse(run(command).strip());
    }

    @Test
    void nodesListsEveryLiveNodeAndWhichIsThisOne() {
        assertThat(json(c -> c.nodes(true)))
                .extracting(m -> m.get("node"), m -> m.get("self"), m -> m.get("stale"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alpha", true, false),
                        org.assertj.core.groups.Tuple.tuple("beta", false, false));
        assertThat(run(c -> c.nodes(false)))
                .contains("alpha (this node)")
                .contains("beta")
                .contains("COMPONENTS");
    }

    @Test
    void listHasTheRegistryListFieldsPlusNodeAndFilters() {
        List<Map<String, Object>> skills = json(c -> c.list(true, "beta", "skill", ""));
        assertThat(skills).extracting(m -> m.get("name")).containsExactly("calc", "weather");
        assertThat(skills.get(0))
                .containsKeys(
                        "id",
                        "name",
                        "type",
                        "version",
                        "status",
                        "path",
                        "bundleId",
                        "accessCount",
                        "registeredAt",
                        "lastAccessed",
                        "dependencies",
                        "dependents",
                        "errors",
                        "moduleName",
                        "metadata",
                        "node",
                        "endpoints",
                        "singleton");
        assertThat((List<Object>) skills.get(0).get("endpoints"))
                .singleElement()
                .asString()
                .endsWith(":8081/calc");
        assertThat(json(c -> c.list(true, "", "skill", "ACTIVE"))).isEmpty();
        assertThatThrownBy(() -> run(c -> c.list(true, "", "", "SLEEPING")))
                .hasMessageContaining("unknown status 'SLEEPING'");
    }

    @Test
    void diffNamesVersionsAndComponentsOnOneSideOnly() {
        List<Map<String, Object>> diff = json(c -> c.diff(true, "alpha", "beta"));
        assertThat(diff)
                .extracting(m -> m.get("kind"), m -> m.get("name"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple("VERSION", "calc"),
                        org.assertj.core.groups.Tuple.tuple("ONLY_RIGHT", "weather"));
        assertThat(run(c -> c.diff(false, "beta"))).contains("calc: version 1.0.0 on alpha, 1.1.0 on beta");
        assertThatThrownBy(() -> run(c -> c.diff(false, "alpha", "gamma")))
                .hasMessageContaining("unknown node 'gamma'");
    }

    @Test
    void activateOnAnotherNodeThenPickAndRollingDeactivate() {
        String done = run(c -> c.activate(false, false, "beta", "weather"));
        assertThat(done).contains("beta: ").contains("activated").contains("(now ACTIVE)");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster.getInstances("weather").size() == 1);
        assertThat(run(c -> c.pick(false, "least-accessed", "weather"))).startsWith("beta ");
        assertThatThrownBy(() -> run(c -> c.pick(false, "fastest", "weather")))
                .hasMessageContaining("unknown strategy 'fastest'");

        List<Map<String, Object>> all = json(c -> c.activate(true, true, "calc"));
        assertThat(all)
                .extracting(m -> m.get("node"), m -> m.get("ok"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alpha", true),
                        org.assertj.core.groups.Tuple.tuple("beta", true));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster.getInstances("calc").size() == 2);
        // round-robin alternates between the two nodes
        String first = run(c -> c.pick(false, "round-robin", "calc"));
        String second = run(c -> c.pick(false, "round-robin", "calc"));
        assertThat(first.split(" ")[0]).isNotEqualTo(second.split(" ")[0]);

        assertThat(json(c -> c.deactivate(true, true, "calc")))
                .allSatisfy(m -> assertThat(m.get("status")).isEqualTo("INACTIVE"));
        assertThatThrownBy(() -> run(c -> c.activate(false, false, "beta", "nothing-here")))
                .hasMessageContaining("node beta has no component 'nothing-here'");
    }
}
