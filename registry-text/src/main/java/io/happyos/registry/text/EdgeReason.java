package io.happyos.registry.text;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why one component depends on another, in the words of a manifest: {@code Import-Package
 * io.happyos.log}, {@code Require-Bundle base-util}, {@code Require-Capability happyos.service=x},
 * {@code DS reference logger: ...}, {@code explicit}. Read from the edge's origin and its
 * requirement text.
 *
 * @param kind the header or mechanism: {@code Import-Package}, {@code Require-Bundle},
 *     {@code Fragment-Host}, {@code Require-Capability}, {@code DS reference}, {@code Declared-By}
 *     (a DS component's own bundle), {@code declared} (no requirement text) or {@code explicit}
 * @param detail what is required (a package, a bundle, a capability), or {@code null}
 */
public record EdgeReason(String kind, String detail) {

    /** The kind of an explicit edge. */
    public static final String EXPLICIT = "explicit";

    private static final String REFERENCE = "reference ";
    private static final String DECLARED_BY = "declared by bundle ";

    /**
     * The reason of one edge.
     *
     * @param edge the edge
     * @return its reason
     */
    public static EdgeReason of(Dependency edge) {
        if (edge.origin() == DependencyOrigin.EXPLICIT) {
            return new EdgeReason(EXPLICIT, null);
        }
        String requirement = edge.requirement();
        if (requirement == null || requirement.isBlank()) {
            return new EdgeReason("declared", null);
        }
        if (requirement.startsWith(REFERENCE)) {
            return new EdgeReason("DS reference", requirement.substring(REFERENCE.length()));
        }
        if (requirement.startsWith(DECLARED_BY)) {
            return new EdgeReason("Declared-By", requirement.substring(DECLARED_BY.length()));
        }
        int semicolon = requirement.indexOf(';');
        String namespace = (semicolon < 0 ? requirement : requirement.substring(0, semicolon)).strip();
        String value = filterValue(requirement, namespace);
        return switch (namespace) {
            case "osgi.wiring.package" -> new EdgeReason("Import-Package", value);
            case "osgi.wiring.bundle" -> new EdgeReason("Require-Bundle", value);
            case "osgi.wiring.host" -> new EdgeReason("Fragment-Host", value);
            default -> new EdgeReason("Require-Capability", value == null ? namespace : namespace + "=" + value);
        };
    }

    /** The value the requirement's filter asks of its namespace's own attribute, if it is that simple. */
    private static String filterValue(String requirement, String namespace) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^()]*)\\)")
                .matcher(requirement);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The reasons of several edges between the same two components, in a few words: kinds in the
     * order first met, details of one kind together: {@code Import-Package io.a, io.b; explicit}.
     *
     * @param edges the edges
     * @return the text, empty for no edge
     */
    public static String summary(List<Dependency> edges) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Dependency edge : edges) {
            EdgeReason reason = of(edge);
            List<String> details = byKind.computeIfAbsent(reason.kind(), k -> new ArrayList<>());
            if (reason.detail() != null && !details.contains(reason.detail())) {
                details.add(reason.detail());
            }
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach(
                (kind, details) -> parts.add(details.isEmpty() ? kind : kind + " " + String.join(", ", details)));
        return String.join("; ", parts);
    }

    /**
     * The reason as a JSON object.
     *
     * @param edge the edge
     * @return {@code origin} ({@code declared} or {@code explicit}), {@code kind}, {@code detail},
     *     {@code requirement}
     */
    public static Map<String, Object> json(Dependency edge) {
        EdgeReason reason = of(edge);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("origin", edge.origin().name().toLowerCase(java.util.Locale.ROOT));
        out.put("kind", reason.kind());
        out.put("detail", reason.detail());
        out.put("requirement", edge.requirement());
        return out;
    }
}
