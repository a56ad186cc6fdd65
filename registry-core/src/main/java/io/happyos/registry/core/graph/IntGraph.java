package io.happyos.registry.core.graph;

import java.util.Arrays;

/**
 * The storage behind {@link DependencyGraph}: nodes are dense {@code int} ids (freed ids are reused),
 * edges are ids into parallel arrays, and each node keeps its outgoing and incoming edges in growable
 * {@code int} arrays, the neighbour's id beside the edge's id so that walks never touch the edge
 * arrays. Every edge knows its position in both lists, so removing one is O(1) (swap with the last).
 *
 * <p>An edge points from a dependent to its dependency. Not thread-safe; see {@link DependencyGraph}.
 */
final class IntGraph {

    /** The edge was added through {@code addExplicit}. */
    static final byte EXPLICIT = 1;
    /** The edge is not part of the maintained topological order (it closes a declared cycle). */
    static final byte UNORDERED = 2;

    private static final int[] EMPTY = new int[0];

    // nodes, indexed by node id
    int[][] outNode = new int[16][];
    int[][] outEdge = new int[16][];
    int[] outCount = new int[16];
    int[][] inNode = new int[16][];
    int[][] inEdge = new int[16][];
    int[] inCount = new int[16];
    boolean[] alive = new boolean[16];
    /** Position of each node in the maintained topological order (dependencies first); distinct values. */
    int[] ord = new int[16];

    private int nextOrd;
    private int[] freeNodes = new int[16];
    private int freeNodeCount;
    private int nodeLimit;
    private int nodeCount;

    // edges, indexed by edge id
    int[] edgeFrom = new int[16];
    int[] edgeTo = new int[16];
    private int[] edgeOutPos = new int[16];
    private int[] edgeInPos = new int[16];
    byte[] edgeFlags = new byte[16];
    Object[] edgeRequirements = new Object[16];
    private int[] freeEdges = new int[16];
    private int freeEdgeCount;
    private int edgeLimit;
    private int edgeCount;

    /** @return one more than the largest node id ever handed out */
    int nodeLimit() {
        return nodeLimit;
    }

    /** @return the number of live nodes */
    int nodeCount() {
        return nodeCount;
    }

    /** @return the number of edges */
    int edgeCount() {
        return edgeCount;
    }

    /**
     * Adds a node, last in the topological order.
     *
     * @return its id
     */
    int addNode() {
        int id;
        if (freeNodeCount > 0) {
            id = freeNodes[--freeNodeCount];
        } else {
            id = nodeLimit++;
            if (id == alive.length) {
                growNodes(id * 2);
            }
        }
        alive[id] = true;
        outCount[id] = 0;
        inCount[id] = 0;
        outNode[id] = EMPTY;
        outEdge[id] = EMPTY;
        inNode[id] = EMPTY;
        inEdge[id] = EMPTY;
        if (nextOrd == Integer.MAX_VALUE) {
            renumber();
        }
        ord[id] = nextOrd++;
        nodeCount++;
        return id;
    }

    /**
     * Removes a node and every edge touching it.
     *
     * @param id a live node
     * @param removed called with each removed edge before it goes, may be {@code null}
     */
    void removeNode(int id, java.util.function.IntConsumer removed) {
        while (outCount[id] > 0) {
            int e = outEdge[id][outCount[id] - 1];
            if (removed != null) {
                removed.accept(e);
            }
            removeEdge(e);
        }
        while (inCount[id] > 0) {
            int e = inEdge[id][inCount[id] - 1];
            if (removed != null) {
                removed.accept(e);
            }
            removeEdge(e);
        }
        alive[id] = false;
        outNode[id] = null;
        outEdge[id] = null;
        inNode[id] = null;
        inEdge[id] = null;
        if (freeNodeCount == freeNodes.length) {
            freeNodes = Arrays.copyOf(freeNodes, freeNodeCount * 2);
        }
        freeNodes[freeNodeCount++] = id;
        nodeCount--;
    }

    /**
     * The edge between two nodes: scans the shorter of the two adjacency lists, so it is O(1) for
     * nodes of bounded degree and never worse than the smaller degree.
     *
     * @param from the dependent
     * @param to the dependency
     * @return the edge id, or -1
     */
    int findEdge(int from, int to) {
        if (outCount[from] <= inCount[to]) {
            int[] nodes = outNode[from];
            for (int i = 0, n = outCount[from]; i < n; i++) {
                if (nodes[i] == to) {
                    return outEdge[from][i];
                }
            }
        } else {
            int[] nodes = inNode[to];
            for (int i = 0, n = inCount[to]; i < n; i++) {
                if (nodes[i] == from) {
                    return inEdge[to][i];
                }
            }
        }
        return -1;
    }

    /**
     * Adds an edge that does not exist yet; it has no flags and no requirements.
     *
     * @param from the dependent
     * @param to the dependency
     * @return the edge id
     */
    int addEdge(int from, int to) {
        int e;
        if (freeEdgeCount > 0) {
            e = freeEdges[--freeEdgeCount];
        } else {
            e = edgeLimit++;
            if (e == edgeFrom.length) {
                growEdges(e * 2);
            }
        }
        edgeFrom[e] = from;
        edgeTo[e] = to;
        edgeFlags[e] = 0;
        edgeRequirements[e] = null;
        int o = outCount[from]++;
        if (o == outNode[from].length) {
            outNode[from] = Arrays.copyOf(outNode[from], Math.max(4, o * 2));
            outEdge[from] = Arrays.copyOf(outEdge[from], Math.max(4, o * 2));
        }
        outNode[from][o] = to;
        outEdge[from][o] = e;
        edgeOutPos[e] = o;
        int i = inCount[to]++;
        if (i == inNode[to].length) {
            inNode[to] = Arrays.copyOf(inNode[to], Math.max(4, i * 2));
            inEdge[to] = Arrays.copyOf(inEdge[to], Math.max(4, i * 2));
        }
        inNode[to][i] = from;
        inEdge[to][i] = e;
        edgeInPos[e] = i;
        edgeCount++;
        return e;
    }

    /**
     * Removes an edge in O(1).
     *
     * @param e the edge id
     */
    void removeEdge(int e) {
        int from = edgeFrom[e];
        int to = edgeTo[e];
        int o = edgeOutPos[e];
        int lastOut = --outCount[from];
        if (o != lastOut) {
            int moved = outEdge[from][lastOut];
            outNode[from][o] = outNode[from][lastOut];
            outEdge[from][o] = moved;
            edgeOutPos[moved] = o;
        }
        int i = edgeInPos[e];
        int lastIn = --inCount[to];
        if (i != lastIn) {
            int moved = inEdge[to][lastIn];
            inNode[to][i] = inNode[to][lastIn];
            inEdge[to][i] = moved;
            edgeInPos[moved] = i;
        }
        edgeRequirements[e] = null;
        edgeFrom[e] = -1;
        if (freeEdgeCount == freeEdges.length) {
            freeEdges = Arrays.copyOf(freeEdges, freeEdgeCount * 2);
        }
        freeEdges[freeEdgeCount++] = e;
        edgeCount--;
    }

    /** Gives the live nodes the positions 0..n-1 in their current order, when the counter runs out. */
    private void renumber() {
        long[] keyed = new long[nodeCount];
        int k = 0;
        for (int id = 0; id < nodeLimit; id++) {
            if (alive[id]) {
                keyed[k++] = (long) ord[id] << 32 | id;
            }
        }
        Arrays.sort(keyed);
        for (int i = 0; i < keyed.length; i++) {
            ord[(int) keyed[i]] = i;
        }
        nextOrd = keyed.length;
    }

    private void growNodes(int size) {
        outNode = Arrays.copyOf(outNode, size);
        outEdge = Arrays.copyOf(outEdge, size);
        outCount = Arrays.copyOf(outCount, size);
        inNode = Arrays.copyOf(inNode, size);
        inEdge = Arrays.copyOf(inEdge, size);
        inCount = Arrays.copyOf(inCount, size);
        alive = Arrays.copyOf(alive, size);
        ord = Arrays.copyOf(ord, size);
    }

    private void growEdges(int size) {
        edgeFrom = Arrays.copyOf(edgeFrom, size);
        edgeTo = Arrays.copyOf(edgeTo, size);
        edgeOutPos = Arrays.copyOf(edgeOutPos, size);
        edgeInPos = Arrays.copyOf(edgeInPos, size);
        edgeFlags = Arrays.copyOf(edgeFlags, size);
        edgeRequirements = Arrays.copyOf(edgeRequirements, size);
    }
}
