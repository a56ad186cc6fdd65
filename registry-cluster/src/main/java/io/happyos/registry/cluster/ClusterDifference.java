package io.happyos.registry.cluster;

import java.util.Objects;

/**
 * One way in which two nodes differ, found by {@link ClusterRegistry#diff}.
 *
 * @param kind what differs
 * @param name the component's name (the key by which the nodes are compared)
 * @param left what the first node has (its id, version or status), or {@code null} when it lacks the component
 * @param right what the second node has, or {@code null} when it lacks the component
 * @param why for a component that is not ACTIVE on one node while it is on the other, the
 *     explanation that node gives ({@code registry:why}), fetched from it; else {@code null}
 */
public record ClusterDifference(Kind kind, String name, String left, String right, String why) {

    /** What differs. */
    public enum Kind {
        /** The first node has the component, the second does not. */
        ONLY_LEFT,
        /** The second node has the component, the first does not. */
        ONLY_RIGHT,
        /** Both have it, in different versions. */
        VERSION,
        /** Both have it, with different statuses. */
        STATUS
    }

    /**
     * Checks the fields.
     *
     * @param kind what differs
     * @param name the component's name
     * @param left the first node's side, or {@code null}
     * @param right the second node's side, or {@code null}
     * @param why an explanation, or {@code null}
     * @throws NullPointerException when {@code kind} or {@code name} is null
     */
    public ClusterDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
