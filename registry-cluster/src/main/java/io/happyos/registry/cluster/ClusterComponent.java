package io.happyos.registry.cluster;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import java.util.List;
import java.util.Objects;

/**
 * A component as a node of the cluster publishes it: its registry entry on that node (the fields of
 * {@code registry:list --json}), the endpoints it offers and whether it is a singleton.
 *
 * @param node the node that runs it
 * @param entry its entry on that node
 * @param endpoints the endpoints it publishes (its {@value ClusterRegistry#ENDPOINT_HEADER} header,
 *     with {@code {host}} replaced by its node's host), empty when none
 * @param singleton whether it declares {@value ClusterRegistry#SINGLETON_HEADER}{@code : true}
 */
public record ClusterComponent(String node, RegistryEntry entry, List<String> endpoints, boolean singleton) {

    /**
     * Checks and copies the fields.
     *
     * @param node the node
     * @param entry its entry
     * @param endpoints its endpoints; {@code null} for none
     * @param singleton whether it is a singleton
     * @throws NullPointerException when {@code node} or {@code entry} is null
     */
    public ClusterComponent {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(entry, "entry");
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** @return the component's id on its node */
    public String id() {
        return entry.id();
    }

    /** @return the component's name */
    public String name() {
        return entry.component().name();
    }

    /** @return the component's type */
    public String type() {
        return entry.component().type();
    }

    /** @return its status on its node */
    public ComponentStatus status() {
        return entry.status();
    }
}
