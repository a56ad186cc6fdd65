package io.happyos.registry;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of the dependency graph, or of part of it.
 *
 * @param nodes the components, ordered by id
 * @param edges the dependencies, each from the dependent to the dependency, ordered
 */
public record DependencyGraphView(List<Node> nodes, List<Edge> edges) {

    /**
     * Copies the lists.
     *
     * @param nodes the components
     * @param edges the dependencies
     */
    public DependencyGraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * One component.
     *
     * @param id its id
     * @param name its name
     * @param type its type
     * @param status its status
     */
    public record Node(String id, String name, String type, ComponentStatus status) {

        /**
         * Checks the fields.
         *
         * @param id its id
         * @param name its name
         * @param type its type
         * @param status its status
         * @throws NullPointerException when a field is null
         */
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One dependency.
     *
     * @param from the dependent
     * @param to the dependency
     * @param origin why it exists
     */
    public record Edge(String from, String to, DependencyOrigin origin) {

        /**
         * Checks the fields.
         *
         * @param from the dependent
         * @param to the dependency
         * @param origin why it exists
         * @throws NullPointerException when a field is null
         */
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
