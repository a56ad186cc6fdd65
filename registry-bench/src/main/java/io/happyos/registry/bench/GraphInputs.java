package io.happyos.registry.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Dependency graphs for the benchmarks, generated from a fixed seed so every run (and every
 * contender in a run) sees the same input. A graph is a node count and edges from a dependent to a
 * dependency, always acyclic; node {@code i} is called {@link Graph#name(int) "n" + i}.
 *
 * <ul>
 *   <li>{@link #randomDag}: the given number of distinct edges between random pairs, oriented by a
 *       hidden random order (so node ids say nothing about the order), in random sequence;
 *   <li>{@link #randomDagPerNode}: every node depends on the same number of random nodes that come
 *       before it in a hidden random order (so reachability is large: most nodes reach most of
 *       those below them), edges in random sequence;
 *   <li>{@link #chain}: each node depends on the previous one (the deepest graph);
 *   <li>{@link #fanOut}: one base everything depends on, one top depending on everything (the widest);
 *   <li>{@link #layered}: plugin-set-like layers (platform libraries, services, features,
 *       applications): each node depends on a few nodes of lower layers, popular ones more often.
 * </ul>
 */
public final class GraphInputs {

    /** The seed every benchmark uses unless it says otherwise. */
    public static final long SEED = 20_26_07L;

    private GraphInputs() {}

    /**
     * A generated graph.
     *
     * @param shape how it was made, for tables
     * @param nodes the node count
     * @param from each edge's dependent
     * @param to each edge's dependency
     * @param topological the nodes in an order where every dependency comes before its dependents
     */
    public record Graph(String shape, int nodes, int[] from, int[] to, int[] topological) {

        /** @return the number of edges */
        public int edges() {
            return from.length;
        }

        /**
         * The id of node {@code i}.
         *
         * @param i the node
         * @return {@code "n" + i}
         */
        public static String name(int i) {
            return "n" + i;
        }
    }

    /**
     * A random DAG.
     *
     * @param nodes the node count
     * @param edges the number of distinct edges (average degree is {@code 2 * edges / nodes})
     * @param seed the seed
     * @return the graph, edges in random order
     */
    public static Graph randomDag(int nodes, int edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] position = permutation(nodes, random);
        int[] from = new int[edges];
        int[] to = new int[edges];
        LongSet seen = new LongSet(edges);
        int k = 0;
        while (k < edges) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(nodes);
            if (a == b) {
                continue;
            }
            int dependent = position[a] > position[b] ? a : b;
            int dependency = dependent == a ? b : a;
            if (seen.add((long) dependent << 32 | dependency)) {
                from[k] = dependent;
                to[k] = dependency;
                k++;
            }
        }
        return new Graph("random DAG, uniform pairs", nodes, from, to, inverse(position));
    }

    /**
     * A random DAG where each node has (about) the same out-degree.
     *
     * @param nodes the node count
     * @param degree dependencies per node (fewer for the first nodes of the hidden order)
     * @param seed the seed
     * @return the graph, edges in random order
     */
    public static Graph randomDagPerNode(int nodes, int degree, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] at = inverse(permutation(nodes, random));
        int[] from = new int[nodes * degree];
        int[] to = new int[from.length];
        LongSet seen = new LongSet(from.length);
        int k = 0;
        for (int p = 1; p < nodes; p++) {
            for (int d = 0; d < Math.min(degree, p); d++) {
                int dependency = at[random.nextInt(p)];
                if (seen.add((long) at[p] << 32 | dependency)) {
                    from[k] = at[p];
                    to[k++] = dependency;
                } else {
                    d--;
                }
            }
        }
        int[][] shuffled = shuffle(Arrays.copyOf(from, k), Arrays.copyOf(to, k), random);
        return new Graph("random DAG, " + degree + " dependencies per node", nodes, shuffled[0], shuffled[1], at);
    }

    /**
     * A chain: node {@code i} depends on node {@code i - 1}.
     *
     * @param nodes the node count
     * @return the graph
     */
    public static Graph chain(int nodes) {
        int[] from = new int[nodes - 1];
        int[] to = new int[nodes - 1];
        for (int i = 1; i < nodes; i++) {
            from[i - 1] = i;
            to[i - 1] = i - 1;
        }
        return new Graph("chain", nodes, from, to, identity(nodes));
    }

    /**
     * A wide fan-out: node 0 is a base every other node depends on, node {@code nodes - 1} a top
     * that depends on every other node.
     *
     * @param nodes the node count, at least 3
     * @return the graph
     */
    public static Graph fanOut(int nodes) {
        int middle = nodes - 2;
        int[] from = new int[2 * middle + 1];
        int[] to = new int[from.length];
        int k = 0;
        for (int i = 1; i <= middle; i++) {
            from[k] = i;
            to[k++] = 0;
            from[k] = nodes - 1;
            to[k++] = i;
        }
        from[k] = nodes - 1;
        to[k] = 0;
        return new Graph("fan-out", nodes, from, to, identity(nodes));
    }

    /**
     * Layers like a real plugin set: each layer four times as wide as the one below it, each node
     * depending on {@code degree} distinct nodes of lower layers, chosen with a skew towards the
     * first nodes of each layer (a few libraries everyone uses).
     *
     * @param nodes the node count
     * @param layers the number of layers, at least 2
     * @param degree dependencies per node above the first layer
     * @param seed the seed
     * @return the graph, edges in random order
     */
    public static Graph layered(int nodes, int layers, int degree, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] start = new int[layers + 1];
        double unit = nodes / ((Math.pow(4, layers) - 1) / 3);
        for (int l = 1; l <= layers; l++) {
            start[l] = l == layers
                    ? nodes
                    : Math.min(nodes, start[l - 1] + Math.max(1, (int) (unit * Math.pow(4, l - 1))));
        }
        int[] from = new int[nodes * degree];
        int[] to = new int[from.length];
        int k = 0;
        LongSet seen = new LongSet(from.length);
        for (int l = 1; l < layers; l++) {
            for (int n = start[l]; n < start[l + 1]; n++) {
                int below = start[l];
                for (int d = 0; d < Math.min(degree, below); d++) {
                    // squaring a uniform number favours small ids: the popular libraries
                    double u = random.nextDouble();
                    int dependency = (int) (u * u * below);
                    if (seen.add((long) n << 32 | dependency)) {
                        from[k] = n;
                        to[k++] = dependency;
                    }
                }
            }
        }
        int[][] shuffled = shuffle(Arrays.copyOf(from, k), Arrays.copyOf(to, k), random);
        return new Graph("layered", nodes, shuffled[0], shuffled[1], identity(nodes));
    }

    /**
     * The same edges in another random sequence.
     *
     * @param graph the graph
     * @param seed the seed
     * @return a graph with the same nodes and edges
     */
    public static Graph shuffled(Graph graph, long seed) {
        int[][] shuffled = shuffle(graph.from().clone(), graph.to().clone(), new SplittableRandom(seed));
        return new Graph(graph.shape(), graph.nodes(), shuffled[0], shuffled[1], graph.topological());
    }

    private static int[][] shuffle(int[] from, int[] to, SplittableRandom random) {
        for (int i = from.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int f = from[i];
            from[i] = from[j];
            from[j] = f;
            int t = to[i];
            to[i] = to[j];
            to[j] = t;
        }
        return new int[][] {from, to};
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] inverse(int[] position) {
        int[] at = new int[position.length];
        for (int i = 0; i < position.length; i++) {
            at[position[i]] = i;
        }
        return at;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** An open-addressing set of longs, only for deduplicating edges while generating. */
    private static final class LongSet {
        private final long[] slots;
        private final boolean[] used;

        LongSet(int expected) {
            int size = Integer.highestOneBit(Math.max(4, expected) * 2) * 2;
            slots = new long[size];
            used = new boolean[size];
        }

        boolean add(long key) {
            int mask = slots.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i]) {
                if (slots[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = key;
            return true;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }
}
