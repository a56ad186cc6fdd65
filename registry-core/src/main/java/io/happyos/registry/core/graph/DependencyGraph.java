package io.happyos.registry.core.graph;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph between component ids: edges point from a dependent to its dependency.
 *
 * <p>Each edge remembers why it exists: the requirements a manifest declares (replaced as a whole
 * whenever the bundle's requirements are derived again) and an explicit flag (set and cleared only
 * through {@link #addExplicit} and {@link #removeExplicit}).
 *
 * <p>Inside, ids are mapped to dense {@code int}s once, at this class's boundary, and the graph lives
 * in primitive arrays ({@link IntGraph}). A topological order is maintained as edges come and go
 * ({@link TopologicalOrder}, Pearce–Kelly), so the cycle check of an explicit edge that already fits
 * the order costs O(1), and other checks search only the region of the order between the edge's two
 * ends. Declared cycles are allowed: such edges stay outside the order, and while any exist an
 * explicit edge is checked by a search of the graph instead.
 *
 * <p>Not thread-safe: the registry guards it with a read-write lock. Methods that only read (queries,
 * {@link GraphAlgorithms}) may run concurrently with each other.
 */
public final class DependencyGraph {

    private final Map<String, Integer> ids = new HashMap<>();
    private final Set<String> idsView = Collections.unmodifiableSet(ids.keySet());
    private final IntGraph g = new IntGraph();
    private final TopologicalOrder order = new TopologicalOrder(g);
    private String[] names = new String[16];
    /** Bumped whenever the set of nodes changes; tells {@link #ranks} its cache is stale. */
    private int nodeVersion;

    private volatile NameRanks ranks;

    /**
     * Adds a node; does nothing if it exists.
     *
     * @param id the component id
     */
    public void addNode(String id) {
        if (ids.containsKey(id)) {
            return;
        }
        int n = g.addNode();
        if (n >= names.length) {
            names = Arrays.copyOf(names, Math.max(n + 1, names.length * 2));
        }
        names[n] = id;
        ids.put(id, n);
        nodeVersion++;
    }

    /**
     * Whether the node exists.
     *
     * @param id the component id
     * @return {@code true} if it does
     */
    public boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** @return the number of nodes */
    public int size() {
        return ids.size();
    }

    /** @return every node id, unmodifiable view */
    public Set<String> nodeIds() {
        return idsView;
    }

    /**
     * Removes a node and every edge that touches it.
     *
     * @param id the component id
     */
    public void removeNode(String id) {
        Integer n = ids.remove(id);
        if (n == null) {
            return;
        }
        g.removeNode(n, order::edgeRemoved);
        names[n] = null;
        nodeVersion++;
    }

    /**
     * Replaces the declared edges of a node. Edges to unknown nodes and to itself are ignored.
     * Explicit edges are kept. A declared edge may close a cycle; it is kept.
     *
     * @param id the dependent
     * @param declared for each dependency, the requirements that make it one
     */
    public void setDeclared(String id, Map<String, List<String>> declared) {
        Integer boxed = ids.get(id);
        if (boxed == null) {
            return;
        }
        int from = boxed;
        for (int i = g.outCount[from] - 1; i >= 0; i--) {
            int e = g.outEdge[from][i];
            g.edgeRequirements[e] = null;
            if ((g.edgeFlags[e] & IntGraph.EXPLICIT) == 0 && !declared.containsKey(names[g.outNode[from][i]])) {
                order.edgeRemoved(e);
                g.removeEdge(e);
            }
        }
        declared.forEach((dependency, requirements) -> {
            Integer target = ids.get(dependency);
            if (target == null || target == from) {
                return;
            }
            int e = g.findEdge(from, target);
            if (e < 0) {
                boolean placed = order.insert(from, target);
                e = g.addEdge(from, target);
                if (!placed) {
                    g.edgeFlags[e] |= IntGraph.UNORDERED;
                    order.addUnordered(e);
                }
            }
            g.edgeRequirements[e] = requirements.isEmpty() ? null : List.copyOf(requirements);
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
        int from = require(dependent);
        int to = require(dependency);
        int e = g.findEdge(from, to);
        if (e < 0) {
            order.repair();
            boolean placed;
            if (order.acyclic()) {
                placed = order.insert(from, to);
                if (!placed) {
                    return Optional.of(cycle(dependent, dependency));
                }
            } else {
                if (from == to || order.reaches(to, from)) {
                    return Optional.of(cycle(dependent, dependency));
                }
                placed = order.insert(from, to);
            }
            e = g.addEdge(from, to);
            if (!placed) {
                // cannot happen without a path back, but the order must never hold a broken edge
                g.edgeFlags[e] |= IntGraph.UNORDERED;
                order.addUnordered(e);
            }
        }
        g.edgeFlags[e] |= IntGraph.EXPLICIT;
        return Optional.empty();
    }

    private List<String> cycle(String dependent, String dependency) {
        List<String> cycle = new ArrayList<>();
        cycle.add(dependent);
        cycle.addAll(findPath(dependency, dependent).orElseThrow());
        return List.copyOf(cycle);
    }

    /**
     * Removes an explicit edge; a declared edge between the same nodes stays.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return {@code true} if there was an explicit edge
     */
    public boolean removeExplicit(String dependent, String dependency) {
        Integer from = ids.get(dependent);
        Integer to = ids.get(dependency);
        int e = from == null || to == null ? -1 : g.findEdge(from, to);
        if (e < 0 || (g.edgeFlags[e] & IntGraph.EXPLICIT) == 0) {
            return false;
        }
        g.edgeFlags[e] &= ~IntGraph.EXPLICIT;
        if (g.edgeRequirements[e] == null) {
            order.edgeRemoved(e);
            g.removeEdge(e);
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
        int n = require(id);
        return Set.of(namesOf(g.outNode[n], g.outCount[n]));
    }

    /**
     * The direct dependents of a node.
     *
     * @param id the node
     * @return ids, a copy
     */
    public Set<String> dependents(String id) {
        int n = require(id);
        return Set.of(namesOf(g.inNode[n], g.inCount[n]));
    }

    private String[] namesOf(int[] nodes, int count) {
        String[] result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = names[nodes[i]];
        }
        return result;
    }

    /**
     * The direct dependencies of a node with their origins, ordered by id then origin.
     *
     * @param id the node
     * @return one element per reason
     */
    public List<Dependency> dependencyDetails(String id) {
        int n = require(id);
        Integer[] edges = new Integer[g.outCount[n]];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = g.outEdge[n][i];
        }
        Arrays.sort(edges, Comparator.comparing(e -> names[g.edgeTo[e]]));
        List<Dependency> result = new ArrayList<>();
        for (int e : edges) {
            String dependency = names[g.edgeTo[e]];
            @SuppressWarnings("unchecked")
            List<String> requirements = (List<String>) g.edgeRequirements[e];
            if (requirements != null) {
                for (String requirement : requirements) {
                    result.add(new Dependency(dependency, DependencyOrigin.DECLARED, requirement));
                }
            }
            if ((g.edgeFlags[e] & IntGraph.EXPLICIT) != 0) {
                result.add(new Dependency(dependency, DependencyOrigin.EXPLICIT, null));
            }
        }
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
        Integer from = ids.get(dependent);
        Integer to = ids.get(dependency);
        int e = from == null || to == null ? -1 : g.findEdge(from, to);
        return e >= 0 && (g.edgeFlags[e] & IntGraph.EXPLICIT) != 0;
    }

    /**
     * A shortest path along dependency edges; among shortest paths, the one whose steps come first
     * by id.
     *
     * @param from the start
     * @param to the end
     * @return the path {@code from, ..., to} (just {@code from} when they are equal), or empty
     */
    public Optional<List<String>> findPath(String from, String to) {
        int start = require(from);
        int goal = require(to);
        if (start == goal) {
            return Optional.of(List.of(from));
        }
        int[] parent = new int[g.nodeLimit()];
        Arrays.fill(parent, -1);
        int[] queue = new int[g.nodeCount()];
        int head = 0;
        int tail = 0;
        parent[start] = start;
        queue[tail++] = start;
        while (head < tail) {
            int current = queue[head++];
            for (int next : sortedByName(g.outNode[current], g.outCount[current])) {
                if (parent[next] >= 0) {
                    continue;
                }
                parent[next] = current;
                if (next == goal) {
                    List<String> path = new ArrayList<>();
                    for (int at = goal; at != start; at = parent[at]) {
                        path.add(names[at]);
                    }
                    path.add(from);
                    Collections.reverse(path);
                    return Optional.of(List.copyOf(path));
                }
                queue[tail++] = next;
            }
        }
        return Optional.empty();
    }

    private Integer[] sortedByName(int[] nodes, int count) {
        Integer[] sorted = new Integer[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = nodes[i];
        }
        Arrays.sort(sorted, Comparator.comparing(n -> names[n]));
        return sorted;
    }

    /**
     * Every node reachable from the given ones along dependency edges, the given ones included.
     *
     * @param roots the start nodes
     * @return the closure
     */
    public Set<String> dependencyClosure(Iterable<String> roots) {
        return namesIn(closure(roots, true));
    }

    /**
     * Every node that reaches one of the given ones along dependency edges, the given ones included.
     *
     * @param roots the start nodes
     * @return the closure
     */
    public Set<String> dependentClosure(Iterable<String> roots) {
        return namesIn(closure(roots, false));
    }

    private Set<String> namesIn(int[] members) {
        Set<String> result = new HashSet<>(Math.max(16, members.length * 2));
        for (int n : members) {
            result.add(names[n]);
        }
        return result;
    }

    /**
     * The node ids reachable from the roots, roots included.
     *
     * @param roots the start nodes
     * @param forward along dependencies if {@code true}, along dependents if not
     * @return the ids, each once, in no particular order
     * @throws IllegalArgumentException when a root is unknown
     */
    int[] closure(Iterable<String> roots, boolean forward) {
        boolean[] seen = new boolean[g.nodeLimit()];
        int[] found = new int[16];
        int count = 0;
        for (String root : roots) {
            int n = require(root);
            if (!seen[n]) {
                seen[n] = true;
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = n;
            }
        }
        for (int done = 0; done < count; done++) {
            int n = found[done];
            int[] next = forward ? g.outNode[n] : g.inNode[n];
            int size = forward ? g.outCount[n] : g.inCount[n];
            for (int i = 0; i < size; i++) {
                int w = next[i];
                if (!seen[w]) {
                    seen[w] = true;
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = w;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** @return a copy of the adjacency: each node's dependencies */
    public Map<String, Set<String>> adjacency() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        ids.forEach((id, n) -> copy.put(id, Set.of(namesOf(g.outNode[n], g.outCount[n]))));
        return copy;
    }

    /**
     * Diagnostics: how many nodes the maintained order's searches have visited since this graph was
     * made. An explicit or declared edge that already fits the order adds nothing; the benchmarks and
     * tests use it to show that such an edge costs O(1).
     *
     * @return the count
     */
    public long orderSearchVisits() {
        return order.searched();
    }

    /** @return the primitive graph, for the algorithms of this package (read only) */
    IntGraph ints() {
        return g;
    }

    /** @return whether the graph is known to be acyclic (every edge is in the maintained order) */
    boolean acyclic() {
        return order.acyclic();
    }

    String name(int n) {
        return names[n];
    }

    /**
     * Whether the collection is this graph's own {@link #nodeIds()} view, so that callers asking
     * for the whole graph skip the id lookups.
     */
    boolean isAllNodes(Collection<String> roots) {
        return roots == idsView;
    }

    /**
     * Ranks in id order for the nodes an order is computed over, for deterministic ties. For the
     * whole graph or a large part of it, every live node is ranked and the result cached until the
     * set of nodes changes (safe with concurrent readers: each may compute it, all publish the
     * same). A small part (under an eighth of the graph, e.g. one component's dependencies while
     * others are being registered) is ranked on its own, so it never pays for sorting every id.
     *
     * @param members the nodes, or {@code null} for all
     * @return the ranks: every member has one, below {@code nodeAt.length}
     */
    NameRanks ranks(int[] members) {
        NameRanks cached = ranks;
        boolean fresh = cached != null && cached.version() == nodeVersion;
        if (members != null && !fresh && members.length < g.nodeCount() / 8) {
            return rank(members);
        }
        if (fresh) {
            return cached;
        }
        int[] all = new int[g.nodeCount()];
        int k = 0;
        for (int n = 0; n < g.nodeLimit(); n++) {
            if (g.alive[n]) {
                all[k++] = n;
            }
        }
        NameRanks computed = rank(all);
        ranks = computed;
        return computed;
    }

    private NameRanks rank(int[] members) {
        // sorting the strings themselves is several times faster than sorting ids by a comparator
        String[] sorted = new String[members.length];
        for (int i = 0; i < members.length; i++) {
            sorted[i] = names[members[i]];
        }
        Arrays.sort(sorted);
        int[] rankOf = new int[g.nodeLimit()];
        int[] nodeAt = new int[sorted.length];
        for (int r = 0; r < sorted.length; r++) {
            int n = ids.get(sorted[r]);
            nodeAt[r] = n;
            rankOf[n] = r;
        }
        return new NameRanks(nodeVersion, rankOf, nodeAt);
    }

    int require(String id) {
        Integer n = ids.get(id);
        if (n == null) {
            throw new IllegalArgumentException("unknown node " + id);
        }
        return n;
    }

    /**
     * Live nodes sorted by id.
     *
     * @param version the node version they were computed for
     * @param rankOf each node's position in id order, indexed by node
     * @param nodeAt the node at each position
     */
    record NameRanks(int version, int[] rankOf, int[] nodeAt) {}
}
