package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Explanation;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A singleton on three nodes: ACTIVE on exactly one, held INACTIVE with the reason elsewhere, and
 * taken over by a surviving node when its node stops; an independent witness (the bundle's own
 * activator appending to a shared file with its fencing token) never sees it on two nodes at once.
 */
class SingletonIT {

    private static final Logger LOG = LoggerFactory.getLogger(SingletonIT.class);
    private static final String NAME = "scheduler";

    @TempDir
    Path dir;

    private TestingServer zookeeper;
    private final Map<String, ClusterNodeFixture> nodes = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private Path witness;
    private Path jar;

    @BeforeEach
    void start() throws Exception {
        zookeeper = LoopbackZooKeeper.server();
        witness = dir.resolve("witness.log");
        jar = TestBundle.builder(NAME)
                .header("HappyOS-Singleton", "true")
                .header("HappyOS-Component-Type", "service")
                .importPackage("org.osgi.framework;version=\"[1.8,2)\",io.happyos.registry.cluster;version=\"[1.0,2)\"")
                .activator(WitnessActivator.class)
                .writeToFolder(Files.createDirectories(dir.resolve("jars")));
        for (String name : List.of("alpha", "beta", "gamma")) {
            startNode(name);
        }
    }

    private void startNode(String name) throws Exception {
        ClusterNodeFixture node = ClusterNodeFixture.start(
                zookeeper.getConnectString(), name, Map.of(WitnessActivator.FILE, witness.toString()));
        nodes.put(name, node);
        String id = node.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ids.put(name, id);
        // every node asks for it; the election decides (a refusal is the hold)
        node.registry.activateComponent(id).toCompletableFuture().handle((r, e) -> r);
    }

    @AfterEach
    void stop() throws Exception {
        for (ClusterNodeFixture node : nodes.values()) {
            node.close();
        }
        zookeeper.close();
    }

    private List<String> activeOn() {
        return Witness.activeOn(nodes, ids);
    }

    @Test
    void runsOnExactlyOneNodeAndTheOthersSayWhere() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> activeOn().size() == 1);
        String leader = activeOn().get(0);
        for (String name : nodes.keySet()) {
            if (!name.equals(leader)) {
                ClusterNodeFixture node = nodes.get(name);
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    assertThat(node.registry.getComponent(ids.get(name)).status())
                            .isEqualTo(ComponentStatus.INACTIVE);
                    assertThat(node.registry.getComponent(ids.get(name)).errorHistory())
                            .isEmpty();
                    // asked again once the view has the leader's record: the reason names the node
                    node.registry
                            .activateComponent(ids.get(name))
                            .toCompletableFuture()
                            .handle((r, e) -> r)
                            .get();
                    Explanation why = node.registry.diagnostics().explain(ids.get(name));
                    assertThat(why.rootCauses()).first().satisfies(c -> {
                        assertThat(c.kind()).isEqualTo(CauseKind.HELD);
                        assertThat(c.message()).contains("singleton running on node " + leader);
                    });
                });
            }
        }
        assertThat(nodes.get("alpha").cluster.getSingletons()).containsEntry(NAME, leader);
        // cluster:diff between the leader and a follower gives the follower's own why, fetched from it
        String follower = nodes.keySet().stream()
                .filter(n -> !n.equals(leader))
                .findFirst()
                .orElseThrow();
        List<ClusterDifference> diff = nodes.get(follower)
                .cluster
                .diff(leader, follower)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertThat(diff).filteredOn(d -> d.name().equals(NAME)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ClusterDifference.Kind.STATUS);
            assertThat(d.left()).isEqualTo("ACTIVE");
            assertThat(d.right()).isEqualTo("INACTIVE");
            assertThat(d.why()).startsWith("on " + follower + ": ").contains("singleton running on node " + leader);
        });
        assertThat(Witness.violations(witness)).isEmpty();
    }

    @Test
    void aSurvivingNodeTakesOverWhenTheLeaderStopsAndNeverTwoRunAtOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> activeOn().size() == 1);
            String leader = activeOn().get(0);
            long stoppedAt = System.nanoTime();
            nodes.remove(leader).close();
            await().atMost(ClusterNodeFixture.SESSION_TIMEOUT.plusSeconds(5))
                    .until(() -> activeOn().size() == 1);
            LOG.info(
                    "round {}: {} stopped, {} took over in {} ms",
                    round,
                    leader,
                    activeOn().get(0),
                    (System.nanoTime() - stoppedAt) / 1_000_000);
            startNode(leader); // it comes back and waits
        }
        assertThat(Witness.starts(witness)).isGreaterThanOrEqualTo(5);
        assertThat(Witness.violations(witness)).isEmpty();
    }

    @Test
    void stoppingOnlyTheClusterBundleOfTheLeaderStopsTheSingletonThereBeforeAnotherTakesOver() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> activeOn().size() == 1);
        String leader = activeOn().get(0);
        nodes.get(leader).clusterBundle.stop();
        assertThat(nodes.get(leader).registry.getComponent(ids.get(leader)).status())
                .isEqualTo(ComponentStatus.INACTIVE);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> activeOn().size() == 1 && !activeOn().contains(leader));
        assertThat(Witness.violations(witness)).isEmpty();
    }
}
