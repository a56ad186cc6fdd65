package io.happyos.registry.core.graph;

import io.happyos.registry.core.graph.DependencyGraph.NameRanks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Orders and cycles of a {@link DependencyGraph}. Pure functions over the graph's primitive arrays;
 * the caller holds the lock (a read lock is enough: nothing here writes to the graph).
 *
 * <p>Activation orders come from Kahn's algorithm, ties broken by the smallest id: the ready nodes
 * wait in a {@link ReadyQueue} keyed by each node's rank in id order (cached by the graph until its
 * set of nodes changes). When the graph's maintained topological order covers every edge the graph
 * is known to be acyclic and every node is its own group; otherwise the strongly connected groups
 * are found first (Tarjan, iterative) and ordered the same way, by their smallest id.
 */
public final class GraphAlgorithms {

    private GraphAlgorithms() {}

    /**
     * The strongly connected groups of the given nodes, considering only edges between them. Each
     * group's ids are sorted.
     *
     * @param graph the graph
     * @param subset the nodes to consider
     * @return every group, singletons included, in no particular order
     */
    public static List<List<String>> stronglyConnected(DependencyGraph graph, Set<String> subset) {
        int[] members = new int[subset.size()];
        int k = 0;
        for (String id : subset) {
            members[k++] = graph.require(id);
        }
        List<List<String>> groups = new ArrayList<>();
        for (int[] group : new Tarjan(graph.ints(), members).run()) {
            groups.add(names(graph, group));
        }
        return groups;
    }

    /**
     * The groups of components that depend on each other in a cycle: strongly connected groups of
     * two or more nodes. Ids sorted in each group, groups ordered by first id.
     *
     * @param graph the graph
     * @return the groups
     */
    public static List<List<String>> cycles(DependencyGraph graph) {
        if (graph.acyclic()) {
            return List.of();
        }
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> group : stronglyConnected(graph, graph.nodeIds())) {
            if (group.size() > 1) {
                cycles.add(group);
            }
        }
        cycles.sort(Comparator.comparing(group -> group.get(0)));
        return List.copyOf(cycles);
    }

    /**
     * The activation order of the given nodes and their transitive dependencies: each after all of
     * its dependencies, members of a cycle together and sorted, ties broken by the smallest id.
     *
     * @param graph the graph
     * @param roots the nodes wanted
     * @return the order, unmodifiable
     */
    public static List<String> activationOrder(DependencyGraph graph, Collection<String> roots) {
        int[] members = graph.isAllNodes(roots) ? null : graph.closure(roots, true);
        if (graph.acyclic()) {
            int[] order = acyclicOrder(graph, members);
            String[] ids = new String[order.length];
            for (int i = 0; i < order.length; i++) {
                ids[i] = graph.name(order[i]);
            }
            return List.of(ids);
        }
        List<String> order = new ArrayList<>();
        for (int[] group : cyclicGroups(graph, members)) {
            order.addAll(names(graph, group));
        }
        return List.copyOf(order);
    }

    /**
     * Like {@link #activationOrder} but keeps the groups: a group of more than one id is a cycle
     * whose members must be activated together.
     *
     * @param graph the graph
     * @param roots the nodes wanted
     * @return the groups in activation order
     */
    public static List<List<String>> activationGroups(DependencyGraph graph, Collection<String> roots) {
        int[] members = graph.isAllNodes(roots) ? null : graph.closure(roots, true);
        List<List<String>> groups = new ArrayList<>();
        if (graph.acyclic()) {
            for (int n : acyclicOrder(graph, members)) {
                groups.add(List.of(graph.name(n)));
            }
        } else {
            for (int[] group : cyclicGroups(graph, members)) {
                groups.add(names(graph, group));
            }
        }
        return List.copyOf(groups);
    }

    /**
     * Kahn's algorithm over the nodes of an acyclic graph.
     *
     * @param members a set closed under dependencies, or {@code null} for every node
     */
    private static int[] acyclicOrder(DependencyGraph graph, int[] members) {
        IntGraph g = graph.ints();
        NameRanks ranks = graph.ranks(members);
        int[] rankOf = ranks.rankOf();
        int[] nodeAt = ranks.nodeAt();
        boolean[] wanted = null;
        ReadyQueue ready = new ReadyQueue(nodeAt.length);
        int total;
        int[] remaining;
        if (members == null) {
            // sequential passes: a copy of the dependency counts, then the nodes that have none
            total = nodeAt.length;
            remaining = Arrays.copyOf(g.outCount, g.nodeLimit());
            boolean[] alive = g.alive;
            for (int n = 0; n < remaining.length; n++) {
                if (remaining[n] == 0 && alive[n]) {
                    ready.add(rankOf[n]);
                }
            }
        } else {
            remaining = new int[g.nodeLimit()];
            total = members.length;
            wanted = new boolean[g.nodeLimit()];
            for (int n : members) {
                wanted[n] = true;
                // a dependency closure: every dependency of a member is a member
                int needs = g.outCount[n];
                remaining[n] = needs;
                if (needs == 0) {
                    ready.add(rankOf[n]);
                }
            }
        }
        int[] order = new int[total];
        int done = 0;
        while (!ready.isEmpty()) {
            int n = nodeAt[ready.poll()];
            order[done++] = n;
            int[] dependents = g.inNode[n];
            for (int i = 0, count = g.inCount[n]; i < count; i++) {
                int d = dependents[i];
                if ((wanted == null || wanted[d]) && --remaining[d] == 0) {
                    ready.add(rankOf[d]);
                }
            }
        }
        if (done != total) {
            throw new IllegalStateException("the maintained order missed a cycle: " + (total - done) + " nodes left");
        }
        return order;
    }

    /** Kahn's algorithm over the strongly connected groups; each group's members sorted by rank. */
    private static List<int[]> cyclicGroups(DependencyGraph graph, int[] members) {
        IntGraph g = graph.ints();
        if (members == null) {
            members = graph.closure(graph.nodeIds(), true);
        }
        NameRanks ranks = graph.ranks(members);
        int[] rankOf = ranks.rankOf();
        List<int[]> groups = new Tarjan(g, members).run();
        int[] groupOf = new int[g.nodeLimit()];
        Arrays.fill(groupOf, -1);
        int[] groupAtRank = new int[ranks.nodeAt().length];
        for (int k = 0; k < groups.size(); k++) {
            int[] group = groups.get(k);
            sortByRank(group, rankOf);
            groupAtRank[rankOf[group[0]]] = k;
            for (int n : group) {
                groupOf[n] = k;
            }
        }
        int[] remaining = new int[groups.size()];
        ReadyQueue ready = new ReadyQueue(groupAtRank.length);
        for (int k = 0; k < groups.size(); k++) {
            for (int n : groups.get(k)) {
                for (int i = 0; i < g.outCount[n]; i++) {
                    if (groupOf[g.outNode[n][i]] != k) {
                        remaining[k]++;
                    }
                }
            }
            if (remaining[k] == 0) {
                ready.add(rankOf[groups.get(k)[0]]);
            }
        }
        List<int[]> ordered = new ArrayList<>(groups.size());
        while (!ready.isEmpty()) {
            int k = groupAtRank[ready.poll()];
            ordered.add(groups.get(k));
            for (int n : groups.get(k)) {
                for (int i = 0; i < g.inCount[n]; i++) {
                    int d = groupOf[g.inNode[n][i]];
                    if (d >= 0 && d != k && --remaining[d] == 0) {
                        ready.add(rankOf[groups.get(d)[0]]);
                    }
                }
            }
        }
        return ordered;
    }

    private static void sortByRank(int[] group, int[] rankOf) {
        long[] keyed = new long[group.length];
        for (int i = 0; i < group.length; i++) {
            keyed[i] = (long) rankOf[group[i]] << 32 | group[i];
        }
        Arrays.sort(keyed);
        for (int i = 0; i < group.length; i++) {
            group[i] = (int) keyed[i];
        }
    }

    private static List<String> names(DependencyGraph graph, int[] group) {
        String[] ids = new String[group.length];
        for (int i = 0; i < group.length; i++) {
            ids[i] = graph.name(group[i]);
        }
        Arrays.sort(ids);
        return List.of(ids);
    }

    /** Tarjan's algorithm without recursion, so deep chains do not overflow the stack. */
    private static final class Tarjan {
        private final IntGraph g;
        private final int[] members;
        private final boolean[] member;
        private final int[] index;
        private final int[] lowLink;
        private final boolean[] onStack;
        private final int[] stack;
        private final int[] frames;
        private final int[] framePosition;
        private final List<int[]> groups = new ArrayList<>();
        private int top;
        private int counter;

        Tarjan(IntGraph g, int[] members) {
            this.g = g;
            this.members = members;
            int limit = g.nodeLimit();
            member = new boolean[limit];
            for (int n : members) {
                member[n] = true;
            }
            index = new int[limit];
            Arrays.fill(index, -1);
            lowLink = new int[limit];
            onStack = new boolean[limit];
            stack = new int[members.length];
            frames = new int[members.length];
            framePosition = new int[members.length];
        }

        List<int[]> run() {
            for (int n : members) {
                if (index[n] < 0) {
                    visit(n);
                }
            }
            return groups;
        }

        private void visit(int root) {
            int depth = 0;
            open(root, depth++);
            while (depth > 0) {
                int f = depth - 1;
                int n = frames[f];
                if (framePosition[f] < g.outCount[n]) {
                    int next = g.outNode[n][framePosition[f]++];
                    if (!member[next]) {
                        continue;
                    }
                    if (index[next] < 0) {
                        open(next, depth++);
                    } else if (onStack[next]) {
                        lowLink[n] = Math.min(lowLink[n], index[next]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int parent = frames[depth - 1];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[n]);
                }
                if (lowLink[n] == index[n]) {
                    closeGroup(n);
                }
            }
        }

        private void open(int n, int depth) {
            index[n] = counter;
            lowLink[n] = counter;
            counter++;
            stack[top++] = n;
            onStack[n] = true;
            frames[depth] = n;
            framePosition[depth] = 0;
        }

        private void closeGroup(int root) {
            int start = top;
            do {
                start--;
                onStack[stack[start]] = false;
            } while (stack[start] != root);
            groups.add(Arrays.copyOfRange(stack, start, top));
            top = start;
        }
    }
}
