package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleException;

/** Two nodes on one ZooKeeper server: each sees the other's components, asks it to act, and a node that leaves leaves every view. */
class ClusterViewIT {

    private TestingServer zookeeper;
    private ClusterNodeFixture alpha;
    private ClusterNodeFixture beta;

    @BeforeEach
    void startCluster() throws Exception {
        zookeeper = LoopbackZooKeeper.server();
        alpha = ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of());
        beta = ClusterNodeFixture.start(zookeeper.getConnectString(), "beta", Map.of());
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {beta, alpha, zookeeper}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private String install(ClusterNodeFixture node, TestBundle.Builder bundle, Path dir) throws Exception {
        Path jar = bundle.writeToFolder(dir.resolve(node.name));
        return node.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachNodeSeesTheOthersComponentsWithTheirStatusAndEndpoints(@TempDir Path dir) throws Exception {
        String id = install(
                beta,
                TestBundle.builder("calc")
                        .header("HappyOS-Component-Type", "skill")
                        .header("HappyOS-Endpoint", "http://{host}:8080/calc"),
                dir);
        beta.registry.activateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(alpha.cluster.getComponents("beta", "skill", null))
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.id()).isEqualTo(id);
                            assertThat(c.status()).isEqualTo(ComponentStatus.ACTIVE);
                            assertThat(c.endpoints())
                                    .singleElement()
                                    .asString()
                                    .endsWith(":8080/calc")
                                    .doesNotContain("{host}");
                        }));
        assertThat(alpha.cluster.getNodes())
                .extracting(ClusterNode::node, ClusterNode::self)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alpha", true),
                        org.assertj.core.groups.Tuple.tuple("beta", false));
        assertThat(alpha.cluster.getInstances("skill"))
                .extracting(ClusterComponent::node)
                .containsExactly("beta");

        beta.registry.deactivateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster
                                .getComponents("beta", "skill", ComponentStatus.INACTIVE)
                                .size()
                        == 1);
        assertThat(alpha.cluster.getInstances("calc")).isEmpty();
        assertThat(alpha.cluster.pick("calc", PickStrategy.ROUND_ROBIN)).isEmpty();
    }

    @Test
    void aNodeThatStopsLeavesEveryViewAtOnce() throws Exception {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !alpha.cluster.getComponents("beta", null, null).isEmpty());
        long stoppedAt = System.nanoTime();
        beta.close();
        beta = null;
        await().atMost(Duration.ofSeconds(2))
                .until(() -> alpha.cluster.getComponents("beta", null, null).isEmpty()
                        && alpha.cluster.getNodes().size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(ClusterNodeFixture.SESSION_TIMEOUT);
    }

    @Test
    void aSecondLiveNodeWithTheSameNameIsRefused() {
        assertThatThrownBy(() -> ClusterNodeFixture.start(zookeeper.getConnectString(), "alpha", Map.of()))
                .isInstanceOf(BundleException.class)
                .rootCause()
                .hasMessageContaining("the node name 'alpha' is taken by a live node")
                .hasMessageContaining("--node");
        assertThat(alpha.cluster.getNodes()).extracting(ClusterNode::node).containsExactly("alpha", "beta");
    }

    @Test
    void aNodeAsksAnotherToActAndBothAuditIt(@TempDir Path dir) throws Exception {
        String id = install(beta, TestBundle.builder("echo").header("HappyOS-Component-Type", "skill"), dir);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster.getComponents("beta", "skill", null).size() == 1);

        RemoteResult result =
                alpha.cluster.activate("beta", "echo").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(beta.registry.getComponent(id).status()).isEqualTo(ComponentStatus.ACTIVE);
        List<AuditRecord> there = beta.registry.diagnostics().getAuditLog(AuditQuery.latest());
        assertThat(there).anySatisfy(r -> {
            assertThat(r.actor()).startsWith("node:alpha/");
            assertThat(r.operation()).isEqualTo("activate");
            assertThat(r.componentId()).isEqualTo(id);
        });
        List<AuditRecord> here = alpha.registry.diagnostics().getAuditLog(AuditQuery.latest());
        assertThat(here).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("cluster:activate");
            assertThat(r.componentId()).isEqualTo(id);
            assertThat(r.details()).isEqualTo("on node beta");
            assertThat(r.ok()).isTrue();
        });
    }

    @Test
    void askingForAnUnknownNodeOrComponentSaysWhat() throws Exception {
        assertThatThrownBy(() -> alpha.cluster
                        .activate("gamma", "echo")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ClusterException.class)
                .hasMessageContaining("unknown node 'gamma'");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alpha.cluster.getNodes().size() == 2);
        RemoteResult missing =
                alpha.cluster.activate("beta", "no-such").toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.message()).contains("node beta has no component 'no-such'");
    }
}
