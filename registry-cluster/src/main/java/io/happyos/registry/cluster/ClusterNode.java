package io.happyos.registry.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One live node of the cluster, as this node's view has it.
 *
 * @param node the node's name ({@code --node})
 * @param self whether it is the node this view belongs to
 * @param since when the node joined (its current session)
 * @param components how many components it publishes
 * @param address the host it runs on (host name and address)
 * @param stale whether this view is stale: for this node, its session to ZooKeeper is lost or
 *     suspended, so what it shows may be out of date
 * @param staleSince when the view became stale, or {@code null} when it is not
 */
public record ClusterNode(
        String node, boolean self, Instant since, int components, String address, boolean stale, Instant staleSince) {

    /**
     * Checks the fields.
     *
     * @param node the node's name
     * @param self whether it is this node
     * @param since when it joined
     * @param components how many components it publishes
     * @param address its host
     * @param stale whether this view is stale
     * @param staleSince since when, or {@code null}
     * @throws NullPointerException when {@code node} or {@code since} is null
     */
    public ClusterNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(since, "since");
    }
}
