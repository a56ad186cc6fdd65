package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.text.DependencyTree;
import io.happyos.registry.text.DependencyTree.Mark;
import io.happyos.registry.text.DependencyTree.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DependencyTreeTest {

    /** A graph of package imports: each edge imports package "p.TARGET". */
    private static final class Graph implements DependencyTree.Graph {
        final Map<String, List<Dependency>> edges = new TreeMap<>();
        final Map<String, ComponentStatus> statuses = new HashMap<>();

        Graph edge(String from, String to) {
            statuses.putIfAbsent(from, ComponentStatus.ACTIVE);
            statuses.putIfAbsent(to, ComponentStatus.ACTIVE);
            edges.computeIfAbsent(from, k -> new ArrayList<>())
                    .add(new Dependency(
                            to,
                            DependencyOrigin.DECLARED,
                            "osgi.wiring.package;filter:=\"(osgi.wiring.package=p." + to + ")\""));
            return this;
        }

        @Override
        public List<Dependency> edges(String id) {
            return edges.getOrDefault(id, List.of());
        }

        @Override
        public ComponentStatus status(String id) {
            return statuses.get(id);
        }
    }

    private static List<String> text(Node root) {
        return TreeText.lines(root, Ansi.PLAIN);
    }

    @Test
    void aCycleIsShownOnceAndMarkedWhereItCloses() {
        Graph g = new Graph().edge("a", "b").edge("b", "c").edge("c", "a").edge("c", "d");
        g.statuses.put("d", ComponentStatus.ERROR);

        Node tree = DependencyTree.build("a", g, Integer.MAX_VALUE);

        assertThat(text(tree))
                .containsExactly(
                        "a ACTIVE",
                        "\\-- b ACTIVE  via Import-Package p.b",
                        "    \\-- c ACTIVE  via Import-Package p.c",
                        "        +-- a ACTIVE  via Import-Package p.a  <- cycle back to a",
                        "        \\-- d ERROR  via Import-Package p.d");
        Node closing = tree.children().get(0).children().get(0).children().get(0);
        assertThat(closing.mark()).isEqualTo(Mark.CYCLE);
        assertThat(closing.children()).isEmpty();
    }

    @Test
    void aSelfLoopIsACycleToo() {
        Node tree = DependencyTree.build("a", new Graph().edge("a", "a"), Integer.MAX_VALUE);
        assertThat(text(tree)).containsExactly("a ACTIVE", "\\-- a ACTIVE  via Import-Package p.a  <- cycle back to a");
    }

    @Test
    void aSubtreeShownAboveIsNotShownAgainButALeafIs() {
        Graph g = new Graph()
                .edge("x", "y")
                .edge("x", "z")
                .edge("y", "w")
                .edge("z", "w")
                .edge("w", "v")
                .edge("y", "leaf")
                .edge("z", "leaf");

        assertThat(text(DependencyTree.build("x", g, Integer.MAX_VALUE)))
                .containsExactly(
                        "x ACTIVE",
                        "+-- y ACTIVE  via Import-Package p.y",
                        "|   +-- leaf ACTIVE  via Import-Package p.leaf",
                        "|   \\-- w ACTIVE  via Import-Package p.w",
                        "|       \\-- v ACTIVE  via Import-Package p.v",
                        "\\-- z ACTIVE  via Import-Package p.z",
                        "    +-- leaf ACTIVE  via Import-Package p.leaf",
                        "    \\-- w ACTIVE  via Import-Package p.w  (see above)");
    }

    @Test
    void theDepthLimitStopsUnfoldingAndSaysSo() {
        Graph g = new Graph().edge("a", "b").edge("b", "c").edge("c", "d").edge("a", "e");
        assertThat(text(DependencyTree.build("a", g, 2)))
                .containsExactly(
                        "a ACTIVE",
                        "+-- b ACTIVE  via Import-Package p.b",
                        "|   \\-- c ACTIVE  via Import-Package p.c  (more below: raise --depth)",
                        "\\-- e ACTIVE  via Import-Package p.e");
        assertThat(text(DependencyTree.build("a", g, 1)))
                .contains("+-- b ACTIVE  via Import-Package p.b  (more below: " + "raise --depth)");
        assertThatThrownBy(() -> DependencyTree.build("a", g, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalEdgesToOneComponentAreOneChildWithEveryReason() {
        Graph g = new Graph().edge("a", "b");
        g.edges
                .get("a")
                .add(new Dependency(
                        "b",
                        DependencyOrigin.DECLARED,
                        "osgi.wiring.package;filter:=\"(osgi.wiring.package=p.more)\""));
        g.edges.get("a").add(new Dependency("b", DependencyOrigin.EXPLICIT, null));
        assertThat(text(DependencyTree.build("a", g, 5)))
                .containsExactly("a ACTIVE", "\\-- b ACTIVE  via Import-Package p.b, p.more; explicit");
    }

    @Test
    void aComponentGoneMeanwhileIsShownAsGone() {
        Graph g = new Graph().edge("a", "b");
        g.statuses.remove("b");
        assertThat(text(DependencyTree.build("a", g, 5)))
                .containsExactly("a ACTIVE", "\\-- b gone  via Import-Package p.b");
    }

    @Test
    void withLineDrawingAndColours() {
        Graph g = new Graph().edge("a", "b").edge("b", "a").edge("a", "c");
        assertThat(TreeText.lines(DependencyTree.build("a", g, 9), new Ansi(true, false, true)))
                .containsExactly(
                        "a ACTIVE",
                        "\u251c\u2500\u2500 b ACTIVE  via Import-Package p.b",
                        "\u2502   \u2514\u2500\u2500 a ACTIVE  via Import-Package p.a  \u21ba cycle back to a",
                        "\u2514\u2500\u2500 c ACTIVE  via Import-Package p.c");
        List<String> coloured = TreeText.lines(DependencyTree.build("a", g, 9), new Ansi(true, true, true));
        assertThat(coloured.get(0)).isEqualTo("a \u001b[32mACTIVE\u001b[0m");
        assertThat(coloured.get(2)).contains("\u001b[33m\u21ba cycle back to a\u001b[0m");
    }

    @Test
    void aVeryLongChainDoesNotOverflowTheStack() {
        Graph g = new Graph();
        int length = 100_000;
        for (int i = 0; i < length; i++) {
            g.edge("n" + i, "n" + (i + 1));
        }
        Node node = DependencyTree.build("n0", g, Integer.MAX_VALUE);
        int depth = 0;
        while (!node.children().isEmpty()) {
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(length);
        assertThat(node.id()).isEqualTo("n" + length);

        int shorter = 3_000;
        List<String> lines = text(DependencyTree.build("n" + (length - shorter), g, Integer.MAX_VALUE));
        assertThat(lines).hasSize(shorter + 1);
        assertThat(lines.get(shorter))
                .isEqualTo(
                        " ".repeat(4 * (shorter - 1)) + "\\-- n" + length + " ACTIVE  via Import-Package p.n" + length);
    }

    @Test
    void onRandomGraphsEveryReachableComponentAppearsAndIsUnfoldedAtMostOnce() {
        Random random = new Random(20250102);
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(12);
            Graph g = new Graph();
            g.statuses.put("c0", ComponentStatus.ACTIVE);
            int edges = random.nextInt(size * 3);
            for (int i = 0; i < edges; i++) {
                g.edge("c" + random.nextInt(size), "c" + random.nextInt(size));
            }
            Node tree = DependencyTree.build("c0", g, Integer.MAX_VALUE);
            checkInvariants(g, tree);
        }
    }

    private static void checkInvariants(Graph g, Node root) {
        Set<String> reachable = reachable(g, "c0");
        Set<String> shown = new HashSet<>();
        Set<String> unfolded = new HashSet<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, List.<String>of()});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Node node = (Node) item[0];
            @SuppressWarnings("unchecked")
            List<String> ancestors = (List<String>) item[1];
            shown.add(node.id());
            if (node.mark() == Mark.CYCLE) {
                assertThat(ancestors).as("a cycle closes on an ancestor").contains(node.id());
            } else {
                assertThat(ancestors).as("no node below itself unless marked").doesNotContain(node.id());
            }
            if (!node.children().isEmpty()) {
                assertThat(unfolded.add(node.id()))
                        .as(node.id() + " unfolded twice")
                        .isTrue();
                assertThat(node.children())
                        .extracting(Node::id)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(g.edges(node.id()).stream()
                                .map(Dependency::id)
                                .distinct()
                                .toList());
            }
            List<String> below = new ArrayList<>(ancestors);
            below.add(node.id());
            node.children().forEach(c -> todo.push(new Object[] {c, below}));
        }
        assertThat(shown).isEqualTo(reachable);
    }

    private static Set<String> reachable(Graph g, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                g.edges(next).forEach(d -> todo.push(d.id()));
            }
        }
        return seen;
    }
}
