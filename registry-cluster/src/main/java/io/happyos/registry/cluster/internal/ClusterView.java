package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.ClusterListener;
import io.happyos.registry.cluster.ClusterNode;
import io.happyos.registry.text.EntryJson;
import io.happyos.registry.text.JsonInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node knows of the cluster: every live node and every published component, kept from
 * the events of a Curator cache over the whole namespace. Reads are lock-free snapshots of
 * concurrent maps; only the cache's event thread writes. Events under {@code /requests} are passed
 * on to the request channel.
 */
final class ClusterView implements CuratorCacheListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);

    /** A node as it publishes itself. */
    record NodeRecord(String node, Instant since, String address, String owner) {}

    private final String self;
    private final ConcurrentMap<String, NodeRecord> nodes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, ClusterComponent>> components = new ConcurrentHashMap<>();
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final RemoteRequests requests;
    private final java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);

    ClusterView(String self, RemoteRequests requests) {
        this.self = self;
        this.requests = requests;
    }

    @Override
    public void initialized() {
        loaded.countDown();
    }

    /**
     * Waits until the cache has read the tree once, so that a first query after start sees the
     * cluster as it is rather than an empty view.
     *
     * @param timeout how long at most
     * @return whether it has
     */
    boolean awaitLoaded(java.time.Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void event(Type type, ChildData oldData, ChildData data) {
        ChildData current = type == Type.NODE_DELETED ? oldData : data;
        if (current == null) {
            return;
        }
        String[] parts = ZnodePaths.parts(current.getPath());
        try {
            if (parts.length == 2 && ZnodePaths.NODES.equals("/" + parts[0])) {
                nodeEvent(parts[1], type == Type.NODE_DELETED ? null : current.getData());
            } else if (parts.length == 3 && ZnodePaths.COMPONENTS.equals("/" + parts[0])) {
                componentEvent(
                        parts[1], ZnodePaths.decode(parts[2]), type == Type.NODE_DELETED ? null : current.getData());
            } else if (parts.length == 3 && ZnodePaths.REQUESTS.equals("/" + parts[0])) {
                requests.requestEvent(
                        parts[1], current.getPath(), type == Type.NODE_DELETED ? null : current.getData());
            }
        } catch (RuntimeException e) {
            // one unreadable record (a foreign writer, an older version) must not stop the view
            LOG.warn("cluster: ignoring the unreadable record {}: {}", current.getPath(), e.getMessage());
        }
    }

    private void nodeEvent(String node, byte[] data) {
        if (data == null) {
            nodes.remove(node);
            requests.nodeLeft(node);
            return;
        }
        Map<String, Object> json = JsonInput.object(new String(data, StandardCharsets.UTF_8));
        nodes.put(
                node,
                new NodeRecord(node, Instant.parse((String) json.get("since")), (String) json.get("address"), (String)
                        json.get("owner")));
    }

    private void componentEvent(String node, String id, byte[] data) {
        ClusterComponent component = data == null ? null : parse(node, data);
        if (component == null) {
            ConcurrentMap<String, ClusterComponent> ofNode = components.get(node);
            if (ofNode != null) {
                ofNode.remove(id);
                if (ofNode.isEmpty()) {
                    components.remove(node, ofNode);
                }
            }
        } else {
            components.computeIfAbsent(node, n -> new ConcurrentHashMap<>()).put(id, component);
        }
        for (ClusterListener listener : listeners) {
            try {
                listener.componentChanged(node, id, component);
            } catch (RuntimeException e) {
                LOG.warn("cluster listener {} failed", listener, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static ClusterComponent parse(String node, byte[] data) {
        Map<String, Object> json = JsonInput.object(new String(data, StandardCharsets.UTF_8));
        List<String> endpoints = new ArrayList<>();
        if (json.get("endpoints") instanceof List<?> list) {
            list.forEach(e -> endpoints.add(String.valueOf(e)));
        }
        return new ClusterComponent(
                node, EntryJson.fromMap(json), endpoints, Boolean.TRUE.equals(json.get("singleton")));
    }

    /**
     * A component as its record's JSON: {@code registry:list --json}'s fields plus {@code node},
     * {@code endpoints} and {@code singleton}.
     */
    static Map<String, Object> toMap(ClusterComponent c) {
        Map<String, Object> json = EntryJson.toMap(c.entry());
        json.put("node", c.node());
        json.put("endpoints", c.endpoints());
        json.put("singleton", c.singleton());
        return json;
    }

    void addListener(ClusterListener listener) {
        listeners.add(listener);
    }

    void removeListener(ClusterListener listener) {
        listeners.remove(listener);
    }

    boolean hasNode(String node) {
        return nodes.containsKey(node);
    }

    Optional<NodeRecord> node(String node) {
        return Optional.ofNullable(nodes.get(node));
    }

    /**
     * @param staleSince when this node's view became stale, or {@code null}
     * @return every live node, sorted by name
     */
    List<ClusterNode> nodes(Instant staleSince) {
        List<ClusterNode> out = new ArrayList<>();
        for (NodeRecord record : nodes.values()) {
            boolean isSelf = record.node().equals(self);
            Map<String, ClusterComponent> ofNode = components.get(record.node());
            out.add(new ClusterNode(
                    record.node(),
                    isSelf,
                    record.since(),
                    ofNode == null ? 0 : ofNode.size(),
                    record.address(),
                    isSelf && staleSince != null,
                    isSelf ? staleSince : null));
        }
        out.sort(Comparator.comparing(ClusterNode::node));
        return out;
    }

    /**
     * @param node only this node's, or {@code null}
     * @param type only this type, or {@code null}
     * @param status only this status, or {@code null}
     * @return the components, sorted by node then id
     */
    List<ClusterComponent> components(String node, String type, ComponentStatus status) {
        List<ClusterComponent> out = new ArrayList<>();
        components.forEach((n, ofNode) -> {
            if (node == null || node.equals(n)) {
                for (ClusterComponent c : ofNode.values()) {
                    if ((type == null || type.equals(c.type())) && (status == null || status == c.status())) {
                        out.add(c);
                    }
                }
            }
        });
        out.sort(Comparator.comparing(ClusterComponent::node).thenComparing(ClusterComponent::id));
        return out;
    }

    /**
     * @param nameOrType a component name or a type
     * @return the ACTIVE components with that name, or else of that type, sorted by node then id
     */
    List<ClusterComponent> instances(String nameOrType) {
        List<ClusterComponent> active = components(null, null, ComponentStatus.ACTIVE);
        List<ClusterComponent> byName =
                active.stream().filter(c -> c.name().equals(nameOrType)).toList();
        return byName.isEmpty()
                ? active.stream().filter(c -> c.type().equals(nameOrType)).toList()
                : byName;
    }
}
