package io.happyos.registry.core.export;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyGraphView.Edge;
import io.happyos.registry.DependencyGraphView.Node;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.text.JsonOutput;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a dependency graph as text: Graphviz DOT, a Mermaid flowchart, or JSON. Edges point from
 * the dependent to its dependency; explicit dependencies are drawn dashed, declared ones solid.
 */
public final class GraphExporter {

    private GraphExporter() {}

    /**
     * The graph as text in one format.
     *
     * @param view the graph
     * @param format the format
     * @return the text, ending with a line break for DOT and Mermaid, without one for JSON
     * @throws NullPointerException when an argument is null
     */
    public static String export(DependencyGraphView view, GraphFormat format) {
        Objects.requireNonNull(view, "view");
        return switch (Objects.requireNonNull(format, "format")) {
            case DOT -> dot(view);
            case MERMAID -> MermaidWriter.write(view);
            case JSON -> json(view);
        };
    }

    private static String dot(DependencyGraphView view) {
        StringBuilder out = new StringBuilder("digraph dependencies {\n  rankdir=LR;\n  node [shape=box];\n");
        for (Node node : view.nodes()) {
            out.append("  ")
                    .append(dotQuote(node.id()))
                    .append(" [label=")
                    .append(dotQuote(node.id() + "\n" + node.type() + " · " + node.status()))
                    .append(dotStyle(node.status()))
                    .append("];\n");
        }
        for (Edge edge : view.edges()) {
            out.append("  ").append(dotQuote(edge.from())).append(" -> ").append(dotQuote(edge.to()));
            if (edge.origin() == DependencyOrigin.EXPLICIT) {
                out.append(" [style=dashed]");
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String dotStyle(ComponentStatus status) {
        return switch (status) {
            case ACTIVE -> ", color=green";
            case ERROR -> ", color=red, fontcolor=red";
            case INACTIVE -> ", color=grey, fontcolor=grey";
            default -> "";
        };
    }

    /**
     * A DOT double-quoted string. Inside one only {@code "} and the backslash are special (a
     * backslash starts an escape such as {@code \n}), and a line break becomes {@code \n}.
     */
    static String dotQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String json(DependencyGraphView view) {
        return JsonOutput.text(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            for (Node node : view.nodes()) {
                json.writeStartObject();
                json.writeStringField("id", node.id());
                json.writeStringField("name", node.name());
                json.writeStringField("type", node.type());
                json.writeStringField("status", node.status().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            for (Edge edge : view.edges()) {
                json.writeStartObject();
                json.writeStringField("from", edge.from());
                json.writeStringField("to", edge.to());
                json.writeStringField("origin", edge.origin().name().toLowerCase(Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
