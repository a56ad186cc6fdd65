package io.happyos.registry.cluster;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change this node's view sees in another node's (or its own) published components.
 * Called on the view's event thread, in the order ZooKeeper delivers the changes; keep it short.
 */
@ConsumerType
@FunctionalInterface
public interface ClusterListener {

    /**
     * A published component appeared, changed or left the view.
     *
     * @param node the node that publishes it
     * @param id its id on that node
     * @param component what the view now holds, or {@code null} when it left
     */
    void componentChanged(String node, String id, ClusterComponent component);
}
