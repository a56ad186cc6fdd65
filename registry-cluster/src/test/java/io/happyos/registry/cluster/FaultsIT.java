package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.apache.curator.test.TestingZooKeeperServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ZooKeeper down, back, partly down; and a tree closed to clients without the cluster's credentials. */
class FaultsIT {

    private static final Logger LOG = LoggerFactory.getLogger(FaultsIT.class);

    @TempDir
    Path dir;

    private static String install(ClusterNodeFixture node, Path dir, String name) throws Exception {
        Path jar = TestBundle.builder(name)
                .header("HappyOS-Component-Type", "skill")
                .writeToFolder(Files.createDirectories(dir.resolve(node.name)));
        return node.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void zooKeeperDownLeavesTheLocalRegistryWorkingAndTheViewStaleUntilItIsBack() throws Exception {
        TestingServer zookeeper = LoopbackZooKeeper.server();
        int port = zookeeper.getPort();
        try (ClusterNodeFixture alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of());
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of())) {
            String id = install(beta, dir, "echo");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            alpha.cluster.getComponents("beta", "skill", null).size() == 1);

            zookeeper.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> alpha.cluster.isStale() && beta.cluster.isStale());
            assertThat(alpha.cluster.getNodes())
                    .filteredOn(ClusterNode::self)
                    .singleElement()
                    .satisfies(n -> assertThat(n.stale()).isTrue())
                    .satisfies(n -> assertThat(n.staleSince()).isNotNull());
            // the local registry is not affected
            assertThat(beta.registry.activateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isTrue();
            // changes on another node fail cleanly
            assertThatThrownBy(() -> alpha.cluster
                            .activate("beta", id)
                            .toCompletableFuture()
                            .get(90, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ClusterException.class);

            Thread.sleep(4000); // longer than the session timeout: the sessions are gone when it comes back
            long back = System.nanoTime();
            zookeeper = LoopbackZooKeeper.server(port);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !alpha.cluster.isStale()
                            && alpha.cluster
                                            .getComponents("beta", "skill", ComponentStatus.ACTIVE)
                                            .size()
                                    == 1);
            LOG.warn("view converged {} ms after ZooKeeper came back", (System.nanoTime() - back) / 1_000_000);
            assertThat(alpha.cluster.getNodes()).extracting(ClusterNode::node).containsExactly("alpha", "beta");
        } finally {
            zookeeper.close();
        }
    }

    @Test
    void aNodeBackAfterTheOthersRepublishedSeesTheirRecordsAsTheyAreNow() throws Exception {
        // the order that made the test above flaky, forced: alpha is back only once beta has published
        // its records again on a ZooKeeper that lost them, at the versions they had before
        TestingServer zookeeper = LoopbackZooKeeper.server();
        int port = zookeeper.getPort();
        try (PartitionProxy proxy = new PartitionProxy(zookeeper.getConnectString());
                ClusterNodeFixture alpha = ClusterNodeFixture.start(proxy.connectString(), "alpha", Map.of());
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of())) {
            String id = install(beta, dir, "echo");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            alpha.cluster.getComponents("beta", "skill", null).size() == 1);

            proxy.cut();
            zookeeper.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> alpha.cluster.isStale() && beta.cluster.isStale());
            assertThat(beta.registry.activateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isTrue();
            zookeeper = LoopbackZooKeeper.server(port);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !beta.cluster.isStale()
                            && beta.cluster
                                            .getComponents("beta", "skill", ComponentStatus.ACTIVE)
                                            .size()
                                    == 1);

            proxy.heal();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !alpha.cluster.isStale()
                            && alpha.cluster
                                            .getComponents("beta", "skill", ComponentStatus.ACTIVE)
                                            .size()
                                    == 1);
        } finally {
            zookeeper.close();
        }
    }

    @Test
    void withCredentialsEveryZnodeIsClosedToClientsWithoutThem() throws Exception {
        Path auth = Files.writeString(dir.resolve("zk.auth"), "happyos:s3cret\n", StandardCharsets.UTF_8);
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture alpha = ClusterNodeFixture.start(
                        zookeeper.getConnectString(), "alpha", Map.of("happyos.cluster.auth", auth.toString()));
                ClusterNodeFixture beta = ClusterNodeFixture.start(
                        zookeeper.getConnectString(), "beta", Map.of("happyos.cluster.auth", auth.toString()))) {
            install(beta, dir, "echo");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            alpha.cluster.getComponents("beta", "skill", null).size() == 1);

            try (CuratorFramework stranger =
                    CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100))) {
                stranger.start();
                stranger.blockUntilConnected(10, TimeUnit.SECONDS);
                List<String> records = List.of("/happyos/nodes/beta", "/happyos/components/beta");
                for (String path : records) {
                    assertThatThrownBy(() -> stranger.setData().forPath(path, "x".getBytes(StandardCharsets.UTF_8)))
                            .isInstanceOf(KeeperException.NoAuthException.class);
                    assertThatThrownBy(() ->
                                    stranger.delete().deletingChildrenIfNeeded().forPath(path))
                            .isInstanceOf(KeeperException.NoAuthException.class);
                }
                assertThatThrownBy(() -> stranger.create().forPath("/happyos/nodes/mallory"))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> stranger.getData().forPath("/happyos/nodes/beta"))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
            // the nodes themselves still work together
            assertThat(alpha.cluster
                            .activate("beta", "echo")
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS)
                            .ok())
                    .isTrue();
            // a container with other credentials, or none, is refused at start, saying why
            Path wrong = Files.writeString(dir.resolve("wrong.auth"), "happyos:guess\n", StandardCharsets.UTF_8);
            for (Map<String, String> credentials :
                    List.of(Map.of("happyos.cluster.auth", wrong.toString()), Map.<String, String>of())) {
                assertThatThrownBy(() -> ClusterNodeFixture.start(zookeeper.getConnectString(), "mallory", credentials))
                        .isInstanceOf(org.osgi.framework.BundleException.class)
                        .cause()
                        .hasMessageContaining("refuses this node's credentials")
                        .hasMessageContaining("--cluster-auth FILE");
            }
            assertThat(alpha.cluster.getNodes()).extracting(ClusterNode::node).containsExactly("alpha", "beta");
        }
    }

    @Test
    void anEnsembleLosingOneServerLosesNothingAndLosingTwoGoesStaleAndComesBack() throws Exception {
        try (TestingCluster ensemble = LoopbackZooKeeper.ensemble(3)) {
            ensemble.start();
            try (ClusterNodeFixture alpha = ClusterNodeFixture.start(ensemble.getConnectString(), "alpha", Map.of());
                    ClusterNodeFixture beta = ClusterNodeFixture.start(ensemble.getConnectString(), "beta", Map.of())) {
                install(beta, dir, "echo");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> alpha.cluster
                                        .getComponents("beta", "skill", null)
                                        .size()
                                == 1);
                List<TestingZooKeeperServer> servers = ensemble.getServers();

                servers.get(0).kill();
                RemoteResult one = alpha.cluster
                        .activate("beta", "echo")
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
                assertThat(one.ok()).as(one.message()).isTrue();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> alpha.cluster
                                                .getComponents("beta", "skill", ComponentStatus.ACTIVE)
                                                .size()
                                        == 1
                                && !alpha.cluster.isStale());

                servers.get(1).kill();
                await().atMost(Duration.ofSeconds(15)).until(() -> alpha.cluster.isStale());
                assertThatThrownBy(() -> alpha.cluster
                                .deactivate("beta", "echo")
                                .toCompletableFuture()
                                .get(90, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ClusterException.class);

                long back = System.nanoTime();
                servers.get(0).restart();
                servers.get(1).restart();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !alpha.cluster.isStale()
                                && !beta.cluster.isStale()
                                && alpha.cluster
                                                .getComponents("beta", "skill", ComponentStatus.ACTIVE)
                                                .size()
                                        == 1
                                && alpha.cluster.getNodes().size() == 2);
                LOG.warn(
                        "ensemble: view converged {} ms after quorum came back",
                        (System.nanoTime() - back) / 1_000_000);
            }
        }
    }

    @Test
    void aNodeStartedWhileZooKeeperIsDownRunsStandaloneAndJoinsWhenItComesUp() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ClusterNodeFixture alpha = ClusterNodeFixture.start("127.0.0.1:" + port, "alpha", Map.of())) {
            assertThat(alpha.cluster.isStale()).isTrue();
            String id = install(alpha, dir, "echo");
            assertThat(alpha.registry
                            .activateComponent(id)
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS))
                    .isTrue();
            try (TestingServer zookeeper = LoopbackZooKeeper.server(port)) {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> !alpha.cluster.isStale()
                                && alpha.cluster
                                                .getComponents("alpha", "skill", ComponentStatus.ACTIVE)
                                                .size()
                                        == 1);
            }
        }
    }
}
