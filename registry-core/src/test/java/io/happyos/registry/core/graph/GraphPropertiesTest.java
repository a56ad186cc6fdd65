package io.happyos.registry.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the graph algorithms on random graphs, checked against brute force. */
class GraphPropertiesTest {

    /** A graph as a node count and a list of edges (dependent, dependency). */
    record RandomGraph(int size, List<int[]> edges) {
        DependencyGraph build(boolean explicitOnlyAcyclic) {
            DependencyGraph graph = new DependencyGraph();
            for (int i = 0; i < size; i++) {
                graph.addNode(name(i));
            }
            Map<String, List<String>> none = Map.of();
            List<int[]> kept = new ArrayList<>();
            for (int[] e : edges) {
                if (explicitOnlyAcyclic) {
                    if (graph.addExplicit(name(e[0]), name(e[1])).isEmpty()) {
                        kept.add(e);
                    }
                } else {
                    declare(graph, e);
                }
            }
            return graph;
        }

        private void declare(DependencyGraph graph, int[] e) {
            Map<String, List<String>> current = new java.util.HashMap<>();
            for (var d : graph.dependencyDetails(name(e[0]))) {
                current.computeIfAbsent(d.id(), k -> new ArrayList<>()).add("req");
            }
            current.put(name(e[1]), List.of("req"));
            graph.setDeclared(name(e[0]), current);
        }

        boolean[][] reach() {
            boolean[][] r = new boolean[size][size];
            for (int[] e : edges) {
                if (e[0] != e[1]) {
                    r[e[0]][e[1]] = true;
                }
            }
            for (int k = 0; k < size; k++) {
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        r[i][j] |= r[i][k] && r[k][j];
                    }
                }
            }
            return r;
        }
    }

    static String name(int i) {
        return String.format("c%02d", i);
    }

    @Provide
    Arbitrary<RandomGraph> graphs() {
        return Arbitraries.integers().between(1, 25).flatMap(n -> {
            Arbitrary<int[]> edge = Combinators.combine(
                            Arbitraries.integers().between(0, n - 1),
                            Arbitraries.integers().between(0, n - 1))
                    .as((a, b) -> new int[] {a, b});
            return edge.list().ofMaxSize(n * 3).map(edges -> new RandomGraph(n, edges));
        });
    }

    @Provide
    Arbitrary<RandomGraph> dags() {
        return graphs().map(g -> new RandomGraph(
                g.size(),
                g.edges().stream()
                        .filter(e -> e[0] != e[1])
                        .map(e -> new int[] {Math.max(e[0], e[1]), Math.min(e[0], e[1])})
                        .toList()));
    }

    @Property
    void activationOrderPutsEveryComponentAfterItsDependencies(@ForAll("dags") RandomGraph g) {
        DependencyGraph graph = g.build(false);
        List<String> order = GraphAlgorithms.activationOrder(graph, graph.nodeIds());
        assertThat(order).hasSize(g.size()).doesNotHaveDuplicates();
        for (int[] e : g.edges()) {
            assertThat(order.indexOf(name(e[0])))
                    .as("%s after %s", name(e[0]), name(e[1]))
                    .isGreaterThan(order.indexOf(name(e[1])));
        }
    }

    @Property
    void activationOrderOfSomeRootsIsTheirDependencyClosure(@ForAll("dags") RandomGraph g) {
        DependencyGraph graph = g.build(false);
        boolean[][] reach = g.reach();
        List<String> order = GraphAlgorithms.activationOrder(graph, List.of(name(g.size() - 1)));
        Set<String> expected = new HashSet<>();
        expected.add(name(g.size() - 1));
        for (int j = 0; j < g.size(); j++) {
            if (reach[g.size() - 1][j]) {
                expected.add(name(j));
            }
        }
        assertThat(order).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(order.get(order.size() - 1)).isEqualTo(name(g.size() - 1));
    }

    @Property
    void activationOrderIsDeterministic(@ForAll("graphs") RandomGraph g) {
        List<String> first = GraphAlgorithms.activationOrder(g.build(false), List.of(name(0)));
        List<String> second = GraphAlgorithms.activationOrder(g.build(false), List.of(name(0)));
        assertThat(first).isEqualTo(second);
    }

    @Property
    void cyclicGroupsComeTogetherAfterTheirDependencies(@ForAll("graphs") RandomGraph g) {
        DependencyGraph graph = g.build(false);
        boolean[][] reach = g.reach();
        List<List<String>> groups = GraphAlgorithms.activationGroups(graph, graph.nodeIds());
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            for (String id : groups.get(i)) {
                position.put(id, i);
            }
        }
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < g.size(); j++) {
                boolean together = i == j || reach[i][j] && reach[j][i];
                assertThat(position.get(name(i)).equals(position.get(name(j)))).isEqualTo(together);
                if (reach[i][j] && !together) {
                    assertThat(position.get(name(i))).isGreaterThan(position.get(name(j)));
                }
            }
        }
    }

    @Property
    void cyclesAgreeWithBruteForce(@ForAll("graphs") RandomGraph g) {
        DependencyGraph graph = g.build(false);
        boolean[][] reach = g.reach();
        Set<Set<String>> expected = new HashSet<>();
        for (int i = 0; i < g.size(); i++) {
            Set<String> group = new java.util.TreeSet<>();
            for (int j = 0; j < g.size(); j++) {
                if (i != j && reach[i][j] && reach[j][i]) {
                    group.add(name(j));
                }
            }
            if (!group.isEmpty()) {
                group.add(name(i));
                expected.add(group);
            }
        }
        Set<Set<String>> actual = new HashSet<>();
        for (List<String> cycle : GraphAlgorithms.cycles(graph)) {
            actual.add(new java.util.TreeSet<>(cycle));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Property
    void explicitEdgesNeverCloseACycleAndReportTheirPath(@ForAll("graphs") RandomGraph g) {
        DependencyGraph graph = new DependencyGraph();
        for (int i = 0; i < g.size(); i++) {
            graph.addNode(name(i));
        }
        for (int[] e : g.edges()) {
            String from = name(e[0]);
            String to = name(e[1]);
            boolean predicted = graph.findPath(to, from).isPresent();
            Optional<List<String>> cycle = graph.addExplicit(from, to);
            if (graph.hasExplicit(from, to) && cycle.isEmpty()) {
                assertThat(predicted).isFalse();
            } else {
                assertThat(predicted).isTrue();
                List<String> path = cycle.orElseThrow();
                assertThat(path.get(0)).isEqualTo(from);
                assertThat(path.get(path.size() - 1)).isEqualTo(from);
                if (path.size() > 1) {
                    assertThat(path.get(1)).isEqualTo(to);
                }
                for (int i = 1; i + 1 < path.size(); i++) {
                    assertThat(graph.dependencies(path.get(i))).contains(path.get(i + 1));
                }
                assertThat(graph.hasExplicit(from, to)).isFalse();
            }
        }
        assertThat(GraphAlgorithms.cycles(graph)).isEmpty();
    }

    @Property
    void findPathAgreesWithBruteForceReachability(@ForAll("graphs") RandomGraph g) {
        DependencyGraph graph = g.build(false);
        boolean[][] reach = g.reach();
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < g.size(); j++) {
                boolean expected = i == j || reach[i][j];
                assertThat(graph.findPath(name(i), name(j)).isPresent()).isEqualTo(expected);
            }
        }
    }
}
