package io.happyos.registry.launcher;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;

/**
 * What another member of the cluster would see, without the registry: a plain Curator client in the
 * test's JVM (namespace {@code happyos}) caching {@code /nodes} and {@code /components}. On every
 * change it checks that a node's component records all belong to one session: records of a dead
 * incarnation never sit beside those of the one that replaced it.
 */
final class ClusterObserver implements AutoCloseable {

    private static final String NODES = "/nodes";
    private static final String COMPONENTS = "/components";

    private final CuratorFramework client;
    private final CuratorCache nodes;
    private final CuratorCache components;
    private final List<String> mixedSessions = new CopyOnWriteArrayList<>();

    ClusterObserver(String connect) throws InterruptedException {
        client = CuratorFrameworkFactory.builder()
                .connectString(connect)
                .namespace("happyos")
                .retryPolicy(new RetryOneTime(200))
                .build();
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("the observer cannot reach ZooKeeper at " + connect);
        }
        nodes = CuratorCache.build(client, NODES);
        components = CuratorCache.build(client, COMPONENTS);
        components
                .listenable()
                .addListener(CuratorCacheListener.builder()
                        .forAll((type, before, after) -> checkOneSessionPerNode())
                        .build());
        nodes.start();
        components.start();
    }

    /**
     * @param node a node's name
     * @return the session that holds {@code /nodes/NODE}, if the node is there
     */
    Optional<Long> session(String node) {
        return nodes.get(NODES + "/" + node).map(data -> data.getStat().getEphemeralOwner());
    }

    /**
     * @param node a node's name
     * @return the ids of the components the node publishes, with the session holding each record
     */
    Map<String, Long> components(String node) {
        String prefix = COMPONENTS + "/" + node + "/";
        Map<String, Long> out = new TreeMap<>();
        components.stream()
                .filter(data -> data.getPath().startsWith(prefix))
                .forEach(data -> out.put(
                        URLDecoder.decode(data.getPath().substring(prefix.length()), StandardCharsets.UTF_8),
                        data.getStat().getEphemeralOwner()));
        return out;
    }

    /**
     * @param node a node's name
     * @param id a component id
     * @return the record's JSON, if the node publishes the component
     */
    Optional<String> record(String node, String id) {
        return components
                .get(COMPONENTS + "/" + node + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .map(ChildData::getData)
                .map(data -> new String(data, StandardCharsets.UTF_8));
    }

    /** @return whether the node and all its records are gone */
    boolean gone(String node) {
        return session(node).isEmpty() && components(node).isEmpty();
    }

    /** @return every moment a node's records belonged to more than one session, described */
    List<String> mixedSessions() {
        return List.copyOf(mixedSessions);
    }

    private void checkOneSessionPerNode() {
        Map<String, Set<Long>> sessions = components.stream()
                .map(ZnodePath::of)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(
                        ZnodePath::node, Collectors.mapping(ZnodePath::session, Collectors.toSet())));
        sessions.forEach((node, owners) -> {
            if (owners.size() > 1) {
                mixedSessions.add("/components/" + node + " held records of sessions "
                        + owners.stream().map(Long::toHexString).toList());
            }
        });
    }

    /** A component record: {@code /components/NODE/ID}, and the session that holds it. */
    private record ZnodePath(String node, long session) {
        static ZnodePath of(ChildData data) {
            String[] parts = data.getPath().split("/");
            return parts.length == 4 ? new ZnodePath(parts[2], data.getStat().getEphemeralOwner()) : null;
        }
    }

    @Override
    public void close() {
        components.close();
        nodes.close();
        client.close();
    }
}
