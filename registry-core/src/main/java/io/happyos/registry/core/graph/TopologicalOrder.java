package io.happyos.registry.core.graph;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps {@link IntGraph#ord} a topological order of the graph's <em>ordered</em> edges (dependencies
 * before dependents), with the dynamic algorithm of Pearce and Kelly (2006): an edge whose dependency
 * already comes before its dependent costs O(1); otherwise only the nodes between the two positions
 * that are reachable from them are searched and their positions permuted among themselves.
 *
 * <p>Manifests may declare cycles. A declared edge that would close a cycle among ordered edges is
 * kept in the graph but marked {@link IntGraph#UNORDERED}: the order ignores it. With no unordered
 * edge the graph is provably acyclic; with some, exact answers fall back to a search of the whole
 * graph ({@link #reaches}). Removing edges may make unordered edges fit again: {@link #repair} tries.
 * Not thread-safe: called under the registry's write lock only.
 */
final class TopologicalOrder {

    private final IntGraph g;
    private final Set<Integer> unordered = new LinkedHashSet<>();
    private boolean repairPending;
    private long searched;
    private int[] mark = new int[16];
    private int stamp;
    private int[] stack = new int[16];
    private int[] forward = new int[16];
    private int[] backward = new int[16];

    TopologicalOrder(IntGraph g) {
        this.g = g;
    }

    /** @return how many nodes the searches of {@link #insert} have visited so far */
    long searched() {
        return searched;
    }

    /** @return whether every edge is ordered, which proves the graph acyclic */
    boolean acyclic() {
        return unordered.isEmpty();
    }

    /**
     * Places a new edge in the order if it can be.
     *
     * @param from the dependent
     * @param to the dependency
     * @return {@code false} when the ordered edges already lead from {@code to} to {@code from}: the
     *     edge would close a cycle, nothing changed
     */
    boolean insert(int from, int to) {
        int[] ord = g.ord;
        int lower = ord[from];
        int upper = ord[to];
        if (upper < lower) {
            return true;
        }
        if (from == to) {
            return false;
        }
        newStamp();
        int forwardCount = search(from, upper, true);
        if (forwardCount < 0) {
            return false;
        }
        int[] forwardNodes = Arrays.copyOf(forward, forwardCount);
        int backwardCount = search(to, lower, false);
        reorder(Arrays.copyOf(backward, backwardCount), forwardNodes);
        return true;
    }

    /**
     * Collects the nodes reachable from {@code start} inside the affected region: forward along
     * dependents with positions below {@code bound}, or backward along dependencies with positions
     * above it.
     *
     * @return how many nodes were collected into {@link #forward} or {@link #backward}, or -1 when
     *     the forward search reached the node at {@code bound} (a cycle)
     */
    private int search(int start, int bound, boolean dependents) {
        int[] ord = g.ord;
        boolean skipUnordered = !unordered.isEmpty();
        int[] found = dependents ? forward : backward;
        int count = 0;
        int top = 0;
        stack[top++] = start;
        mark[start] = stamp;
        while (top > 0) {
            int node = stack[--top];
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = node;
            int[] next = dependents ? g.inNode[node] : g.outNode[node];
            int[] edges = dependents ? g.inEdge[node] : g.outEdge[node];
            int n = dependents ? g.inCount[node] : g.outCount[node];
            for (int i = 0; i < n; i++) {
                int w = next[i];
                if (skipUnordered && (g.edgeFlags[edges[i]] & IntGraph.UNORDERED) != 0) {
                    continue;
                }
                int position = ord[w];
                if (dependents && position == bound) {
                    searched += count;
                    return -1;
                }
                if ((dependents ? position < bound : position > bound) && mark[w] != stamp) {
                    mark[w] = stamp;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = w;
                }
            }
        }
        searched += count;
        if (dependents) {
            forward = found;
        } else {
            backward = found;
        }
        return count;
    }

    /** Gives the backward set (dependencies) the lowest of the pooled positions, keeping each set's order. */
    private void reorder(int[] before, int[] after) {
        int[] ord = g.ord;
        long[] b = keyed(before, ord);
        long[] a = keyed(after, ord);
        int[] pool = new int[b.length + a.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < b.length || j < a.length) {
            if (j == a.length || i < b.length && b[i] < a[j]) {
                pool[k++] = (int) (b[i++] >>> 32);
            } else {
                pool[k++] = (int) (a[j++] >>> 32);
            }
        }
        k = 0;
        for (long key : b) {
            ord[(int) key] = pool[k++];
        }
        for (long key : a) {
            ord[(int) key] = pool[k++];
        }
    }

    private static long[] keyed(int[] nodes, int[] ord) {
        long[] keyed = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            keyed[i] = (long) ord[nodes[i]] << 32 | nodes[i];
        }
        Arrays.sort(keyed);
        return keyed;
    }

    /**
     * Records that an edge was added outside the order.
     *
     * @param e the edge, already flagged {@link IntGraph#UNORDERED}
     */
    void addUnordered(int e) {
        unordered.add(e);
    }

    /**
     * Must be called before an edge leaves the graph.
     *
     * @param e the edge
     */
    void edgeRemoved(int e) {
        if ((g.edgeFlags[e] & IntGraph.UNORDERED) != 0) {
            unordered.remove(e);
        }
        if (!unordered.isEmpty()) {
            repairPending = true;
        }
    }

    /** Tries to bring unordered edges back into the order after edges were removed. */
    void repair() {
        if (!repairPending) {
            return;
        }
        repairPending = false;
        for (var it = unordered.iterator(); it.hasNext(); ) {
            int e = it.next();
            if (insert(g.edgeFrom[e], g.edgeTo[e])) {
                g.edgeFlags[e] &= ~IntGraph.UNORDERED;
                it.remove();
            }
        }
    }

    /**
     * Whether {@code to} can be reached from {@code from} along all edges, ordered or not: the exact
     * search used while unordered edges exist.
     *
     * @param from the start
     * @param to the goal
     * @return {@code true} if there is a path
     */
    boolean reaches(int from, int to) {
        newStamp();
        int top = 0;
        stack[top++] = from;
        mark[from] = stamp;
        while (top > 0) {
            int node = stack[--top];
            if (node == to) {
                return true;
            }
            int[] next = g.outNode[node];
            for (int i = 0, n = g.outCount[node]; i < n; i++) {
                int w = next[i];
                if (mark[w] != stamp) {
                    mark[w] = stamp;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = w;
                }
            }
        }
        return false;
    }

    private void newStamp() {
        if (mark.length < g.nodeLimit()) {
            mark = Arrays.copyOf(mark, Math.max(g.nodeLimit(), mark.length * 2));
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
    }
}
