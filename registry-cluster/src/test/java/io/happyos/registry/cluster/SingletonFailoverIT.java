package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader of a singleton cut off from ZooKeeper, again and again (a crash or a partition as
 * ZooKeeper sees it: the connection gone, the session expiring after the timeout): another node
 * takes the singleton over, the cut-off node's components leave the other views, and the witness
 * never sees the singleton on two nodes at once. 5 rounds in the suite; {@code -Dcluster.kills=200}
 * on demand. Prints the figures (failover and leave-the-view times, p50/p99) to the log.
 */
class SingletonFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(SingletonFailoverIT.class);
    private static final int ROUNDS = Integer.getInteger("cluster.kills", 5);

    @TempDir
    Path dir;

    private TestingServer zookeeper;
    private final Map<String, PartitionProxy> proxies = new LinkedHashMap<>();
    private final Map<String, ClusterNodeFixture> nodes = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (ClusterNodeFixture node : nodes.values()) {
            node.close();
        }
        for (PartitionProxy proxy : proxies.values()) {
            proxy.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void theLeaderCutOffHandsOverWithinTheSessionTimeoutAndNeverTwoRunAtOnce() throws Exception {
        zookeeper = LoopbackZooKeeper.server();
        Path witness = dir.resolve("witness.log");
        Path jar = TestBundle.builder("scheduler")
                .header("HappyOS-Singleton", "true")
                .importPackage("org.osgi.framework;version=\"[1.8,2)\",io.happyos.registry.cluster;version=\"[1.0,2)\"")
                .activator(WitnessActivator.class)
                .writeToFolder(Files.createDirectories(dir.resolve("jars")));
        for (String name : List.of("alpha", "beta", "gamma")) {
            PartitionProxy proxy = new PartitionProxy(zookeeper.getConnectString());
            proxies.put(name, proxy);
            ClusterNodeFixture node = ClusterNodeFixture.start(
                    proxy.connectString(), name, Map.of(WitnessActivator.FILE, witness.toString()));
            nodes.put(name, node);
            ids.put(
                    name,
                    node.registry
                            .registerComponent(ComponentInfo.ofJar(jar.toString()))
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS));
        }
        List<Long> failovers = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            await().atMost(Duration.ofSeconds(30)).until(() -> activeOn().size() == 1 && allSeeEveryNode());
            String leader = activeOn().get(0);
            String observer = nodes.keySet().stream()
                    .filter(n -> !n.equals(leader))
                    .findFirst()
                    .orElseThrow();
            long cutAt = System.nanoTime();
            proxies.get(leader).cut();
            long[] left = {0};
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        if (left[0] == 0
                                && nodes.get(observer).cluster.getNodes().stream()
                                        .noneMatch(n -> n.node().equals(leader))) {
                            left[0] = System.nanoTime();
                        }
                        List<String> active = activeOn();
                        return left[0] != 0 && active.size() == 1 && !active.contains(leader);
                    });
            failovers.add((System.nanoTime() - cutAt) / 1_000_000);
            leaves.add((left[0] - cutAt) / 1_000_000);
            proxies.get(leader).heal();
            if ((round + 1) % 25 == 0 && round + 1 < ROUNDS) {
                LOG.warn(
                        "after {} cuts: failover p99 {} ms, left the views p99 {} ms, witness violations {}",
                        round + 1,
                        percentile(failovers, 99),
                        percentile(leaves, 99),
                        Witness.violations(witness).size());
            }
        }
        LOG.warn(
                "{} leader cuts, session timeout {} ms: failover p50 {} ms, p99 {} ms, max {} ms; the cut node left "
                        + "the other views p50 {} ms, p99 {} ms, max {} ms; {} starts witnessed",
                ROUNDS,
                ClusterNodeFixture.SESSION_TIMEOUT.toMillis(),
                percentile(failovers, 50),
                percentile(failovers, 99),
                Collections.max(failovers),
                percentile(leaves, 50),
                percentile(leaves, 99),
                Collections.max(leaves),
                Witness.starts(witness));
        assertThat(Witness.violations(witness)).isEmpty();
        assertThat(Witness.starts(witness)).isGreaterThanOrEqualTo(ROUNDS + 1L);
    }

    private boolean allSeeEveryNode() {
        return nodes.values().stream()
                .allMatch(n -> !n.cluster.isStale() && n.cluster.getNodes().size() == nodes.size());
    }

    private List<String> activeOn() {
        return Witness.activeOn(nodes, ids);
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
