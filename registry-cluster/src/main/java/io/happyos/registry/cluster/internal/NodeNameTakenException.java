package io.happyos.registry.cluster.internal;

import java.time.Duration;
import java.util.Map;

/** Another live container holds this node's name. */
final class NodeNameTakenException extends Exception {

    private static final long serialVersionUID = 1L;

    NodeNameTakenException(String node, Map<String, Object> holder, Duration sessionTimeout) {
        super("the node name '" + node + "' is taken by a live node of the cluster (on " + holder.get("address")
                + ", storage " + owner(holder) + ", since " + holder.get("since") + "): give this container "
                + "another name with --node NAME, or stop the other one (a node that crashed frees its name "
                + "within the session timeout, " + sessionTimeout.toSeconds() + " s)");
    }

    private static Object owner(Map<String, Object> holder) {
        Object owner = holder.get("owner");
        if (owner instanceof String text && text.indexOf(':') >= 0) {
            return text.substring(text.indexOf(':') + 1);
        }
        return owner;
    }
}
