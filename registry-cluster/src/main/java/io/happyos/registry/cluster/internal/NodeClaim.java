package io.happyos.registry.cluster.internal;

import io.happyos.registry.text.JsonInput;
import io.happyos.registry.text.JsonOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's name in the cluster: the ephemeral znode {@code /nodes/NAME}, held by the session.
 * A second live node with the same name is refused; a restarted node (same host and storage
 * folder) takes the name back from its dead incarnation at once, instead of waiting for the old
 * session to expire, and removes the records that incarnation left.
 */
final class NodeClaim {

    private static final Logger LOG = LoggerFactory.getLogger(NodeClaim.class);

    private final CuratorFramework client;
    private final ClusterSettings settings;
    private final Instant since = Instant.now();

    NodeClaim(CuratorFramework client, ClusterSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    Instant since() {
        return since;
    }

    /**
     * Claims the name for the current session (again after a new session).
     *
     * @throws NodeNameTakenException when another live container holds the name
     * @throws Exception from ZooKeeper (connection loss and the like)
     */
    void claim() throws Exception {
        try {
            claimOnce();
        } catch (KeeperException.NoAuthException e) {
            throw new IllegalStateException(
                    "ZooKeeper refuses this node's credentials for the cluster's records ("
                            + e.getPath() + "): the cluster was made with --cluster-auth; give this container the same "
                            + "credentials file with --cluster-auth FILE",
                    e);
        }
    }

    private void claimOnce() throws Exception {
        String path = ZnodePaths.node(settings.node());
        long session = client.getZookeeperClient().getZooKeeper().getSessionId();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                client.create()
                        .creatingParentsIfNeeded()
                        .withMode(CreateMode.EPHEMERAL)
                        .forPath(path, record());
                return;
            } catch (KeeperException.NodeExistsException exists) {
                Stat stat = new Stat();
                byte[] data;
                try {
                    data = client.getData().storingStatIn(stat).forPath(path);
                } catch (KeeperException.NoNodeException goneMeanwhile) {
                    continue;
                }
                if (stat.getEphemeralOwner() == session) {
                    return; // ours already (a reconnect within the session)
                }
                Map<String, Object> holder = JsonInput.object(new String(data, StandardCharsets.UTF_8));
                if (!settings.owner().equals(holder.get("owner"))) {
                    throw new NodeNameTakenException(settings.node(), holder, settings.sessionTimeout());
                }
                LOG.info(
                        "cluster: node {} takes its name back from its earlier run (session {} ended with it)",
                        settings.node(),
                        Long.toHexString(stat.getEphemeralOwner()));
                removeEarlierRun(path, stat, session);
            }
        }
        throw new IllegalStateException("cannot claim the node name " + settings.node() + ": it keeps changing hands");
    }

    private void removeEarlierRun(String path, Stat stat, long session) throws Exception {
        try {
            client.delete().withVersion(stat.getVersion()).forPath(path);
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException gone) {
            LOG.debug("the earlier run's node record went by itself", gone);
        }
        String components = ZnodePaths.components(settings.node());
        if (client.checkExists().forPath(components) == null) {
            return;
        }
        for (String child : client.getChildren().forPath(components)) {
            String childPath = components + "/" + child;
            Stat childStat = client.checkExists().forPath(childPath);
            if (childStat != null && childStat.getEphemeralOwner() != session) {
                try {
                    client.delete().forPath(childPath);
                } catch (KeeperException.NoNodeException gone) {
                    LOG.trace("already gone: {}", childPath, gone);
                }
            }
        }
    }

    private byte[] record() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", settings.node());
        json.put("since", since.toString());
        json.put("address", settings.host());
        json.put("owner", settings.owner());
        return JsonOutput.text(json).getBytes(StandardCharsets.UTF_8);
    }
}
