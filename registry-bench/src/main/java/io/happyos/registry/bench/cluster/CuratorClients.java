package io.happyos.registry.bench.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * Curator clients of the part's own (the bare anchor, the simulated nodes), made with the settings a
 * node's connection uses (registry-cluster's {@code ClusterConnection}), so that only what the
 * registry adds differs.
 */
final class CuratorClients {

    /** The namespace (chroot) a node publishes under by default. */
    static final String REGISTRY_NAMESPACE = "happyos";

    private CuratorClients() {}

    /**
     * Starts a client and waits until it is connected.
     *
     * @param connect the connect string
     * @param namespace the namespace it works in
     * @return the connected client
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when it does not connect within 10 s
     */
    static CuratorFramework start(String connect, String namespace) throws InterruptedException {
        int session = (int) RealNode.SESSION_TIMEOUT.toMillis();
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connect)
                .namespace(namespace)
                .sessionTimeoutMs(session)
                .connectionTimeoutMs(session)
                .retryPolicy(new ExponentialBackoffRetry(200, 29, 3000))
                .build();
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("no connection to ZooKeeper at " + connect + " within 10 s");
        }
        return client;
    }

    /**
     * Where a node publishes a component, as registry-cluster's {@code ZnodePaths} lays it out.
     *
     * @param node the node
     * @param id the component's id
     * @return the path below the namespace
     */
    static String componentPath(String node, String id) {
        return "/components/" + node + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
