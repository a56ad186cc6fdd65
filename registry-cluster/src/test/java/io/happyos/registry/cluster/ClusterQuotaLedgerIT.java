package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.spi.ClusterQuotaLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger of quotas scoped {@code cluster:}, as two nodes on one ZooKeeper use it. */
class ClusterQuotaLedgerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static ClusterQuotaLedger ledger(ClusterNodeFixture node) throws InterruptedException {
        return node.felix.service(ClusterQuotaLedger.class, WAIT);
    }

    private static boolean published(ClusterNodeFixture node) {
        return node.felix.context().getServiceReference(ClusterQuotaLedger.class) != null;
    }

    @Test
    void aLimitOfOneHoldsAcrossTwoNodesAndAUnitGivenBackCanBeTakenByTheOther() throws Exception {
        Path auth = Files.writeString(dir.resolve("zk.auth"), "happyos:s3cret\n", StandardCharsets.UTF_8);
        Map<String, String> credentials = Map.of("happyos.cluster.auth", auth.toString());
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture alpha =
                        ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", credentials);
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", credentials)) {
            ClusterQuotaLedger onAlpha = ledger(alpha);
            ClusterQuotaLedger onBeta = ledger(beta);
            String scope = "cluster:type:skill/voice";

            assertThat(onAlpha.tryAcquire(scope, "echo", 1)).isEqualTo(-1);
            assertThat(onBeta.tryAcquire(scope, "weather", 1)).isEqualTo(1);
            assertThat(onBeta.held(scope)).isEqualTo(1);
            // taking a unit already held takes nothing more
            assertThat(onAlpha.tryAcquire(scope, "echo", 1)).isEqualTo(-1);
            assertThat(onAlpha.held(scope)).isEqualTo(1);
            // another scope counts apart; a limit of 0 refuses
            assertThat(onBeta.tryAcquire("cluster:type:logger", "weather", 1)).isEqualTo(-1);
            assertThat(onBeta.tryAcquire("cluster:type:zero", "weather", 0)).isZero();

            onAlpha.release(scope, "echo");
            onAlpha.release(scope, "echo"); // holds none: nothing happens
            assertThat(onAlpha.held(scope)).isZero();
            assertThat(onBeta.tryAcquire(scope, "weather", 1)).isEqualTo(-1);
            assertThat(onAlpha.tryAcquire(scope, "echo", 1)).isEqualTo(1);

            // the scope is one escaped znode name, the unit one per node and component
            String scopePath = "/happyos/quotas/cluster%3Atype%3Askill%2Fvoice";
            try (CuratorFramework member = CuratorFrameworkFactory.builder()
                    .connectString(zookeeper.getConnectString())
                    .retryPolicy(new RetryOneTime(100))
                    .authorization("digest", "happyos:s3cret".getBytes(StandardCharsets.UTF_8))
                    .build()) {
                member.start();
                member.blockUntilConnected(10, TimeUnit.SECONDS);
                assertThat(member.getChildren().forPath(scopePath)).containsExactly("beta~weather");
                assertThat(member.checkExists()
                                .forPath(scopePath + "/beta~weather")
                                .getEphemeralOwner())
                        .isNotZero();
            }
            // and closed to clients without the credentials
            try (CuratorFramework stranger =
                    CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100))) {
                stranger.start();
                stranger.blockUntilConnected(10, TimeUnit.SECONDS);
                assertThatThrownBy(() -> stranger.getChildren().forPath(scopePath))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> stranger.create().forPath(scopePath + "/mallory~x"))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> stranger.setData().forPath(scopePath, new byte[0]))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
        }
    }

    @Test
    void aNodeThatLeavesGivesItsUnitsBack() throws Exception {
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of())) {
            ClusterNodeFixture alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of());
            try {
                ClusterQuotaLedger onAlpha = ledger(alpha);
                assertThat(onAlpha.tryAcquire("cluster:type:skill", "echo", 2)).isEqualTo(-1);
                assertThat(onAlpha.tryAcquire("cluster:type:skill", "weather", 2))
                        .isEqualTo(-1);
                assertThat(ledger(beta).tryAcquire("cluster:type:skill", "clock", 2))
                        .isEqualTo(2);
            } finally {
                alpha.close();
            }
            // closing ends alpha's session, and its units with it
            assertThat(ledger(beta).held("cluster:type:skill")).isZero();
            assertThat(ledger(beta).tryAcquire("cluster:type:skill", "clock", 2))
                    .isEqualTo(-1);
        }
    }

    @Test
    void concurrentTakersOnBothNodesNeverExceedTheLimit() throws Exception {
        int limit = 3;
        int perNode = 8;
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of());
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of())) {
            ExecutorService threads = Executors.newFixedThreadPool(2 * perNode);
            try {
                for (int round = 0; round < 3; round++) {
                    String scope = "cluster:type:round-" + round;
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Long>> results = new ArrayList<>();
                    for (ClusterNodeFixture node : List.of(alpha, beta)) {
                        ClusterQuotaLedger ledger = ledger(node);
                        for (int i = 0; i < perNode; i++) {
                            String component = node.name + "-" + i;
                            Callable<Long> take = () -> {
                                start.await();
                                return ledger.tryAcquire(scope, component, limit);
                            };
                            results.add(threads.submit(take));
                        }
                    }
                    start.countDown();
                    int taken = 0;
                    for (Future<Long> result : results) {
                        long answer = result.get(60, TimeUnit.SECONDS);
                        if (answer == -1) {
                            taken++;
                        } else {
                            assertThat(answer).isEqualTo(limit);
                        }
                    }
                    assertThat(taken).as("units taken in round %d", round).isEqualTo(limit);
                    assertThat(ledger(alpha).held(scope)).isEqualTo(limit);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void theLedgerIsWithdrawnWhileTheSessionIsLostAndItsUnitsAreTakenAgainAfter() throws Exception {
        TestingServer zookeeper = LoopbackZooKeeper.server();
        int port = zookeeper.getPort();
        try (ClusterNodeFixture alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of())) {
            assertThat(ledger(alpha).tryAcquire("cluster:type:skill", "echo", 1))
                    .isEqualTo(-1);

            zookeeper.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> alpha.cluster.isStale());
            // suspended: still published, but it cannot count
            assertThatThrownBy(() -> ledger(alpha).held("cluster:type:skill"))
                    .hasMessageContaining("not connected to ZooKeeper");
            // lost (the session timeout later): the registry counts this node alone
            await().atMost(Duration.ofSeconds(15)).until(() -> !published(alpha));

            // ZooKeeper back with nothing of the earlier session: the unit is taken again
            zookeeper = LoopbackZooKeeper.server(port);
            ClusterQuotaLedger again = ledger(alpha);
            assertThat(again.held("cluster:type:skill")).isEqualTo(1);
            assertThat(again.tryAcquire("cluster:type:skill", "echo", 1)).isEqualTo(-1);
            assertThat(again.tryAcquire("cluster:type:skill", "weather", 1)).isEqualTo(1);
        } finally {
            zookeeper.close();
        }
    }
}
