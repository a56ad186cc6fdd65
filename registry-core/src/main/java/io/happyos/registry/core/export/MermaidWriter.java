package io.happyos.registry.core.export;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyGraphView.Edge;
import io.happyos.registry.DependencyGraphView.Node;
import io.happyos.registry.DependencyOrigin;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a Mermaid flowchart. Component ids may hold characters Mermaid gives a meaning to, so
 * nodes get generated ids ({@code n0}, {@code n1}, ... in node order) and the component id goes
 * into the quoted label, with Mermaid's entity codes for the characters that would break it.
 */
final class MermaidWriter {

    private MermaidWriter() {}

    static String write(DependencyGraphView view) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> nodeIds = new HashMap<>();
        for (Node node : view.nodes()) {
            String nodeId = "n" + nodeIds.size();
            nodeIds.put(node.id(), nodeId);
            out.append("    ")
                    .append(nodeId)
                    .append("[\"")
                    .append(label(node.id()))
                    .append("<br/>")
                    .append(label(node.type()))
                    .append(" · ")
                    .append(node.status())
                    .append("\"]:::")
                    .append(className(node.status()))
                    .append('\n');
        }
        for (Edge edge : view.edges()) {
            String arrow = edge.origin() == DependencyOrigin.EXPLICIT ? " -.-> " : " --> ";
            String from = nodeId(out, nodeIds, edge.from());
            String to = nodeId(out, nodeIds, edge.to());
            out.append("    ").append(from).append(arrow).append(to).append('\n');
        }
        for (ComponentStatus status : ComponentStatus.values()) {
            out.append("    classDef ")
                    .append(className(status))
                    .append(' ')
                    .append(classStyle(status))
                    .append('\n');
        }
        return out.toString();
    }

    /** The node id of a component; one the view's nodes lack is declared on the spot with its id. */
    private static String nodeId(StringBuilder out, Map<String, String> nodeIds, String componentId) {
        String nodeId = nodeIds.get(componentId);
        if (nodeId == null) {
            nodeId = "n" + nodeIds.size();
            nodeIds.put(componentId, nodeId);
            out.append("    ")
                    .append(nodeId)
                    .append("[\"")
                    .append(label(componentId))
                    .append("\"]\n");
        }
        return nodeId;
    }

    /** Label text with {@code #} first (it starts every entity code), then the quote and markup. */
    static String label(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String className(ComponentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String classStyle(ComponentStatus status) {
        return switch (status) {
            case ACTIVE -> "fill:#d8f5d8,stroke:#2e7d32";
            case ERROR -> "fill:#fbdada,stroke:#c62828";
            case INACTIVE -> "fill:#eeeeee,stroke:#9e9e9e,color:#616161";
            case REGISTERED -> "fill:#e3ecfa,stroke:#1565c0";
            case DISCOVERED -> "fill:#ffffff,stroke:#757575,stroke-dasharray:3 3";
        };
    }
}
