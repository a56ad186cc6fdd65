package io.happyos.registry.cluster.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The cluster's layout in ZooKeeper, under the namespace (chroot):
 *
 * <pre>
 * /nodes/NODE                 ephemeral: the node (since, address, owner, component count)
 * /components/NODE/ID         ephemeral: one component as its node publishes it (ID URL-encoded)
 * /requests/NODE/r-SEQUENCE   a request to NODE; NODE writes its answer into it, the asker deletes it
 * /singletons/NAME/latch      the leader latch of a singleton component
 * /singletons/NAME/epoch      the singleton's fencing token, raised by each new leader
 * /quotas/SCOPE               a quota scope counted across the cluster (SCOPE URL-encoded, so ':' and '/'
 *                             are escaped); every unit taken raises its data version
 * /quotas/SCOPE/NODE~ID       ephemeral: one unit of SCOPE held by component ID of NODE (ID URL-encoded)
 * </pre>
 */
final class ZnodePaths {

    static final String NODES = "/nodes";
    static final String COMPONENTS = "/components";
    static final String REQUESTS = "/requests";
    static final String SINGLETONS = "/singletons";
    static final String QUOTAS = "/quotas";

    private ZnodePaths() {}

    static String node(String node) {
        return NODES + "/" + node;
    }

    static String components(String node) {
        return COMPONENTS + "/" + node;
    }

    static String component(String node, String id) {
        return components(node) + "/" + encode(id);
    }

    static String requests(String node) {
        return REQUESTS + "/" + node;
    }

    static String latch(String singleton) {
        return SINGLETONS + "/" + encode(singleton) + "/latch";
    }

    static String epoch(String singleton) {
        return SINGLETONS + "/" + encode(singleton) + "/epoch";
    }

    static String quota(String scope) {
        return QUOTAS + "/" + encode(scope);
    }

    /** One unit of a quota scope held by a component of a node ('~' is in no node name and encoded in ids). */
    static String quotaUnit(String scope, String node, String id) {
        return quota(scope) + "/" + node + "~" + encode(id);
    }

    /** A component id or name as one znode name: no slash, never "." or "..". */
    static String encode(String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    static String decode(String name) {
        return URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    /**
     * The parts of a path below the namespace: {@code /components/alpha/x} gives
     * {@code ["components", "alpha", "x"]}.
     */
    static String[] parts(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
