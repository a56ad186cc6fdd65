package io.happyos.registry.cluster;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;

/**
 * One node of a test cluster: an embedded Felix with the registry and the cluster bundle built by
 * this module ({@code it.cluster.bundle}), joined to a ZooKeeper server. The system bundle exports
 * the cluster API from the test's class path, so the test and the bundle share its classes.
 */
final class ClusterNodeFixture implements AutoCloseable {

    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

    final String name;
    final EmbeddedFelix felix;
    final DynamicRegistry registry;
    final ClusterRegistry cluster;
    final Bundle clusterBundle;

    private ClusterNodeFixture(String name, EmbeddedFelix felix, Bundle clusterBundle) throws Exception {
        this.name = name;
        this.felix = felix;
        this.clusterBundle = clusterBundle;
        this.registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
        this.cluster = felix.service(ClusterRegistry.class, Duration.ofSeconds(30));
    }

    /**
     * Starts a node.
     *
     * @param connect the ZooKeeper connect string (with an optional chroot)
     * @param name the node's name
     * @param more more framework properties
     * @return the node, once its cluster view service is there
     */
    static ClusterNodeFixture start(String connect, String name, Map<String, String> more) throws Exception {
        EmbeddedFelix felix =
                EmbeddedFelix.start(Files.createTempDirectory("happyos-node-"), properties(connect, name, more));
        try {
            felix.withRegistry();
            felix.installRuntime(EmbeddedFelix.itBundle("org.apache.felix.gogo.runtime.jar"))
                    .start();
            Bundle bundle = felix.installRuntime(clusterJar());
            bundle.start();
            return new ClusterNodeFixture(name, felix, bundle);
        } catch (Exception | AssertionError e) {
            felix.close();
            throw e;
        }
    }

    static Map<String, String> properties(String connect, String name, Map<String, String> more) {
        Map<String, String> props = new HashMap<>();
        props.put(
                "org.osgi.framework.system.packages.extra",
                EmbeddedFelix.systemPackagesExtra() + ",io.happyos.registry.cluster;version=1.0.0");
        props.put("happyos.cluster", connect);
        props.put("happyos.cluster.node", name);
        props.put("happyos.cluster.session.timeout", SESSION_TIMEOUT.toMillis() + "ms");
        props.putAll(more);
        return props;
    }

    static Path clusterJar() {
        return Paths.get(System.getProperty("it.cluster.bundle"));
    }

    @Override
    public void close() throws Exception {
        felix.close();
    }
}
