package io.happyos.registry.cluster.internal;

import io.happyos.registry.spi.ClusterQuotaLedger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of {@code cluster:} quota scopes counted in ZooKeeper ({@link ZnodePaths#quota}): a unit is
 * an ephemeral znode of this node's session under the scope's znode, so that the units of a node
 * that dies or is cut off for longer than the session timeout go with its session.
 *
 * <p>Taking a unit is one ZooKeeper transaction: the scope's data version, read before its units
 * were counted, is raised, and the unit created. A node that took a unit in between raised that
 * version, so the transaction fails and the count is read again: the units never exceed the limit,
 * with no lock to leave behind.
 *
 * <p>This node remembers the units it took, with their limits: after its session ended (the units
 * went with it), {@link #retake} takes them again within the limits, and says which it cannot.
 *
 * <p>Thread-safe: the registry calls it from its own threads, the cluster's event thread retakes.
 * Calls fail at once while this node is not connected, rather than waiting for ZooKeeper.
 */
final class QuotaLedger implements ClusterQuotaLedger {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaLedger.class);
    /** Transactions tried before giving up on a scope that other nodes keep changing. */
    private static final int ATTEMPTS = 50;

    private final ClusterConnection connection;
    private final CuratorFramework client;
    private final String node;
    /** The units this node holds (or held in an earlier session): limit by component id, by scope. */
    private final Map<String, Map<String, Long>> taken = new ConcurrentHashMap<>();
    /** Units given back while ZooKeeper could not be reached, deleted when it can. */
    private final Map<String, String> givenBack = new ConcurrentHashMap<>();

    QuotaLedger(ClusterConnection connection) {
        this.connection = connection;
        this.client = connection.client();
        this.node = connection.settings().node();
    }

    @Override
    public long tryAcquire(String scope, String componentId, long limit) throws Exception {
        check(scope, componentId);
        if (limit < 0) {
            throw new IllegalArgumentException("the limit of " + scope + " must be 0 or more, not " + limit);
        }
        requireConnected(scope);
        String unit = ZnodePaths.quotaUnit(scope, node, componentId);
        givenBack.remove(unit);
        long held = take(scope, unit, limit);
        if (held < 0) {
            taken.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()).put(componentId, limit);
        }
        return held;
    }

    @Override
    public void release(String scope, String componentId) throws Exception {
        check(scope, componentId);
        Map<String, Long> ofScope = taken.get(scope);
        if (ofScope != null) {
            ofScope.remove(componentId);
        }
        String unit = ZnodePaths.quotaUnit(scope, node, componentId);
        if (!connection.isConnected()) {
            // the unit goes with the session if it ends; else it is deleted once ZooKeeper answers
            givenBack.put(unit, scope);
            return;
        }
        delete(unit);
    }

    @Override
    public long held(String scope) throws Exception {
        Objects.requireNonNull(scope, "scope");
        requireConnected(scope);
        String path = ZnodePaths.quota(scope);
        sync(path);
        try {
            return client.getChildren().forPath(path).size();
        } catch (KeeperException.NoNodeException none) {
            return 0;
        }
    }

    /**
     * Takes again the units this node took, as far as the limits allow (after a new session, whose
     * predecessor's units went with it; units still held are kept), after deleting the units given
     * back while ZooKeeper could not be reached. A unit that cannot be taken again is forgotten, and
     * said.
     *
     * @throws Exception when ZooKeeper cannot be reached; the next call tries again
     */
    void retake() throws Exception {
        deleteGivenBack();
        for (Map.Entry<String, Map<String, Long>> scope : taken.entrySet()) {
            for (Map.Entry<String, Long> unit : List.copyOf(scope.getValue().entrySet())) {
                String path = ZnodePaths.quotaUnit(scope.getKey(), node, unit.getKey());
                long held = take(scope.getKey(), path, unit.getValue());
                if (held >= 0) {
                    scope.getValue().remove(unit.getKey(), unit.getValue());
                    LOG.error(
                            "cluster: {} on node {} runs without its unit of the cluster quota {} (limit {}): its "
                                    + "unit went with this node's ZooKeeper session, and the other nodes now hold {}; "
                                    + "deactivate it here, or raise the quota",
                            unit.getKey(),
                            node,
                            scope.getKey(),
                            unit.getValue(),
                            held);
                }
            }
        }
    }

    /**
     * Deletes the units given back while ZooKeeper could not be reached (a short break keeps the
     * session, and with it the units).
     *
     * @throws Exception when ZooKeeper cannot be reached; the next call tries again
     */
    void deleteGivenBack() throws Exception {
        for (Map.Entry<String, String> back : List.copyOf(givenBack.entrySet())) {
            delete(back.getKey());
            givenBack.remove(back.getKey(), back.getValue());
        }
    }

    /** @return -1 when the unit is this session's now, else the units held, which leave none */
    private long take(String scope, String unit, long limit) throws Exception {
        String path = ZnodePaths.quota(scope);
        String name = unit.substring(path.length() + 1);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                sync(path); // a failed transaction may mean that this server lags behind
            }
            Stat scopeStat = client.checkExists().forPath(path);
            if (scopeStat == null) {
                createScope(path, scope);
                continue;
            }
            List<String> units = client.getChildren().forPath(path);
            long others = units.size();
            if (units.contains(name)) {
                Stat unitStat = client.checkExists().forPath(unit);
                if (unitStat != null && unitStat.getEphemeralOwner() == session()) {
                    return -1;
                }
                if (unitStat != null) {
                    // an earlier run of this node (the name is ours): its session is ending
                    delete(unit);
                    continue;
                }
                others--;
            }
            if (others >= limit) {
                return others;
            }
            try {
                client.transaction()
                        .forOperations(
                                client.transactionOp()
                                        .setData()
                                        .withVersion(scopeStat.getVersion())
                                        .forPath(path, scope.getBytes(StandardCharsets.UTF_8)),
                                client.transactionOp()
                                        .create()
                                        .withMode(CreateMode.EPHEMERAL)
                                        .forPath(unit, node.getBytes(StandardCharsets.UTF_8)));
                return -1;
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException raced) {
                LOG.debug("cluster: quota {} changed meanwhile; counting again", scope);
            } catch (KeeperException.NoNodeException scopeGone) {
                LOG.debug("cluster: quota {} was removed meanwhile; creating it again", scope);
            }
        }
        throw new IllegalStateException("cannot take a unit of the cluster quota " + scope + ": the other nodes kept "
                + "changing it through " + ATTEMPTS + " attempts; try again");
    }

    private void createScope(String path, String scope) throws Exception {
        try {
            client.create()
                    .creatingParentsIfNeeded()
                    .withMode(CreateMode.PERSISTENT)
                    .forPath(path, scope.getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException another) {
            LOG.trace("another node created {} first", path, another);
        }
    }

    private void delete(String unit) throws Exception {
        try {
            client.delete().forPath(unit);
        } catch (KeeperException.NoNodeException gone) {
            LOG.trace("unit {} already gone", unit, gone);
        }
    }

    private long session() throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }

    /** Brings the server this node reads from up to date with the leader, for a read that must be. */
    private void sync(String path) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        client.sync().inBackground((c, event) -> done.countDown()).forPath(path);
        if (!done.await(connection.settings().sessionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("ZooKeeper did not answer a sync of " + path + " within the session "
                    + "timeout; this node's connection is failing (cluster:nodes tells)");
        }
    }

    private void requireConnected(String scope) {
        if (!connection.isConnected()) {
            Instant since = connection.staleSince();
            throw new IllegalStateException("cannot count the cluster quota " + scope + ": this node is not "
                    + "connected to ZooKeeper" + (since == null ? "" : " (since " + since + ")")
                    + "; it counts again once cluster:nodes no longer says STALE");
        }
    }

    private static void check(String scope, String componentId) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(componentId, "componentId");
        if (scope.isBlank() || componentId.isBlank()) {
            throw new IllegalArgumentException("a cluster quota needs a scope and a component id, not blank ones");
        }
    }
}
