package io.happyos.registry.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ClusterSettings read(Map<String, String> props) {
        return ClusterSettings.read(props::get);
    }

    @Test
    void withoutTheClusterPropertyThereIsNoCluster() {
        assertThat(read(Map.of())).isNull();
        assertThat(read(Map.of("happyos.cluster", "  "))).isNull();
    }

    @Test
    void aConnectStringWithAndWithoutChroot() {
        ClusterSettings plain =
                read(Map.of("happyos.cluster", "127.0.0.1:2181,127.0.0.1:2182", "happyos.cluster.node", "alpha"));
        assertThat(plain.connect()).isEqualTo("127.0.0.1:2181,127.0.0.1:2182");
        assertThat(plain.namespace()).isEqualTo("happyos");
        assertThat(plain.embedded()).isFalse();
        assertThat(plain.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        ClusterSettings chrooted =
                read(Map.of("happyos.cluster", "zk:2181/teams/a/", "happyos.cluster.session.timeout", "3s"));
        assertThat(chrooted.connect()).isEqualTo("zk:2181");
        assertThat(chrooted.namespace()).isEqualTo("teams/a");
        assertThat(chrooted.sessionTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void embeddedWithAndWithoutPort() {
        assertThat(read(Map.of("happyos.cluster", "embedded")).embeddedPort()).isEqualTo(2181);
        assertThat(read(Map.of("happyos.cluster", "embedded:0")).embeddedPort()).isZero();
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "embedded:x"))).hasMessageContaining("no valid port");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "embedded:70000")))
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void theDefaultNodeNameIsStableForOneStorageFolderAndDiffersForAnother() {
        Map<String, String> a = Map.of(
                "happyos.cluster",
                "zk:2181",
                "happyos.storage.dir",
                "/srv/a",
                "happyos.cluster.host",
                "box.example.org");
        assertThat(read(a).node()).isEqualTo(read(a).node()).startsWith("box-");
        Map<String, String> b = Map.of(
                "happyos.cluster",
                "zk:2181",
                "happyos.storage.dir",
                "/srv/b",
                "happyos.cluster.host",
                "box.example.org");
        assertThat(read(b).node()).isNotEqualTo(read(a).node());
        assertThat(read(a).owner()).isEqualTo("box.example.org:" + Path.of("/srv/a"));
    }

    @Test
    void badValuesNameTheOptionAndTheFormExpected() {
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk:2181", "happyos.cluster.node", "a/b")))
                .hasMessageContaining("--node a/b is not a usable node name");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk:2181", "happyos.cluster.session.timeout", "500ms")))
                .hasMessageContaining("between 1s and 10m");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk:2181", "happyos.cluster.session.timeout", "soon")))
                .hasMessageContaining("--cluster-session-timeout");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk:2181//")))
                .hasMessageContaining("not a ZooKeeper path");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk")))
                .hasMessageContaining("--cluster zk is not a ZooKeeper connect string");
        assertThatThrownBy(() -> read(Map.of("happyos.cluster", "zk:port,zk2:2181")))
                .hasMessageContaining("HOST:PORT");
    }
}
