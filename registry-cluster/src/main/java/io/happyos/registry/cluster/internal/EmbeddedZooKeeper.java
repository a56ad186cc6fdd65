package io.happyos.registry.cluster.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ZooKeeper server inside this container ({@code --cluster embedded[:PORT]}), for trying a
 * cluster on one machine: standalone, bound to 127.0.0.1, its data under the storage folder, no
 * admin server. Not for production: it dies with the container that carries it.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);

    private final ZooKeeperServerEmbedded server;
    private final String connectString;

    private EmbeddedZooKeeper(ZooKeeperServerEmbedded server, String connectString) {
        this.server = server;
        this.connectString = connectString;
    }

    /**
     * Starts a server.
     *
     * @param dataDir its data folder (created)
     * @param port its client port on 127.0.0.1; 0 picks a free one
     * @return the running server
     * @throws Exception when it cannot start (the port is taken, the folder cannot be written)
     */
    static EmbeddedZooKeeper start(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        int chosen = port == 0 ? freePort() : port;
        if (port != 0) {
            ensureFree(port);
        }
        Properties config = new Properties();
        config.setProperty("clientPort", Integer.toString(chosen));
        config.setProperty("clientPortAddress", "127.0.0.1");
        config.setProperty("tickTime", "500");
        config.setProperty("minSessionTimeout", "1000");
        config.setProperty("maxSessionTimeout", "600000");
        config.setProperty("admin.enableServer", "false");
        config.setProperty("4lw.commands.whitelist", "ruok,stat");
        // ZooKeeper loads the metrics provider through the context class loader, which inside the
        // container is the launcher's (without ZooKeeper): the bundle's own for the build and the
        // start, whose threads inherit it
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedZooKeeper.class.getClassLoader());
        ZooKeeperServerEmbedded server = null;
        try {
            server = ZooKeeperServerEmbedded.builder()
                    .baseDir(dataDir)
                    .configuration(config)
                    .exitHandler(ExitHandler.LOG_ONLY)
                    .build();
            server.start(30_000);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            throw new IllegalStateException(
                    "cannot start the embedded ZooKeeper server on 127.0.0.1:" + chosen + " ("
                            + LocalOperations.message(e)
                            + "): is the port taken? Give another one with --cluster embedded:PORT",
                    e);
        } finally {
            thread.setContextClassLoader(caller);
        }
        String connect = "127.0.0.1:" + chosen;
        LOG.info("cluster: embedded ZooKeeper server (for development) listening on {}, data in {}", connect, dataDir);
        return new EmbeddedZooKeeper(server, connect);
    }

    String connectString() {
        return connectString;
    }

    /** ZooKeeper would wait its whole start timeout on a port that is taken: say so at once. */
    private static void ensureFree(int port) {
        try (java.net.ServerSocket probe =
                new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (java.io.IOException taken) {
            throw new IllegalStateException(
                    "cannot start the embedded ZooKeeper server: 127.0.0.1:" + port
                            + " is in use (another container's embedded server?); join that one with --cluster 127.0.0.1:"
                            + port + ", or give another port with --cluster embedded:PORT",
                    taken);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
