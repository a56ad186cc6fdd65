package io.happyos.registry.shell.internal;

import io.happyos.registry.text.DependencyTree;
import io.happyos.registry.text.DependencyTree.Node;
import io.happyos.registry.text.EdgeReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link DependencyTree} as text and as JSON.
 *
 * <p>Text, one node a line: {@code ├── logger ACTIVE  via Import-Package io.happyos.log}, then
 * {@code ↺ cycle back to X}, {@code (see above)} or {@code (more below: raise --depth)} for a node
 * not unfolded. ASCII stand-ins ({@code +--}, {@code |}, {@code <-}) where line drawing is not
 * available.
 */
final class TreeText {

    private TreeText() {}

    /** A node to print, with what goes before it. */
    private record Pending(Node node, String prefix, boolean last, boolean root) {}

    /**
     * The tree's lines.
     *
     * @param root the root
     * @param ansi what the output can show
     * @return one line per node, depth first
     */
    static List<String> lines(Node root, Ansi ansi) {
        List<String> lines = new ArrayList<>();
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(root, "", true, true));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            String branch = p.root()
                    ? ""
                    : p.last() ? ansi.glyph("\u2514\u2500\u2500 ", "\\-- ") : ansi.glyph("\u251c\u2500\u2500 ", "+-- ");
            lines.add(p.prefix() + branch + label(p.node(), ansi));
            String childPrefix = p.root() ? "" : p.prefix() + (p.last() ? "    " : ansi.glyph("\u2502   ", "|   "));
            List<Node> children = p.node().children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(new Pending(children.get(i), childPrefix, i == children.size() - 1, false));
            }
        }
        return lines;
    }

    private static String label(Node node, Ansi ansi) {
        StringBuilder text = new StringBuilder(node.id())
                .append(' ')
                .append(node.status() == null ? "gone" : ansi.value(node.status()));
        String reason = EdgeReason.summary(node.via());
        if (!reason.isEmpty()) {
            text.append("  ").append(ansi.paint(Ansi.Style.DIM, "via " + reason));
        }
        switch (node.mark()) {
            case CYCLE ->
                text.append("  ")
                        .append(ansi.paint(
                                Ansi.Style.YELLOW, ansi.glyph("\u21ba", "<-") + " cycle back to " + node.id()));
            case SEEN -> text.append("  (see above)");
            case DEPTH -> text.append("  (more below: raise --depth)");
            default -> {
                // unfolded: nothing to add
            }
        }
        return text.toString();
    }

    /**
     * The tree as JSON: {@code {"id","status","via":[{"origin","kind","detail","requirement"}],
     * "mark","children":[..]}}, {@code mark} being {@code null}, {@code cycle}, {@code seen} or
     * {@code depth}.
     *
     * @param node the root
     * @return nested maps
     */
}
