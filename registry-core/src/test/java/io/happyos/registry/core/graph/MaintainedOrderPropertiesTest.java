package io.happyos.registry.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The primitive structure behind {@link DependencyGraph}: after any sequence of changes the
 * maintained order is a topological order of its ordered edges, an acyclic verdict is true, explicit
 * edges are refused exactly when brute force finds a path back, and activation orders equal those
 * of a plain reference implementation (string ids, a priority queue on the smallest id).
 */
class MaintainedOrderPropertiesTest {

    private static final int NODES = 12;

    /** One change: 0 add node a, 1 remove node a, 2 declare a → b (added to a's declared set), 3 undeclare all of a, 4 explicit a → b, 5 remove explicit a → b. */
    record Op(int kind, int a, int b) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, NODES - 1);
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(2, 0),
                net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(3, 2),
                net.jqwik.api.Tuple.of(1, 3),
                net.jqwik.api.Tuple.of(6, 4),
                net.jqwik.api.Tuple.of(2, 5));
        return Combinators.combine(kind, node, node)
                .as(Op::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(80);
    }

    static String name(int i) {
        return "n" + (char) ('a' + (i * 7) % NODES);
    }

    /** Applies the ops to a graph and to a plain model, checking the invariants after each. */
    @Property
    void maintainedOrderStaysValidAndExplicitRefusalAgreesWithBruteForce(@ForAll("ops") List<Op> ops) {
        DependencyGraph graph = new DependencyGraph();
        Map<String, Map<String, List<String>>> declared = new HashMap<>();
        for (Op op : ops) {
            String a = name(op.a());
            String b = name(op.b());
            switch (op.kind()) {
                case 0 -> graph.addNode(a);
                case 1 -> {
                    graph.removeNode(a);
                    declared.remove(a);
                    declared.values().forEach(m -> m.remove(a));
                }
                case 2 -> {
                    if (graph.contains(a)) {
                        declared.computeIfAbsent(a, k -> new HashMap<>()).put(b, List.of("req " + b));
                        graph.setDeclared(a, declared.get(a));
                    }
                }
                case 3 -> {
                    if (graph.contains(a)) {
                        declared.remove(a);
                        graph.setDeclared(a, Map.of());
                    }
                }
                case 4 -> {
                    if (graph.contains(a) && graph.contains(b)) {
                        boolean existed = graph.dependencies(a).contains(b);
                        boolean pathBack = reaches(graph.adjacency(), b, a);
                        Optional<List<String>> cycle = graph.addExplicit(a, b);
                        if (existed || !pathBack) {
                            assertThat(cycle).isEmpty();
                            assertThat(graph.hasExplicit(a, b)).isTrue();
                        } else {
                            assertThat(cycle).isPresent();
                            assertThat(graph.hasExplicit(a, b)).isFalse();
                            assertThat(graph.dependencies(a)).doesNotContain(b);
                        }
                    }
                }
                default -> graph.removeExplicit(a, b);
            }
            checkInvariants(graph);
        }
    }

    private static void checkInvariants(DependencyGraph graph) {
        IntGraph g = graph.ints();
        Set<Integer> positions = new HashSet<>();
        int live = 0;
        for (int n = 0; n < g.nodeLimit(); n++) {
            if (!g.alive[n]) {
                continue;
            }
            live++;
            assertThat(positions.add(g.ord[n])).as("positions are distinct").isTrue();
            for (int i = 0; i < g.outCount[n]; i++) {
                int e = g.outEdge[n][i];
                int to = g.outNode[n][i];
                assertThat(g.edgeFrom[e]).isEqualTo(n);
                assertThat(g.edgeTo[e]).isEqualTo(to);
                if ((g.edgeFlags[e] & IntGraph.UNORDERED) == 0) {
                    assertThat(g.ord[to])
                            .as("%s before %s", graph.name(to), graph.name(n))
                            .isLessThan(g.ord[n]);
                }
            }
        }
        assertThat(live).isEqualTo(graph.size());
        Map<String, Set<String>> adjacency = graph.adjacency();
        boolean cyclic = adjacency.keySet().stream()
                .anyMatch(id -> adjacency.get(id).stream().anyMatch(d -> reaches(adjacency, d, id)));
        if (graph.acyclic()) {
            assertThat(cyclic).as("acyclic verdict").isFalse();
        }
        assertThat(GraphAlgorithms.activationOrder(graph, graph.nodeIds()))
                .isEqualTo(referenceOrder(adjacency, adjacency.keySet()));
        for (String root : adjacency.keySet()) {
            assertThat(GraphAlgorithms.activationOrder(graph, List.of(root)))
                    .isEqualTo(referenceOrder(adjacency, closure(adjacency, root)));
        }
    }

    private static boolean reaches(Map<String, Set<String>> adjacency, String from, String to) {
        return closure(adjacency, from).contains(to);
    }

    private static Set<String> closure(Map<String, Set<String>> adjacency, String root) {
        Set<String> seen = new HashSet<>(List.of(root));
        List<String> todo = new ArrayList<>(seen);
        while (!todo.isEmpty()) {
            for (String next : adjacency.get(todo.remove(todo.size() - 1))) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    /** The former implementation's rule, written plainly: groups of mutual reachability, Kahn by smallest id. */
    private static List<String> referenceOrder(Map<String, Set<String>> adjacency, Set<String> nodes) {
        Map<String, TreeSet<String>> groupOf = new HashMap<>();
        for (String a : nodes) {
            TreeSet<String> group = new TreeSet<>();
            for (String b : nodes) {
                if (a.equals(b) || reaches(adjacency, a, b) && reaches(adjacency, b, a)) {
                    group.add(b);
                }
            }
            groupOf.put(a, group);
        }
        Set<TreeSet<String>> groups = new HashSet<>(groupOf.values());
        Map<TreeSet<String>, Integer> remaining = new HashMap<>();
        for (TreeSet<String> group : groups) {
            Set<TreeSet<String>> needs = new HashSet<>();
            for (String id : group) {
                for (String d : adjacency.get(id)) {
                    if (!groupOf.get(d).equals(group)) {
                        needs.add(groupOf.get(d));
                    }
                }
            }
            remaining.put(group, needs.size());
        }
        PriorityQueue<TreeSet<String>> ready =
                new PriorityQueue<>((x, y) -> x.first().compareTo(y.first()));
        groups.stream().filter(group -> remaining.get(group) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            TreeSet<String> group = ready.poll();
            order.addAll(group);
            for (TreeSet<String> other : groups) {
                if (!other.equals(group)
                        && other.stream()
                                .anyMatch(id -> adjacency.get(id).stream().anyMatch(group::contains))) {
                    if (remaining.merge(other, -1, Integer::sum) == 0) {
                        ready.add(other);
                    }
                }
            }
        }
        return order;
    }

    @Property
    void readyQueueHandsOutTheSmallestFirst(@ForAll("queueOps") List<Integer> ops) {
        int size = 70_000;
        ReadyQueue queue = new ReadyQueue(size);
        TreeSet<Integer> model = new TreeSet<>();
        for (int op : ops) {
            if (op < 0) {
                assertThat(queue.isEmpty()).isEqualTo(model.isEmpty());
                if (!model.isEmpty()) {
                    assertThat(queue.poll()).isEqualTo(model.pollFirst());
                }
            } else if (model.add(op % size)) {
                queue.add(op % size);
            }
        }
        while (!model.isEmpty()) {
            assertThat(queue.poll()).isEqualTo(model.pollFirst());
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<List<Integer>> queueOps() {
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(-1, -1),
                        Arbitraries.integers().between(0, 200),
                        Arbitraries.integers().between(0, 69_999))
                .list()
                .ofMaxSize(300);
    }
}
