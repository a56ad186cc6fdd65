package io.happyos.registry.bench.cluster;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real node of the cluster, as a container started with {@code --cluster} runs it: an embedded
 * Felix with the registry (persistence on, as by default), Gogo's runtime and the registry-cluster
 * bundle, joined to a ZooKeeper server with a 3 s session timeout. The system bundle exports the
 * cluster API from the class path, so that this JVM and the bundle share its classes.
 */
final class RealNode implements AutoCloseable {

    /** The session timeout the figures are stated for. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern API_VERSION =
            Pattern.compile(Pattern.quote(ClusterRegistry.class.getPackageName()) + ";version=\"?([0-9.]+)");

    final String name;
    final DynamicRegistry registry;
    final ClusterRegistry cluster;
    private final EmbeddedFelix felix;

    private RealNode(String name, EmbeddedFelix felix) throws InterruptedException {
        this.name = name;
        this.felix = felix;
        this.registry = felix.service(DynamicRegistry.class, TIMEOUT);
        this.cluster = felix.service(ClusterRegistry.class, TIMEOUT);
    }

    /**
     * Starts a node and waits for its cluster view service.
     *
     * @param bundles the folder of bench bundles (registry-cluster.jar, org.apache.felix.gogo.runtime.jar)
     * @param connect the ZooKeeper connect string
     * @param name the node's name
     * @return the node
     * @throws Exception when the node does not come up
     */
    static RealNode start(Path bundles, String connect, String name) throws Exception {
        Path clusterJar = bundles.resolve("registry-cluster.jar");
        Map<String, String> properties = Map.of(
                "org.osgi.framework.system.packages.extra",
                EmbeddedFelix.systemPackagesExtra() + "," + ClusterRegistry.class.getPackageName() + ";version="
                        + apiVersion(clusterJar),
                "happyos.cluster",
                connect,
                "happyos.cluster.node",
                name,
                "happyos.cluster.session.timeout",
                SESSION_TIMEOUT.toSeconds() + "s");
        EmbeddedFelix felix = EmbeddedFelix.start(Files.createTempDirectory("happyos-bench-node-"), properties);
        try {
            felix.withRegistry();
            felix.installRuntime(bundles.resolve("org.apache.felix.gogo.runtime.jar"))
                    .start();
            felix.installRuntime(clusterJar).start();
            return new RealNode(name, felix);
        } catch (Exception | Error e) {
            felix.close();
            throw e;
        }
    }

    /** The version at which the cluster bundle exports its API, read from its manifest (never written here). */
    private static String apiVersion(Path clusterJar) throws IOException {
        try (InputStream in = Files.newInputStream(clusterJar);
                JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            String exports =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            Matcher m = API_VERSION.matcher(exports == null ? "" : exports);
            if (!m.find()) {
                throw new IllegalStateException(
                        clusterJar + " does not export " + ClusterRegistry.class.getPackageName());
            }
            return m.group(1);
        }
    }

    /** Stops the framework (the node leaves the cluster) and deletes its storage. */
    @Override
    public void close() throws Exception {
        felix.close();
    }
}
