package io.happyos.registry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyGraphView.Edge;
import io.happyos.registry.DependencyGraphView.Node;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.GraphFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphExporterTest {

    static final DependencyGraphView SMALL = new DependencyGraphView(
            List.of(
                    new Node("base-util", "base-util", "bundle", ComponentStatus.ERROR),
                    new Node("calculator-skill", "calculator-skill", "skill", ComponentStatus.ACTIVE),
                    new Node("logger", "logger", "service", ComponentStatus.INACTIVE)),
            List.of(
                    new Edge("calculator-skill", "base-util", DependencyOrigin.DECLARED),
                    new Edge("calculator-skill", "logger", DependencyOrigin.EXPLICIT)));

    static final String AWKWARD_ID = "we\"ird\\id.v1@host#2 <x>&y";

    static final DependencyGraphView AWKWARD = new DependencyGraphView(
            List.of(
                    new Node(AWKWARD_ID, "na\"me\n", "ty\tpe", ComponentStatus.REGISTERED),
                    new Node("org.example-1.0@x#y", "plain", "bundle", ComponentStatus.DISCOVERED)),
            List.of(new Edge(AWKWARD_ID, "org.example-1.0@x#y", DependencyOrigin.DECLARED)));

    @Test
    void dot() {
        assertThat(GraphExporter.export(SMALL, GraphFormat.DOT)).isEqualTo("""
                digraph dependencies {
                  rankdir=LR;
                  node [shape=box];
                  "base-util" [label="base-util\\nbundle · ERROR", color=red, fontcolor=red];
                  "calculator-skill" [label="calculator-skill\\nskill · ACTIVE", color=green];
                  "logger" [label="logger\\nservice · INACTIVE", color=grey, fontcolor=grey];
                  "calculator-skill" -> "base-util";
                  "calculator-skill" -> "logger" [style=dashed];
                }
                """);
    }

    @Test
    void mermaid() {
        assertThat(GraphExporter.export(SMALL, GraphFormat.MERMAID)).isEqualTo("""
                flowchart LR
                    n0["base-util<br/>bundle · ERROR"]:::error
                    n1["calculator-skill<br/>skill · ACTIVE"]:::active
                    n2["logger<br/>service · INACTIVE"]:::inactive
                    n1 --> n0
                    n1 -.-> n2
                    classDef discovered fill:#ffffff,stroke:#757575,stroke-dasharray:3 3
                    classDef registered fill:#e3ecfa,stroke:#1565c0
                    classDef active fill:#d8f5d8,stroke:#2e7d32
                    classDef inactive fill:#eeeeee,stroke:#9e9e9e,color:#616161
                    classDef error fill:#fbdada,stroke:#c62828
                """);
    }

    @Test
    void json() {
        assertThat(GraphExporter.export(SMALL, GraphFormat.JSON))
                .isEqualTo("{\"nodes\":["
                        + "{\"id\":\"base-util\",\"name\":\"base-util\",\"type\":\"bundle\",\"status\":\"ERROR\"},"
                        + "{\"id\":\"calculator-skill\",\"name\":\"calculator-skill\",\"type\":\"skill\","
                        + "\"status\":\"ACTIVE\"},"
                        + "{\"id\":\"logger\",\"name\":\"logger\",\"type\":\"service\",\"status\":\"INACTIVE\"}],"
                        + "\"edges\":["
                        + "{\"from\":\"calculator-skill\",\"to\":\"base-util\",\"origin\":\"declared\"},"
                        + "{\"from\":\"calculator-skill\",\"to\":\"logger\",\"origin\":\"explicit\"}]}");
    }

    @Test
    void emptyGraph() {
        DependencyGraphView empty = new DependencyGraphView(List.of(), List.of());
        assertThat(GraphExporter.export(empty, GraphFormat.JSON)).isEqualTo("{\"nodes\":[],\"edges\":[]}");
        assertThat(GraphExporter.export(empty, GraphFormat.DOT))
                .isEqualTo("digraph dependencies {\n  rankdir=LR;\n  node [shape=box];\n}\n");
    }

    @Test
    void dotEscapesQuotesAndBackslashes() {
        assertThat(GraphExporter.export(AWKWARD, GraphFormat.DOT))
                .contains(
                        "\"we\\\"ird\\\\id.v1@host#2 <x>&y\" [label=\"we\\\"ird\\\\id.v1@host#2 <x>&y\\nty\tpe · REGISTERED\"];",
                        "\"we\\\"ird\\\\id.v1@host#2 <x>&y\" -> \"org.example-1.0@x#y\";");
    }

    @Test
    void mermaidUsesEntityCodes() {
        assertThat(GraphExporter.export(AWKWARD, GraphFormat.MERMAID))
                .contains(
                        "n0[\"we#quot;ird\\id.v1@host#35;2 #lt;x#gt;#amp;y<br/>ty\tpe · REGISTERED\"]:::registered\n",
                        "n1[\"org.example-1.0@x#35;y<br/>bundle · DISCOVERED\"]:::discovered\n",
                        "n0 --> n1\n");
    }

    @Test
    void mermaidDeclaresAnEdgeEndNotAmongTheNodes() {
        DependencyGraphView partial = new DependencyGraphView(
                List.of(new Node("a", "a", "skill", ComponentStatus.ACTIVE)),
                List.of(new Edge("a", "elsewhere", DependencyOrigin.EXPLICIT)));

        assertThat(GraphExporter.export(partial, GraphFormat.MERMAID))
                .contains("    n1[\"elsewhere\"]\n    n0 -.-> n1\n");
    }

    @Test
    void jsonEscapesAsRfc8259Says() {
        assertThat(GraphExporter.export(AWKWARD, GraphFormat.JSON))
                .startsWith("{\"nodes\":[{\"id\":\"we\\\"ird\\\\id.v1@host#2 <x>&y\",\"name\":\"na\\\"me\\n\","
                        + "\"type\":\"ty\\tpe\",\"status\":\"REGISTERED\"}");
        DependencyGraphView control = new DependencyGraphView(
                List.of(new Node("a\u0001\u001f\b\f\r\u2028\ud800é", "n", "t", ComponentStatus.ACTIVE)), List.of());
        assertThat(GraphExporter.export(control, GraphFormat.JSON))
                .contains("\"id\":\"a\\u0001\\u001f\\b\\f\\r\\u2028\\ud800é\"");
    }
}
