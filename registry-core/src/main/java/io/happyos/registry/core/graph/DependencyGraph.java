package io.happyos.registry.core.graph;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency graph between component ids: edges point from a dependent to its dependency.
 *
 * <p>Each edge remembers why it exists: the requirements a manifest declares (replaced as a whole
 * whenever the bundle's requirements are derived again) and an explicit flag (set and cleared only
 * through {@link #addExplicit} and {@link #removeExplicit}). Not thread-safe: the registry guards it
 * with a read-write lock.
 */
public final class DependencyGraph {

    private final Map<String, Node> nodes = new HashMap<>();

    /**
     * Adds a node; does nothing if it exists.
     *
     * @param id the component id
     */
    public void addNode(String id) {
        nodes.computeIfAbsent(id, Node::new);
    }

    /**
     * Whether the node exists.
     *
     * @param id the component id
     * @return {@code true} if it does
     */
    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /** @return the number of nodes */
    public int size() {
        return nodes.size();
    }

    /** @return every node id, unmodifiable view */
    public Set<String> nodeIds() {
        return Collections.unmodifiableSet(nodes.keySet());
    }

    /**
     * Removes a node and every edge that touches it.
     *
     * @param id the component id
     */
    public void removeNode(String id) {
        Node node = nodes.remove(id);
        if (node == null) {
            return;
        }
        for (String dependency : node.out.keySet()) {
            Node other = nodes.get(dependency);
            if (other != null) {
                other.in.remove(id);
            }
        }
        for (String dependent : node.in) {
            Node other = nodes.get(dependent);
            if (other != null) {
                other.out.remove(id);
            }
        }
    }

    /**
     * Replaces the declared edges of a node. Edges to unknown nodes and to itself are ignored.
     * Explicit edges are kept.
     *
     * @param id the dependent
     * @param declared for each dependency, the requirements that make it one
     */
    public void setDeclared(String id, Map<String, List<String>> declared) {
        Node node = nodes.get(id);
        if (node == null) {
            return;
        }
        for (var it = node.out.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Edge edge = e.getValue();
            edge.requirements = List.of();
            if (!edge.explicit && !declared.containsKey(e.getKey())) {
                it.remove();
                nodes.get(e.getKey()).in.remove(id);
            }
        }
        declared.forEach((dependency, requirements) -> {
            Node target = nodes.get(dependency);
            if (target == null || dependency.equals(id)) {
                return;
            }
            Edge edge = node.out.computeIfAbsent(dependency, d -> new Edge());
            edge.requirements = List.copyOf(requirements);
            target.in.add(id);
        });
    }

    /**
     * Adds an explicit edge unless it would close a cycle.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return empty when added (or already there), else the cycle it would close, as a path
     *     {@code dependent, dependency, ..., dependent}
     * @throws IllegalArgumentException when a node is unknown
     */
    public Optional<List<String>> addExplicit(String dependent, String dependency) {
        Node from = require(dependent);
        Node to = require(dependency);
        Edge existing = from.out.get(dependency);
        if (existing != null && existing.explicit) {
            return Optional.empty();
        }
        if (existing == null) {
            Optional<List<String>> back = findPath(dependency, dependent);
            if (back.isPresent()) {
                List<String> cycle = new ArrayList<>();
                cycle.add(dependent);
                cycle.addAll(back.get());
                return Optional.of(List.copyOf(cycle));
            }
            existing = new Edge();
            from.out.put(dependency, existing);
            to.in.add(dependent);
        }
        existing.explicit = true;
        return Optional.empty();
    }

    /**
     * Removes an explicit edge; a declared edge between the same nodes stays.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return {@code true} if there was an explicit edge
     */
    public boolean removeExplicit(String dependent, String dependency) {
        Node from = nodes.get(dependent);
        if (from == null) {
            return false;
        }
        Edge edge = from.out.get(dependency);
        if (edge == null || !edge.explicit) {
            return false;
        }
        edge.explicit = false;
        if (edge.requirements.isEmpty()) {
            from.out.remove(dependency);
            nodes.get(dependency).in.remove(dependent);
        }
        return true;
    }

    /**
     * The direct dependencies of a node.
     *
     * @param id the node
     * @return ids, a copy
     */
    public Set<String> dependencies(String id) {
        return Set.copyOf(require(id).out.keySet());
    }

    /**
     * The direct dependents of a node.
     *
     * @param id the node
     * @return ids, a copy
     */
    public Set<String> dependents(String id) {
        return Set.copyOf(require(id).in);
    }

    /**
     * The direct dependencies of a node with their origins, ordered by id then origin.
     *
     * @param id the node
     * @return one element per reason
     */
    public List<Dependency> dependencyDetails(String id) {
        List<Dependency> result = new ArrayList<>();
        new TreeMap<>(require(id).out).forEach((dependency, edge) -> {
            for (String requirement : edge.requirements) {
                result.add(new Dependency(dependency, DependencyOrigin.DECLARED, requirement));
            }
            if (edge.explicit) {
                result.add(new Dependency(dependency, DependencyOrigin.EXPLICIT, null));
            }
        });
        return List.copyOf(result);
    }

    /**
     * Whether an explicit edge exists.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return {@code true} if it does
     */
    public boolean hasExplicit(String dependent, String dependency) {
        Node from = nodes.get(dependent);
        Edge edge = from == null ? null : from.out.get(dependency);
        return edge != null && edge.explicit;
    }

    /**
     * A shortest path along dependency edges.
     *
     * @param from the start
     * @param to the end
     * @return the path {@code from, ..., to} (just {@code from} when they are equal), or empty
     */
    public Optional<List<String>> findPath(String from, String to) {
        require(from);
        require(to);
        if (from.equals(to)) {
            return Optional.of(List.of(from));
        }
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        parent.put(from, from);
        queue.add(from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String next : new TreeSet<>(nodes.get(current).out.keySet())) {
                if (parent.putIfAbsent(next, current) != null) {
                    continue;
                }
                if (next.equals(to)) {
                    return Optional.of(pathTo(parent, from, to));
                }
                queue.add(next);
            }
        }
        return Optional.empty();
    }

    private static List<String> pathTo(Map<String, String> parent, String from, String to) {
        List<String> path = new ArrayList<>();
        for (String at = to; !at.equals(from); at = parent.get(at)) {
            path.add(at);
        }
        path.add(from);
        Collections.reverse(path);
        return path;
    }

    /**
     * Every node reachable from the given ones along dependency edges, the given ones included.
     *
     * @param roots the start nodes
     * @return the closure
     */
    public Set<String> dependencyClosure(Iterable<String> roots) {
        return closure(roots, true);
    }

    /**
     * Every node that reaches one of the given ones along dependency edges, the given ones included.
     *
     * @param roots the start nodes
     * @return the closure
     */
    public Set<String> dependentClosure(Iterable<String> roots) {
        return closure(roots, false);
    }

    private Set<String> closure(Iterable<String> roots, boolean forward) {
        Set<String> seen = new java.util.HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String root : roots) {
            require(root);
            if (seen.add(root)) {
                stack.push(root);
            }
        }
        while (!stack.isEmpty()) {
            Node node = nodes.get(stack.pop());
            for (String next : forward ? node.out.keySet() : node.in) {
                if (seen.add(next)) {
                    stack.push(next);
                }
            }
        }
        return seen;
    }

    /**
     * The successors of a node for the graph algorithms of this package; a live view.
     *
     * @param id the node
     * @return its dependencies
     */
    Set<String> out(String id) {
        return nodes.get(id).out.keySet();
    }

    /** @return a copy of the adjacency: each node's dependencies */
    public Map<String, Set<String>> adjacency() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        nodes.forEach((id, node) -> copy.put(id, Set.copyOf(node.out.keySet())));
        return copy;
    }

    private Node require(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("unknown node " + id);
        }
        return node;
    }

    private static final class Node {
        final Map<String, Edge> out = new HashMap<>();
        final Set<String> in = new java.util.HashSet<>();

        Node(String id) {
            // the id is the map key; nothing else to keep
        }
    }

    private static final class Edge {
        boolean explicit;
        List<String> requirements = List.of();
    }
}
