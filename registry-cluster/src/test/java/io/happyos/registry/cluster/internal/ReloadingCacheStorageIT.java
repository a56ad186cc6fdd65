package io.happyos.registry.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.cluster.LoopbackZooKeeper;
import io.happyos.registry.cluster.PartitionProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

/**
 * What a node's cache tells its listeners after being away while records were deleted and created
 * again with other data at the same version numbers (what another node's expired session, or a
 * ZooKeeper back with an empty data folder, leaves behind).
 */
class ReloadingCacheStorageIT {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsCreatedAgainAtTheSameVersionsWhileANodeWasAwayReachItsListeners() throws Exception {
        try (TestingServer zookeeper = LoopbackZooKeeper.server();
                PartitionProxy proxy = new PartitionProxy(zookeeper.getConnectString());
                CuratorFramework writer =
                        CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
                CuratorFramework reader =
                        CuratorFrameworkFactory.newClient(proxy.connectString(), 2000, 2000, new RetryOneTime(100))) {
            writer.start();
            writer.blockUntilConnected(10, TimeUnit.SECONDS);
            writer.create().creatingParentsIfNeeded().forPath("/components/beta/echo", text("REGISTERED"));
            writer.create().creatingParentsIfNeeded().forPath("/components/gamma/old", text("old"));

            AtomicReference<ConnectionState> state = new AtomicReference<>();
            reader.getConnectionStateListenable().addListener((c, s) -> state.set(s));
            reader.start();
            reader.blockUntilConnected(10, TimeUnit.SECONDS);
            Map<String, String> seen = new ConcurrentHashMap<>();
            try (CuratorCache cache = CuratorCache.builder(reader, "/components")
                    .withStorage(new ReloadingCacheStorage())
                    .build()) {
                cache.listenable()
                        .addListener(CuratorCacheListener.builder()
                                .forCreatesAndChanges((before, now) -> seen.put(now.getPath(), data(now)))
                                .forDeletes(gone -> seen.remove(gone.getPath()))
                                .build());
                cache.start();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> "REGISTERED".equals(seen.get("/components/beta/echo"))
                                && seen.containsKey("/components/gamma/old"));

                proxy.cut();
                await().atMost(Duration.ofSeconds(10)).until(() -> state.get() == ConnectionState.LOST);
                // the record comes back at version 0 with other data; the parent comes back at child
                // version 1 with another child
                writer.delete().forPath("/components/beta/echo");
                writer.create().forPath("/components/beta/echo", text("ACTIVE"));
                writer.delete().deletingChildrenIfNeeded().forPath("/components/gamma");
                writer.create().creatingParentsIfNeeded().forPath("/components/gamma/new", text("new"));
                assertThat(writer.checkExists().forPath("/components/beta/echo").getVersion())
                        .isZero();
                assertThat(writer.checkExists().forPath("/components/gamma").getCversion())
                        .isEqualTo(1);
                proxy.heal();

                await().atMost(Duration.ofSeconds(15))
                        .untilAsserted(() -> assertThat(seen)
                                .containsEntry("/components/beta/echo", "ACTIVE")
                                .containsEntry("/components/gamma/new", "new")
                                .doesNotContainKey("/components/gamma/old"));
            }
        }
    }

    private static String data(ChildData node) {
        return node.getData() == null ? "" : new String(node.getData(), StandardCharsets.UTF_8);
    }
}
