package io.happyos.registry.bench.cluster;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.EntryJson;
import io.happyos.registry.text.JsonOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;

/**
 * A node without a registry: one Curator client (a session of its own) that publishes its name and
 * a few components in the registry's layout and format ({@code /nodes/NODE}, and
 * {@code /components/NODE/ID} as the JSON of {@code registry:list --json} plus {@code node},
 * {@code endpoints} and {@code singleton}, all ephemeral), and changes them on demand. A change
 * writes the next component's record (round robin), its status flipped and its access count set to
 * the change's sequence number, which tells the observer which write it sees.
 *
 * <p>{@link #changeNext} is called by one thread at a time.
 */
final class SimulatedNode implements AutoCloseable {

    private final CuratorFramework client;
    private final String name;
    private final int components;
    private final ChurnLog log;
    private final Instant registeredAt = Instant.now();
    private long sequence;

    private SimulatedNode(CuratorFramework client, String name, int components, ChurnLog log) {
        this.client = client;
        this.name = name;
        this.components = components;
        this.log = log;
    }

    /**
     * Connects and publishes the node and its components.
     *
     * @param connect the server
     * @param name the node's name
     * @param components how many components it publishes
     * @param log where its writes are noted
     * @return the node
     * @throws Exception when it cannot connect or publish
     */
    static SimulatedNode start(String connect, String name, int components, ChurnLog log) throws Exception {
        CuratorFramework client = CuratorClients.start(connect, CuratorClients.REGISTRY_NAMESPACE);
        SimulatedNode node = new SimulatedNode(client, name, components, log);
        try {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("node", name);
            record.put("since", node.registeredAt.toString());
            record.put("address", "127.0.0.1");
            record.put("owner", "registry-bench:" + name);
            client.create()
                    .creatingParentsIfNeeded()
                    .withMode(CreateMode.EPHEMERAL)
                    .forPath("/nodes/" + name, JsonOutput.text(record).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < components; i++) {
                client.create()
                        .creatingParentContainersIfNeeded()
                        .withMode(CreateMode.EPHEMERAL)
                        .forPath(node.path(i), node.record(i, ComponentStatus.REGISTERED, 0));
            }
            return node;
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    /**
     * Writes the next component's record, flipping its status.
     *
     * @throws Exception from ZooKeeper
     */
    void changeNext() throws Exception {
        sequence++;
        int component = (int) (sequence % components);
        ComponentStatus status = (sequence / components) % 2 == 0 ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE;
        byte[] data = record(component, status, sequence);
        log.written(name, sequence, System.nanoTime());
        client.setData().forPath(path(component), data);
    }

    /** @return the size of one of its records, in bytes */
    int recordBytes() {
        return record(0, ComponentStatus.INACTIVE, 1).length;
    }

    private String id(int component) {
        return "sim.component" + component;
    }

    private String path(int component) {
        return CuratorClients.componentPath(name, id(component));
    }

    private byte[] record(int component, ComponentStatus status, long accessCount) {
        String id = id(component);
        ComponentInfo info = new ComponentInfo(
                id,
                "skill",
                "/var/lib/happyos/bundles/" + id + "-1.0.0.jar",
                id,
                registeredAt,
                "1.0.0",
                Map.of("Bundle-Vendor", "HappyOS", "Bundle-Name", "Simulated component " + component),
                null);
        RegistryEntry entry = new RegistryEntry(
                id,
                info,
                status,
                registeredAt,
                accessCount == 0 ? null : Instant.now(),
                accessCount,
                Set.of(),
                Set.of(),
                List.of(),
                20 + component);
        Map<String, Object> json = EntryJson.toMap(entry);
        json.put("node", name);
        json.put("endpoints", List.of("http://127.0.0.1:8080/" + id));
        json.put("singleton", false);
        return JsonOutput.text(json).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
