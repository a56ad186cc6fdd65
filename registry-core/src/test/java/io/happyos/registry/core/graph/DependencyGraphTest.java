package io.happyos.registry.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private final DependencyGraph graph = new DependencyGraph();

    private void nodes(String... ids) {
        for (String id : ids) {
            graph.addNode(id);
        }
    }

    @Test
    void explicitEdgeThatClosesACycleIsRefusedWithItsPathAndChangesNothing() {
        nodes("a", "b", "c");
        assertThat(graph.addExplicit("a", "b")).isEmpty();
        assertThat(graph.addExplicit("b", "c")).isEmpty();

        assertThat(graph.addExplicit("c", "a")).contains(List.of("c", "a", "b", "c"));
        assertThat(graph.dependencies("c")).isEmpty();
        assertThat(graph.dependents("a")).isEmpty();
    }

    @Test
    void selfDependencyIsACycle() {
        nodes("a");
        assertThat(graph.addExplicit("a", "a")).contains(List.of("a", "a"));
    }

    @Test
    void declaredEdgesAreReplacedButExplicitOnesSurvive() {
        nodes("a", "b", "c");
        graph.setDeclared("a", Map.of("b", List.of("req-b")));
        graph.addExplicit("a", "c");
        graph.addExplicit("a", "b");

        graph.setDeclared("a", Map.of());

        assertThat(graph.dependencies("a")).containsExactlyInAnyOrder("b", "c");
        assertThat(graph.dependencyDetails("a"))
                .containsExactly(
                        new Dependency("b", DependencyOrigin.EXPLICIT, null),
                        new Dependency("c", DependencyOrigin.EXPLICIT, null));
    }

    @Test
    void removingAnExplicitEdgeKeepsTheDeclaredOne() {
        nodes("a", "b");
        graph.setDeclared("a", Map.of("b", List.of("osgi.wiring.package;filter:=\"(x=1)\"")));
        graph.addExplicit("a", "b");

        assertThat(graph.removeExplicit("a", "b")).isTrue();
        assertThat(graph.removeExplicit("a", "b")).isFalse();
        assertThat(graph.dependencyDetails("a"))
                .containsExactly(
                        new Dependency("b", DependencyOrigin.DECLARED, "osgi.wiring.package;filter:=\"(x=1)\""));
    }

    @Test
    void removingANodeRemovesItsEdgesBothWays() {
        nodes("a", "b", "c");
        graph.addExplicit("a", "b");
        graph.addExplicit("b", "c");
        graph.removeNode("b");
        assertThat(graph.dependencies("a")).isEmpty();
        assertThat(graph.dependents("c")).isEmpty();
    }

    @Test
    void declaredCycleIsOrderedAsOneSortedGroupAfterItsDependencies() {
        nodes("x", "y", "z", "base", "top");
        graph.setDeclared("x", Map.of("y", List.of("r"), "base", List.of("r")));
        graph.setDeclared("y", Map.of("z", List.of("r")));
        graph.setDeclared("z", Map.of("x", List.of("r")));
        graph.setDeclared("top", Map.of("y", List.of("r")));

        assertThat(GraphAlgorithms.activationOrder(graph, List.of("top")))
                .containsExactly("base", "x", "y", "z", "top");
        assertThat(GraphAlgorithms.cycles(graph)).containsExactly(List.of("x", "y", "z"));
    }

    @Test
    void tiesAreBrokenById() {
        nodes("d", "c", "b", "a");
        assertThat(GraphAlgorithms.activationOrder(graph, graph.nodeIds())).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aSmallPartIsOrderedByIdWhileTheSetOfNodesChanges() {
        for (int i = 39; i >= 0; i--) {
            graph.addNode("m" + i);
        }
        graph.setDeclared("m5", Map.of("m3", List.of("r"), "m20", List.of("r"), "m1", List.of("r")));
        assertThat(GraphAlgorithms.activationOrder(graph, List.of("m5"))).containsExactly("m1", "m20", "m3", "m5");

        graph.addNode("m40");
        graph.setDeclared("m3", Map.of("m5", List.of("r")));
        assertThat(GraphAlgorithms.activationGroups(graph, List.of("m5")))
                .containsExactly(List.of("m1"), List.of("m20"), List.of("m3", "m5"));
        assertThat(GraphAlgorithms.activationOrder(graph, graph.nodeIds())).startsWith("m0", "m1", "m10", "m11");
    }

    @Test
    void unknownNodeIsAnError() {
        assertThatThrownBy(() -> graph.dependencies("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEdgeThatFitsTheOrderIsCheckedWithoutASearchAndOneThatDoesNotSearchesOnlyBetweenItsEnds() {
        for (int i = 0; i < 1_000; i++) {
            graph.addNode("n" + i);
        }
        for (int i = 1; i < 1_000; i++) {
            assertThat(graph.addExplicit("n" + i, "n" + (i - 1))).isEmpty();
        }
        assertThat(graph.orderSearchVisits()).isZero();

        graph.addNode("late");
        assertThat(graph.addExplicit("n0", "late")).isEmpty();
        // the region between n0 and late holds the whole chain: forward search visits it all
        assertThat(graph.orderSearchVisits()).isEqualTo(1_001);
        assertThat(GraphAlgorithms.activationOrder(graph, List.of("n999"))).startsWith("late", "n0", "n1");

        long before = graph.orderSearchVisits();
        graph.addNode("x");
        assertThat(graph.addExplicit("x", "n500")).isEmpty();
        assertThat(graph.orderSearchVisits()).isEqualTo(before);
        assertThat(graph.addExplicit("late", "x"))
                .hasValueSatisfying(cycle -> assertThat(cycle)
                        .hasSize(504)
                        .startsWith("late", "x", "n500")
                        .endsWith("n0", "late"));
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            graph.addNode("n" + i);
        }
        for (int i = 1; i < n; i++) {
            graph.setDeclared("n" + i, Map.of("n" + (i - 1), List.of("r")));
        }
        List<String> order = GraphAlgorithms.activationOrder(graph, List.of("n" + (n - 1)));
        assertThat(order).hasSize(n);
        assertThat(order.get(0)).isEqualTo("n0");
    }
}
