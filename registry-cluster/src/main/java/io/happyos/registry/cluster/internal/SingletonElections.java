package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.cluster.ClusterComponent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Curator {@link LeaderLatch} per singleton component this node has: the leader activates it,
 * every other node keeps it INACTIVE (the registry's PRE_ACTIVATION hook asks {@link #leads}).
 * Leadership is dropped on SUSPENDED as well as LOST (Curator's standard error policy), and the
 * component is deactivated then, before another node can be elected. Each new leader raises the
 * singleton's epoch in ZooKeeper (a compare-and-set), which is its fencing token.
 */
final class SingletonElections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingletonElections.class);

    /** What this node does when it gains or loses a singleton. */
    interface Actions {
        void activate(String id);

        void deactivate(String id);
    }

    private final class Election implements LeaderLatchListener {
        final String name;
        volatile String id;
        final LeaderLatch latch;
        volatile Long token;

        Election(String name, String id) {
            this.name = name;
            this.id = id;
            this.latch = new LeaderLatch(client, ZnodePaths.latch(name), self);
        }

        @Override
        public void isLeader() {
            worker.execute(() -> {
                try {
                    token = raiseEpoch(name);
                    LOG.info("cluster: this node leads singleton {} (fencing token {})", name, token);
                    if (latch.hasLeadership()) {
                        actions.activate(id);
                    }
                } catch (Exception e) {
                    LOG.warn("cluster: cannot take up singleton {}: {}", name, e.getMessage());
                    token = null;
                }
            });
        }

        @Override
        public void notLeader() {
            token = null; // at once: the hook refuses from now on
            LOG.info("cluster: this node no longer leads singleton {}; deactivating it here", name);
            worker.execute(() -> actions.deactivate(id));
        }
    }

    private final CuratorFramework client;
    private final String self;
    private final ExecutorService worker;
    private final Actions actions;
    private final Map<String, Election> elections = new ConcurrentHashMap<>();

    SingletonElections(CuratorFramework client, String self, ExecutorService worker, Actions actions) {
        this.client = client;
        this.self = self;
        this.worker = worker;
        this.actions = actions;
    }

    /**
     * Takes part in the election of a singleton (once).
     *
     * @param name the component's name (the same on every node)
     * @param id its id here
     */
    void join(String name, String id) {
        elections.computeIfAbsent(name, n -> {
                    Election election = new Election(n, id);
                    election.latch.addListener(election);
                    try {
                        election.latch.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot join the election of singleton " + n, e);
                    }
                    return election;
                })
                .id = id;
    }

    /** Leaves the elections of singletons this node no longer has. */
    void retain(Set<String> names) {
        for (String name : Set.copyOf(elections.keySet())) {
            if (!names.contains(name)) {
                Election election = elections.remove(name);
                if (election != null) {
                    closeQuietly(election);
                }
            }
        }
    }

    /** @return whether this node leads the singleton and has its token (may activate it) */
    boolean leads(String name) {
        Election election = elections.get(name);
        return election != null && election.token != null && election.latch.hasLeadership();
    }

    Optional<Long> token(String name) {
        Election election = elections.get(name);
        return election == null ? Optional.empty() : Optional.ofNullable(election.token);
    }

    /**
     * Why this node does not run a singleton now, for its held status.
     *
     * @param name the singleton
     * @param active the components of the cluster view that are ACTIVE
     * @return the reason
     */
    String holdReason(String name, Iterable<ClusterComponent> active) {
        for (ClusterComponent c : active) {
            if (c.singleton()
                    && c.name().equals(name)
                    && c.status() == ComponentStatus.ACTIVE
                    && !c.node().equals(self)) {
                return "singleton running on node " + c.node();
            }
        }
        Election election = elections.get(name);
        if (election != null) {
            try {
                Participant leader = election.latch.getLeader();
                if (leader.isLeader() && !leader.getId().equals(self)) {
                    return "singleton led by node " + leader.getId() + " (activating there)";
                }
            } catch (Exception e) {
                LOG.debug("cannot read the leader of {}", name, e);
            }
        }
        return "singleton: this node waits for the cluster's election of " + name;
    }

    private long raiseEpoch(String name) throws Exception {
        String path = ZnodePaths.epoch(name);
        while (true) {
            Stat stat = new Stat();
            byte[] data;
            try {
                data = client.getData().storingStatIn(stat).forPath(path);
            } catch (KeeperException.NoNodeException absent) {
                try {
                    client.create().creatingParentsIfNeeded().forPath(path, "1".getBytes(StandardCharsets.UTF_8));
                    return 1;
                } catch (KeeperException.NodeExistsException raced) {
                    continue;
                }
            }
            long next = Long.parseLong(new String(data, StandardCharsets.UTF_8).strip()) + 1;
            try {
                client.setData()
                        .withVersion(stat.getVersion())
                        .forPath(path, Long.toString(next).getBytes(StandardCharsets.UTF_8));
                return next;
            } catch (KeeperException.BadVersionException raced) {
                // another leader's raise came between: read again
            }
        }
    }

    /**
     * Leaves every election. A singleton this node runs is deactivated here first, and only then is
     * its latch closed: another node cannot be elected while it still runs here.
     */
    @Override
    public void close() {
        for (Election election : elections.values()) {
            if (election.token != null || election.latch.hasLeadership()) {
                election.token = null;
                try {
                    actions.deactivate(election.id);
                } catch (RuntimeException e) {
                    LOG.warn(
                            "cluster: cannot deactivate singleton {} before leaving its election: {}",
                            election.name,
                            e.getMessage());
                }
            }
            closeQuietly(election);
        }
        elections.clear();
    }

    private static void closeQuietly(Election election) {
        election.token = null;
        try {
            election.latch.close();
        } catch (Exception e) {
            LOG.debug("closing the latch of {}", election.name, e);
        }
    }
}
