package io.happyos.registry.cluster.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.text.JsonOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this node's components as ephemeral records, one per component, and keeps them equal
 * to the registry: a status change is written at once ({@link #publish}), everything else (access
 * counts, new and removed components) by the periodic {@link #sync}, which writes only what
 * changed; after a new session {@link #publishAll} writes every record again.
 *
 * <p>Not thread-safe: the cluster's event thread owns it.
 */
final class ComponentPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentPublisher.class);

    private final CuratorFramework client;
    private final ClusterSettings settings;
    private final DynamicRegistry registry;
    private final BundleContext context;
    /** What was last written, by component id. */
    private final Map<String, String> published = new HashMap<>();

    ComponentPublisher(
            CuratorFramework client, ClusterSettings settings, DynamicRegistry registry, BundleContext context) {
        this.client = client;
        this.settings = settings;
        this.registry = registry;
        this.context = context;
    }

    /** Writes every record again (a new session has none) and removes what this node no longer has. */
    void publishAll() throws Exception {
        published.clear();
        sync();
    }

    /** Writes the records that changed since they were last written, and removes the ones gone. */
    void sync() throws Exception {
        Set<String> seen = new HashSet<>();
        for (RegistryEntry entry : registry.listComponents()) {
            seen.add(entry.id());
            write(entry);
        }
        for (String id : new ArrayList<>(published.keySet())) {
            if (!seen.contains(id)) {
                remove(id);
            }
        }
    }

    /**
     * Writes one component's record now, or removes it when the component is gone.
     *
     * @param id the component
     */
    void publish(String id) throws Exception {
        RegistryEntry entry = registry.findComponent(id).orElse(null);
        if (entry == null) {
            remove(id);
        } else {
            write(entry);
        }
    }

    /** @return how many components are published */
    int count() {
        return published.size();
    }

    private void write(RegistryEntry entry) throws Exception {
        String json = record(entry);
        if (json.equals(published.get(entry.id()))) {
            return;
        }
        String path = ZnodePaths.component(settings.node(), entry.id());
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        try {
            client.setData().forPath(path, data);
        } catch (KeeperException.NoNodeException absent) {
            try {
                client.create()
                        .creatingParentContainersIfNeeded()
                        .withMode(CreateMode.EPHEMERAL)
                        .forPath(path, data);
            } catch (KeeperException.NodeExistsException raced) {
                client.setData().forPath(path, data);
            }
        }
        published.put(entry.id(), json);
    }

    private void remove(String id) throws Exception {
        try {
            client.delete().forPath(ZnodePaths.component(settings.node(), id));
        } catch (KeeperException.NoNodeException gone) {
            LOG.trace("record of {} already gone", id, gone);
        }
        published.remove(id);
    }

    private String record(RegistryEntry entry) {
        Bundle bundle = entry.hasBundle() ? context.getBundle(entry.bundleId()) : null;
        return JsonOutput.text(ClusterView.toMap(
                new ClusterComponent(settings.node(), entry, endpoints(bundle), isSingleton(bundle))));
    }

    private List<String> endpoints(Bundle bundle) {
        String header = bundle == null ? null : bundle.getHeaders("").get(ClusterRegistry.ENDPOINT_HEADER);
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String endpoint : header.split(",")) {
                if (!endpoint.isBlank()) {
                    out.add(endpoint.strip().replace("{host}", settings.host()));
                }
            }
        }
        return out;
    }

    static boolean isSingleton(Bundle bundle) {
        return bundle != null
                && "true"
                        .equalsIgnoreCase(String.valueOf(bundle.getHeaders("").get(ClusterRegistry.SINGLETON_HEADER))
                                .strip());
    }
}
