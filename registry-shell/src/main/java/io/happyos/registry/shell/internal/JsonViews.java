package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.Dependency;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON shapes that scripts rely on. Fields may be added; none may be renamed or removed.
 *
 * <p>A component: {@code id, name, type, version, status, path, bundleId} (null without a bundle),
 * {@code accessCount, registeredAt, lastAccessed} (ISO-8601 or null), {@code dependencies,
 * dependents} (sorted ids), {@code errors} (objects with {@code at} and {@code message}), plus
 * {@code moduleName} and {@code metadata}. A dependency: {@code id, origin} ({@code declared} or
 * {@code explicit}) and {@code requirement} (null for an explicit one).
 */
final class JsonViews {

    private JsonViews() {}

    /**
     * A component as a JSON object.
     *
     * @param e the entry
     * @return its fields, in a stable order
     */
    static Map<String, Object> entry(RegistryEntry e) {
        ComponentInfo c = e.component();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("name", c.name());
        json.put("type", c.type());
        json.put("version", c.version());
        json.put("status", e.status().name());
        json.put("path", c.path());
        json.put("bundleId", e.hasBundle() ? e.bundleId() : null);
        json.put("accessCount", e.accessCount());
        json.put("registeredAt", instant(e.registeredAt()));
        json.put("lastAccessed", instant(e.lastAccessed()));
        json.put("dependencies", new TreeSet<>(e.dependencies()));
        json.put("dependents", new TreeSet<>(e.dependents()));
        json.put("errors", e.errorHistory().stream().map(JsonViews::error).toList());
        json.put("moduleName", c.moduleName());
        json.put("metadata", new TreeMap<>(c.metadata()));
        return json;
    }

    /**
     * Several components as a JSON array.
     *
     * @param entries the entries
     * @return one object per entry, in the order given
     */
    static List<Map<String, Object>> entries(List<RegistryEntry> entries) {
        List<Map<String, Object>> json = new ArrayList<>(entries.size());
        entries.forEach(e -> json.add(entry(e)));
        return json;
    }

    /**
     * One edge of the graph as a JSON object.
     *
     * @param d the edge, seen from the dependent for {@code deps} or pointing at the dependent for
     *     {@code dependents}
     * @return {@code id}, {@code origin} in lower case, {@code requirement}
     */
    static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("origin", d.origin().name().toLowerCase(Locale.ROOT));
        json.put("requirement", d.requirement());
        return json;
    }

    /**
     * Edges as a JSON array.
     *
     * @param dependencies the edges
     * @return one object per edge
     */
    static List<Map<String, Object>> dependencies(List<Dependency> dependencies) {
        return dependencies.stream().map(JsonViews::dependency).toList();
    }

    private static Map<String, Object> error(ErrorRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", instant(r.at()));
        json.put("message", r.message());
        return json;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
