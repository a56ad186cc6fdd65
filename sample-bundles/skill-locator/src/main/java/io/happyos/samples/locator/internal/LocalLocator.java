package io.happyos.samples.locator.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.cluster.ClusterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Picks among this container's own ACTIVE components, through the {@link DynamicRegistry}: what
 * {@code samples:locate} does without a cluster. A component's endpoints are its bundle's
 * {@value ClusterRegistry#ENDPOINT_HEADER} header, with {@code {host}} replaced by this host's name
 * as a cluster node would.
 */
final class LocalLocator implements Locator {

    /** The node column of a local pick. */
    static final String LOCAL_NODE = "local";

    private final Supplier<DynamicRegistry> registry;
    private final BundleContext context;
    private final Picker picker = new Picker();
    /** Looked up at the first pick: the host name may take a name-service round trip. */
    private volatile String host;

    /**
     * @param registry gives the registry, or {@code null} while there is none
     * @param context this bundle's context, to read the components' bundles
     */
    LocalLocator(Supplier<DynamicRegistry> registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public Optional<Located> pick(String nameOrType, Strategy strategy) {
        DynamicRegistry current = registry.get();
        if (current == null) {
            throw new IllegalStateException("the registry is not there yet: try again in a moment");
        }
        List<RegistryEntry> active = current.getComponentsByStatus(ComponentStatus.ACTIVE).stream()
                .sorted(Comparator.comparing(RegistryEntry::id))
                .toList();
        // a name first, as the cluster view does; else every component of that type
        List<RegistryEntry> named = active.stream()
                .filter(e -> e.component().name().equals(nameOrType))
                .toList();
        List<RegistryEntry> candidates = named.isEmpty()
                ? active.stream()
                        .filter(e -> e.component().type().equals(nameOrType))
                        .toList()
                : named;
        return picker.pick(nameOrType, candidates, strategy, RegistryEntry::id, RegistryEntry::accessCount)
                .map(e -> new Located(LOCAL_NODE, e.id(), endpoints(e)));
    }

    @Override
    public String scope() {
        return "this container";
    }

    private List<String> endpoints(RegistryEntry entry) {
        Bundle bundle = entry.hasBundle() ? context.getBundle(entry.bundleId()) : null;
        String header = bundle == null ? null : bundle.getHeaders("").get(ClusterRegistry.ENDPOINT_HEADER);
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String endpoint : header.split(",")) {
                if (!endpoint.isBlank()) {
                    out.add(endpoint.strip().replace("{host}", host()));
                }
            }
        }
        return out;
    }

    private String host() {
        String known = host;
        if (known == null) {
            try {
                known = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                known = "localhost";
            }
            host = known;
        }
        return known;
    }
}
