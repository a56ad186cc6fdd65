package io.happyos.registry.cluster;

import io.happyos.registry.ComponentStatus;
import java.util.Objects;

/**
 * What a node did when asked to act on one of its components.
 *
 * @param node the node that carried it out
 * @param id the component
 * @param operation {@code activate}, {@code deactivate} or {@code explain}
 * @param ok whether it succeeded
 * @param status the component's status afterwards on that node, or {@code null} when unknown
 * @param message what happened, in a sentence (the error when it failed; for {@code explain}, the
 *     explanation)
 */
public record RemoteResult(
        String node, String id, String operation, boolean ok, ComponentStatus status, String message) {

    /**
     * Checks the fields.
     *
     * @param node the node
     * @param id the component
     * @param operation the operation
     * @param ok whether it succeeded
     * @param status the status afterwards, or {@code null}
     * @param message what happened
     * @throws NullPointerException when {@code node}, {@code id}, {@code operation} or {@code message} is null
     */
    public RemoteResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(message, "message");
    }
}
