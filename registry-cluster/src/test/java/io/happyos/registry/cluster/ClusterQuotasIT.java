package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.QuotaExceededException;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.spi.ClusterQuotaLedger;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quota scoped cluster:type:T holds for the whole cluster: max-active counted across the nodes. */
class ClusterQuotasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> ONE_SKILL = Map.of("happyos.quotas", "cluster:type:skill max-active 1");

    @TempDir
    Path dir;

    private String install(ClusterNodeFixture node, String name) throws Exception {
        Path jar = TestBundle.builder(name)
                .header("HappyOS-Component-Type", "skill")
                .writeToFolder(Files.createDirectories(dir.resolve(node.name)));
        return node.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static boolean activate(ClusterNodeFixture node, String id) throws Exception {
        return node.registry.activateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void maxActiveHoldsAcrossTheNodesAndAUnitComesBackWhenItsComponentStops() throws Exception {
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", ONE_SKILL);
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", ONE_SKILL)) {
            alpha.felix.service(ClusterQuotaLedger.class, WAIT);
            beta.felix.service(ClusterQuotaLedger.class, WAIT);
            String onAlpha = install(alpha, "echo-a");
            String onBeta = install(beta, "echo-b");

            assertThat(activate(alpha, onAlpha)).isTrue();
            assertThatThrownBy(() -> activate(beta, onBeta))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(QuotaExceededException.class)
                    .hasMessageStartingWith("quota max-active of cluster:type:skill is 1 and 1 is active across the"
                            + " cluster: activating echo-b would make 2");
            assertThat(beta.registry.getComponent(onBeta).status()).isNotEqualTo(ComponentStatus.ACTIVE);
            assertThat(beta.registry.quotas().listQuotas()).singleElement().satisfies(s -> {
                assertThat(s.used()).isEqualTo(1);
                assertThat(s.note()).isNull();
            });

            alpha.registry.deactivateComponent(onAlpha).toCompletableFuture().get(30, TimeUnit.SECONDS);
            await().atMost(WAIT)
                    .until(() -> beta.registry.quotas().listQuotas().get(0).used() == 0);
            assertThat(activate(beta, onBeta)).isTrue();
            assertThatThrownBy(() -> activate(alpha, onAlpha)).cause().isInstanceOf(QuotaExceededException.class);
        }
    }

    @Test
    void aNodeThatStopsGivesItsUnitsBack() throws Exception {
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                ClusterNodeFixture beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", ONE_SKILL)) {
            String onBeta = install(beta, "echo-b");
            try (ClusterNodeFixture alpha =
                    ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", ONE_SKILL)) {
                alpha.felix.service(ClusterQuotaLedger.class, WAIT);
                assertThat(activate(alpha, install(alpha, "echo-a"))).isTrue();
                assertThatThrownBy(() -> activate(beta, onBeta)).cause().isInstanceOf(QuotaExceededException.class);
            }
            await().atMost(WAIT)
                    .until(() -> beta.registry.quotas().listQuotas().stream()
                                    .mapToDouble(QuotaStatus::used)
                                    .sum()
                            == 0);
            assertThat(activate(beta, onBeta)).isTrue();
        }
    }
}
