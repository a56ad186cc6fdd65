package io.happyos.registry.text;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tree of what a component depends on (or of what depends on it), unfolded from the graph.
 *
 * <p>A node already on the path from the root is not unfolded again: it is a leaf marked
 * {@link Mark#CYCLE}. A node whose own subtree was already shown elsewhere is a leaf marked
 * {@link Mark#SEEN}; a node at the depth limit that has more below is marked {@link Mark#DEPTH}.
 * So the tree is finite for every graph, and no subtree is shown twice. Built without recursion,
 * so that a long chain cannot overflow the stack.
 */
public final class DependencyTree {

    /** Why a node is not unfolded. */
    public enum Mark {
        /** Unfolded (or nothing below). */
        NONE,
        /** Already on the path from the root: a cycle closes here. */
        CYCLE,
        /** Unfolded elsewhere in the tree already. */
        SEEN,
        /** At the depth limit, with more below. */
        DEPTH
    }

    /** What the tree is built from. */
    public interface Graph {

        /**
         * The edges out of a component: for a dependency tree its dependencies, for a dependents
         * tree the edges of its dependents to it, each named by the component at the other end.
         *
         * @param id the component
         * @return its edges; several edges to one component are one child
         */
        List<Dependency> edges(String id);

        /**
         * A component's status.
         *
         * @param id the component
         * @return its status, or {@code null} when it is gone
         */
        ComponentStatus status(String id);
    }

    /**
     * One node.
     *
     * @param id the component
     * @param status its status, or {@code null} when it is gone
     * @param via the edges from its parent to it; empty for the root
     * @param mark why it is not unfolded, if it is not
     * @param children its children, ordered by id
     */
    public record Node(String id, ComponentStatus status, List<Dependency> via, Mark mark, List<Node> children) {}

    /** A node being unfolded. */
    private static final class Frame {
        final String id;
        final ComponentStatus status;
        final List<Dependency> via;
        final int depth;
        final Iterator<Map.Entry<String, List<Dependency>>> pending;
        final List<Node> children = new ArrayList<>();

        Frame(
                String id,
                ComponentStatus status,
                List<Dependency> via,
                int depth,
                Map<String, List<Dependency>> byTarget) {
            this.id = id;
            this.status = status;
            this.via = via;
            this.depth = depth;
            this.pending = byTarget.entrySet().iterator();
        }

        Node node() {
            return new Node(id, status, via, Mark.NONE, List.copyOf(children));
        }
    }

    /**
     * The graph of a registry as it is now: a component's dependencies, or for a dependents tree the
     * edges of its dependents to it. A component removed meanwhile has no edges.
     *
     * @param registry the registry
     * @param reverse whether the tree is of dependents
     * @return the graph
     */
    public static Graph of(DynamicRegistry registry, boolean reverse) {
        return new Graph() {
            @Override
            public List<Dependency> edges(String id) {
                try {
                    return reverse
                            ? dependentEdges(registry, id)
                            : registry.dependencies().getDependencyDetails(id);
                } catch (ComponentNotFoundException removedMeanwhile) {
                    return List.of();
                }
            }

            @Override
            public ComponentStatus status(String id) {
                return registry.findComponent(id).map(RegistryEntry::status).orElse(null);
            }
        };
    }

    /**
     * The edges into a component, each named by its dependent, dependents in id order.
     *
     * @param registry the registry
     * @param id the component
     * @return the edges
     */
    public static List<Dependency> dependentEdges(DynamicRegistry registry, String id) {
        List<Dependency> edges = new ArrayList<>();
        for (String dependent : new TreeSet<>(registry.dependencies().getDependents(id))) {
            for (Dependency d : registry.dependencies().getDependencyDetails(dependent)) {
                if (d.id().equals(id)) {
                    edges.add(new Dependency(dependent, d.origin(), d.requirement()));
                }
            }
        }
        return edges;
    }

    private final Graph graph;
    private final int maxDepth;
    private final Set<String> onPath = new HashSet<>();
    private final Set<String> unfolded = new HashSet<>();

    private DependencyTree(Graph graph, int maxDepth) {
        this.graph = graph;
        this.maxDepth = maxDepth;
    }

    /**
     * Builds the tree.
     *
     * @param root the component at the root
     * @param graph the edges and statuses
     * @param maxDepth how many levels below the root to unfold, at least 1
     * @return the root node
     * @throws IllegalArgumentException when {@code maxDepth} is less than 1
     */
    public static Node build(String root, Graph graph, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("the depth must be at least 1, not " + maxDepth);
        }
        return new DependencyTree(graph, maxDepth).unfold(root);
    }

    private Node unfold(String root) {
        Deque<Frame> stack = new ArrayDeque<>();
        Object first = open(root, List.of(), 0);
        if (first instanceof Node leaf) {
            return leaf;
        }
        stack.push((Frame) first);
        while (true) {
            Frame top = stack.peek();
            if (top.pending.hasNext()) {
                Map.Entry<String, List<Dependency>> edge = top.pending.next();
                Object child = open(edge.getKey(), edge.getValue(), top.depth + 1);
                if (child instanceof Node leaf) {
                    top.children.add(leaf);
                } else {
                    stack.push((Frame) child);
                }
                continue;
            }
            stack.pop();
            onPath.remove(top.id);
            Node done = top.node();
            if (stack.isEmpty()) {
                return done;
            }
            stack.peek().children.add(done);
        }
    }

    /** A finished leaf, or a frame to unfold (then on the path and marked unfolded). */
    private Object open(String id, List<Dependency> via, int depth) {
        ComponentStatus status = graph.status(id);
        if (onPath.contains(id)) {
            return new Node(id, status, via, Mark.CYCLE, List.of());
        }
        Map<String, List<Dependency>> byTarget = new TreeMap<>();
        if (status != null) {
            for (Dependency edge : graph.edges(id)) {
                byTarget.computeIfAbsent(edge.id(), k -> new ArrayList<>()).add(edge);
            }
        }
        if (byTarget.isEmpty()) {
            return new Node(id, status, via, Mark.NONE, List.of());
        }
        if (unfolded.contains(id)) {
            return new Node(id, status, via, Mark.SEEN, List.of());
        }
        if (depth >= maxDepth) {
            return new Node(id, status, via, Mark.DEPTH, List.of());
        }
        unfolded.add(id);
        onPath.add(id);
        byTarget.replaceAll((k, v) -> List.copyOf(v));
        return new Frame(id, status, List.copyOf(via), depth, byTarget);
    }
}
