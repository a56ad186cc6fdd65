package io.happyos.registry.cluster;

import io.happyos.registry.RegistryException;

/**
 * A cluster operation that cannot be carried out: an unknown node, a node that left or did not
 * answer in time, a view that lost its session. The message names the problem and what to do.
 */
public class ClusterException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the problem and the fix
     */
    public ClusterException(String message) {
        super(message);
    }

    /**
     * @param message the problem and the fix
     * @param cause what caused it
     */
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
