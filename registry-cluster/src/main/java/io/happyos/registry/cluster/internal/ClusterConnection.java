package io.happyos.registry.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Curator client of this node, its connection state and its name in the cluster. Started by
 * the activator before anything else, so that a node name already taken refuses the start. While
 * the connection is suspended or lost the view is stale (since when, {@link #staleSince}); on every
 * new session (and on the first connection) the name is claimed again and the
 * {@link #onSession} callbacks run, which republish.
 */
final class ClusterConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);
    /** How long the start waits for ZooKeeper before going on standalone (and joining when it comes). */
    static final Duration FIRST_CONNECT = Duration.ofSeconds(5);

    private final ClusterSettings settings;
    private final CuratorFramework client;
    private final NodeClaim claim;
    private final List<Runnable> onSession = new CopyOnWriteArrayList<>();
    private final List<Runnable> onSuspended = new CopyOnWriteArrayList<>();
    private final List<Runnable> onLost = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.LOST;
    private volatile Instant staleSince = Instant.now();
    private volatile String refusal;
    /** Whether {@link #start} is over: a name taken before then refuses the start, which says so itself. */
    private volatile boolean started;

    ClusterConnection(ClusterSettings settings, String connectString) throws Exception {
        this.settings = settings;
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .namespace(settings.namespace())
                .sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) Math.min(settings.sessionTimeout().toMillis(), 15_000))
                .retryPolicy(new BoundedExponentialBackoffRetry(200, 3000, 29));
        if (settings.authFile() != null) {
            String credentials = readCredentials();
            builder.authorization("digest", credentials.getBytes(StandardCharsets.UTF_8))
                    .aclProvider(new CreatorOnly());
        }
        this.client = builder.build();
        this.claim = new NodeClaim(client, settings);
        client.getConnectionStateListenable().addListener((c, newState) -> changed(newState));
    }

    /**
     * Connects and claims the node name, waiting up to {@link #FIRST_CONNECT} for ZooKeeper. When it
     * is not there by then, the node goes on standalone (stale) and joins when it comes.
     *
     * @throws NodeNameTakenException when another live node has this node's name
     * @throws InterruptedException when interrupted while waiting
     */
    void start() throws Exception {
        try {
            client.start();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot use --cluster " + settings.connect() + ": " + LocalOperations.message(e)
                            + "; give HOST:PORT[,HOST:PORT...] of ZooKeeper servers this host can resolve",
                    e);
        }
        if (client.blockUntilConnected((int) FIRST_CONNECT.toMillis(), TimeUnit.MILLISECONDS)) {
            claim.claim(); // here, so that a name already taken refuses the start
            started = true;
            int granted = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
            if (granted != settings.sessionTimeout().toMillis()) {
                LOG.warn(
                        "cluster: ZooKeeper granted a session timeout of {} ms instead of the {} ms asked for (a server "
                                + "allows 2 to 20 of its ticks); components of a crashed node leave the views after that",
                        granted,
                        settings.sessionTimeout().toMillis());
            }
        } else {
            started = true;
            LOG.warn(
                    "cluster: ZooKeeper at {} does not answer; this node runs on standalone and joins the cluster "
                            + "when it is back",
                    settings.connect() == null ? "the embedded server" : settings.connect());
        }
    }

    private void changed(ConnectionState newState) {
        state = newState;
        switch (newState) {
            case CONNECTED, RECONNECTED -> {
                try {
                    claim.claim();
                    staleSince = null;
                    refusal = null;
                    LOG.info(
                            "cluster: node {} is {} to ZooKeeper",
                            settings.node(),
                            newState == ConnectionState.CONNECTED ? "connected" : "reconnected");
                    onSession.forEach(Runnable::run);
                } catch (NodeNameTakenException e) {
                    refusal = e.getMessage();
                    if (started) {
                        LOG.error("cluster: {}", e.getMessage());
                    } else {
                        LOG.debug("cluster: {} (the start is refused)", e.getMessage());
                    }
                } catch (Exception e) {
                    LOG.warn("cluster: cannot claim the node name {} yet: {}", settings.node(), e.getMessage());
                }
            }
            case SUSPENDED, LOST -> {
                if (staleSince == null) {
                    staleSince = Instant.now();
                }
                onSuspended.forEach(Runnable::run);
                if (newState == ConnectionState.LOST) {
                    onLost.forEach(Runnable::run);
                }
            }
            default -> LOG.debug("cluster: connection {}", newState);
        }
    }

    /** @return whether the node is connected and holds its name: its view is current */
    boolean isConnected() {
        return (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED)
                && staleSince == null
                && refusal == null;
    }

    ConnectionState state() {
        return state;
    }

    /** @return when the view became stale, or {@code null} while it is current */
    Instant staleSince() {
        return staleSince;
    }

    CuratorFramework client() {
        return client;
    }

    ClusterSettings settings() {
        return settings;
    }

    Instant since() {
        return claim.since();
    }

    void onSession(Runnable callback) {
        onSession.add(callback);
    }

    void onSuspended(Runnable callback) {
        onSuspended.add(callback);
    }

    /** @param callback run (on Curator's connection thread) when the session is lost, after the suspended ones */
    void onLost(Runnable callback) {
        onLost.add(callback);
    }

    private String readCredentials() throws Exception {
        String text =
                Files.readString(settings.authFile(), StandardCharsets.UTF_8).strip();
        if (!text.matches("[^:\\s]+:\\S+")) {
            throw new IllegalArgumentException("--cluster-auth " + settings.authFile()
                    + " must hold one line USER:PASSWORD (ZooKeeper digest credentials)");
        }
        return text;
    }

    /** Every znode is created readable and writable only by clients with the same credentials. */
    private static final class CreatorOnly implements ACLProvider {
        @Override
        public List<ACL> getDefaultAcl() {
            return ZooDefs.Ids.CREATOR_ALL_ACL;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
            return ZooDefs.Ids.CREATOR_ALL_ACL;
        }
    }

    @Override
    public void close() {
        client.close(); // ends the session: every ephemeral record of this node goes at once
    }
}
