package io.happyos.registry.bench;

import io.happyos.registry.bench.GraphInputs.Graph;
import io.happyos.registry.core.graph.DependencyGraph;
import io.happyos.registry.core.graph.GraphAlgorithms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.DefaultVersionManager;
import org.pf4j.DependencyResolver;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.util.DirectedGraph;

/**
 * Benchmark 1: the activation order of a whole random DAG (100k nodes / 400k edges, and 1M / 4M in
 * full mode). Every contender gets the same graph, built before the clock starts; only the ordering
 * is timed:
 *
 * <ul>
 *   <li>ours: {@code GraphAlgorithms.activationOrder(graph, graph.nodeIds())}, a {@code List<String>};
 *   <li>JGraphT 1.5.2: {@code TopologicalOrderIterator} over a {@code DefaultDirectedGraph}, drained
 *       into a list;
 *   <li>PF4J 3.13.0: the ordering step of {@code DependencyResolver.resolve}, i.e.
 *       {@code DirectedGraph.reverseTopologicalSort()} on the graph {@code resolve} builds from the
 *       plugin descriptors; the whole {@code resolve} (which builds that graph each call) is timed
 *       too, at 100k, and given in the note;
 *   <li>a plain {@code int[]} Kahn over compressed adjacency arrays, FIFO ties: the practical limit;
 *       and the same Kahn with our tie rule (smallest id first, a binary heap of id ranks computed
 *       before the clock starts), to show what that rule costs by itself.
 * </ul>
 */
final class ActivationOrderBenchmark {

    private ActivationOrderBenchmark() {}

    static List<BenchRow> run(SuiteMode mode) {
        List<BenchRow> rows = new ArrayList<>();
        rows.addAll(size(mode, 100_000, 400_000));
        if (mode == SuiteMode.FULL) {
            rows.addAll(size(mode, 1_000_000, 4_000_000));
        }
        return rows;
    }

    private static List<BenchRow> size(SuiteMode mode, int nodes, int edges) {
        boolean big = nodes > 100_000;
        int warmups = mode == SuiteMode.SHORT ? 3 : big ? 3 : 10;
        int runs = mode == SuiteMode.SHORT ? 5 : big ? 7 : 15;
        double budget = mode == SuiteMode.SHORT ? 3 : 10;
        Graph input = GraphInputs.randomDag(nodes, edges, GraphInputs.SEED);
        String label = String.format(
                Locale.ROOT, "activation order, %s nodes / %s edges (random DAG)", count(nodes), count(edges));

        Timing.settle();
        DependencyGraph graph = ours(input);
        long coldStart = System.nanoTime();
        Timing.sink += GraphAlgorithms.activationOrder(graph, graph.nodeIds()).size();
        double cold = (System.nanoTime() - coldStart) / 1e6;
        Timing.settle();
        double[] ours = Timing.millis(warmups, runs, budget, () -> {
            List<String> order = GraphAlgorithms.activationOrder(graph, graph.nodeIds());
            return order.size() + order.get(0).length();
        });
        graph.nodeIds(); // keep the graph reachable until here
        Timing.settle();

        int[][] csr = dependentsArrays(input);
        double[] kahn = Timing.millis(warmups, runs, budget, () -> {
            int[] order = intKahn(csr[0], csr[1], csr[2]);
            return order.length + order[0];
        });
        Timing.settle();
        int[][] ranks = nameRanks(input.nodes());
        double[] kahnById = Timing.millis(warmups, runs, budget, () -> {
            int[] order = intKahnSmallestIdFirst(csr[0], csr[1], csr[2], ranks[0], ranks[1]);
            return order.length + order[0];
        });
        Timing.settle();

        double[] jgrapht = jgrapht(input, Math.max(2, warmups / 2), runs, budget);
        Timing.settle();
        double[] pf4j = pf4j(input, Math.max(2, warmups / 2), runs, budget);
        Timing.settle();
        String resolveNote = big
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; PF4J's whole resolve() (it rebuilds its graph"
                                + " from the descriptors every call) median %.1f ms",
                        Timing.median(pf4jResolve(input)));

        double o = Timing.median(ours);
        List<BenchRow> rows = new ArrayList<>();
        String common = String.format(
                Locale.ROOT,
                "only the ordering is timed for every contender (graphs built"
                        + " before); median of %d runs after warm-up; ours p95 %.2f ms, first call after the node set"
                        + " changed %.1f ms (it also sorts the ids for the tie rule, cached until nodes change)",
                ours.length,
                Timing.p95(ours),
                cold);
        rows.add(BenchRow.fasterThan(
                label,
                "ms",
                o,
                "JGraphT 1.5.2 TopologicalOrderIterator",
                Timing.median(jgrapht),
                10,
                "≥ 10× faster",
                common));
        rows.add(BenchRow.fasterThan(
                label,
                "ms",
                o,
                "PF4J 3.13.0 DependencyResolver ordering" + " (DirectedGraph.reverseTopologicalSort)",
                Timing.median(pf4j),
                10,
                "≥ 10× faster",
                "PF4J median of " + pf4j.length + " runs" + resolveNote));
        rows.add(BenchRow.fasterThan(
                label,
                "ms",
                o,
                "plain int[] Kahn (FIFO ties, int[] result)",
                Timing.median(kahn),
                1 / 1.5,
                "within 1.5×",
                "ours breaks ties by smallest id"
                        + " (bitset ready queue over id ranks) and returns the ids as strings; the next row"
                        + " gives the same baseline with that tie rule"));
        rows.add(BenchRow.fasterThan(
                label,
                "ms",
                o,
                "plain int[] Kahn, smallest id first (binary heap over" + " id ranks, int[] result)",
                Timing.median(kahnById),
                1 / 1.5,
                "within 1.5× (same output)",
                "not a target of the issue: shows what the tie rule costs the baseline itself"));
        return rows;
    }

    static String count(int n) {
        return n >= 1_000_000 ? n / 1_000_000 + "M" : n / 1_000 + "k";
    }

    /** Our graph, nodes added dependencies first so that building it is quick. */
    static DependencyGraph ours(Graph input) {
        DependencyGraph graph = new DependencyGraph();
        for (int n : input.topological()) {
            graph.addNode(Graph.name(n));
        }
        for (int i = 0; i < input.edges(); i++) {
            if (graph.addExplicit(Graph.name(input.from()[i]), Graph.name(input.to()[i]))
                    .isPresent()) {
                throw new IllegalStateException("generated graph has a cycle");
            }
        }
        return graph;
    }

    /** Compressed arrays: for each node its dependents ({@code start}, {@code targets}) and its dependency count. */
    private static int[][] dependentsArrays(Graph input) {
        int n = input.nodes();
        int[] start = new int[n + 1];
        int[] needs = new int[n];
        for (int i = 0; i < input.edges(); i++) {
            start[input.to()[i] + 1]++;
            needs[input.from()[i]]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = start.clone();
        int[] targets = new int[input.edges()];
        for (int i = 0; i < input.edges(); i++) {
            targets[fill[input.to()[i]]++] = input.from()[i];
        }
        return new int[][] {start, targets, needs};
    }

    /** The practical limit: Kahn over int arrays, a FIFO of ready nodes. */
    static int[] intKahn(int[] start, int[] targets, int[] needs) {
        int n = needs.length;
        int[] remaining = needs.clone();
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int i = start[v], end = start[v + 1]; i < end; i++) {
                int d = targets[i];
                if (--remaining[d] == 0) {
                    queue[tail++] = d;
                }
            }
        }
        return queue;
    }

    /** Each node's rank in id order ({@code [0]}) and the node at each rank ({@code [1]}). */
    private static int[][] nameRanks(int nodes) {
        Integer[] sorted = new Integer[nodes];
        Arrays.setAll(sorted, i -> i);
        Arrays.sort(sorted, Comparator.comparing(Graph::name));
        int[] rankOf = new int[nodes];
        int[] nodeAt = new int[nodes];
        for (int r = 0; r < nodes; r++) {
            nodeAt[r] = sorted[r];
            rankOf[sorted[r]] = r;
        }
        return new int[][] {rankOf, nodeAt};
    }

    /** The same Kahn, ready nodes in a binary heap of their ranks: the smallest id first, as ours. */
    static int[] intKahnSmallestIdFirst(int[] start, int[] targets, int[] needs, int[] rankOf, int[] nodeAt) {
        int n = needs.length;
        int[] remaining = needs.clone();
        int[] heap = new int[n];
        int size = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                size = push(heap, size, rankOf[v]);
            }
        }
        int[] order = new int[n];
        int done = 0;
        while (size > 0) {
            int v = nodeAt[heap[0]];
            heap[0] = heap[--size];
            siftDown(heap, size);
            order[done++] = v;
            for (int i = start[v], end = start[v + 1]; i < end; i++) {
                int d = targets[i];
                if (--remaining[d] == 0) {
                    size = push(heap, size, rankOf[d]);
                }
            }
        }
        return order;
    }

    private static int push(int[] heap, int size, int key) {
        int i = size;
        while (i > 0 && heap[(i - 1) >>> 1] > key) {
            heap[i] = heap[(i - 1) >>> 1];
            i = (i - 1) >>> 1;
        }
        heap[i] = key;
        return size + 1;
    }

    private static void siftDown(int[] heap, int size) {
        int i = 0;
        int key = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= key) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = key;
    }

    private static double[] jgrapht(Graph input, int warmups, int runs, double budget) {
        // edges from dependency to dependent, so the topological order is the activation order
        DefaultDirectedGraph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int n = 0; n < input.nodes(); n++) {
            graph.addVertex(Graph.name(n));
        }
        for (int i = 0; i < input.edges(); i++) {
            graph.addEdge(Graph.name(input.to()[i]), Graph.name(input.from()[i]));
        }
        return Timing.millis(warmups, runs, budget, () -> {
            List<String> order = new ArrayList<>(input.nodes());
            new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
            return order.size();
        });
    }

    private static double[] pf4j(Graph input, int warmups, int runs, double budget) {
        // as DependencyResolver.resolve builds it: an edge from each plugin to each of its dependencies
        DirectedGraph<String> graph = new DirectedGraph<>();
        for (int n = 0; n < input.nodes(); n++) {
            graph.addVertex(Graph.name(n));
        }
        for (int i = 0; i < input.edges(); i++) {
            graph.addEdge(Graph.name(input.from()[i]), Graph.name(input.to()[i]));
        }
        return Timing.millis(
                warmups, runs, budget, () -> graph.reverseTopologicalSort().size());
    }

    private static double[] pf4jResolve(Graph input) {
        List<PluginDescriptor> descriptors = new ArrayList<>(input.nodes());
        DefaultPluginDescriptor[] byNode = new DefaultPluginDescriptor[input.nodes()];
        for (int n = 0; n < input.nodes(); n++) {
            byNode[n] = new DefaultPluginDescriptor(Graph.name(n), "", "Plugin", "1.0.0", "*", "bench", "");
            descriptors.add(byNode[n]);
        }
        for (int i = 0; i < input.edges(); i++) {
            byNode[input.from()[i]].addDependency(new PluginDependency(Graph.name(input.to()[i])));
        }
        return Timing.millis(1, 3, 10, () -> {
            DependencyResolver.Result result = new DependencyResolver(new DefaultVersionManager()).resolve(descriptors);
            if (!result.isOK()) {
                throw new IllegalStateException("PF4J could not resolve the generated plugins");
            }
            return result.getSortedPlugins().size();
        });
    }
}
