package io.happyos.registry.shell.internal;

import io.happyos.registry.Dependency;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.EntryJson;
import io.happyos.registry.text.RegistryJson;
import java.util.List;
import java.util.Map;

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
        return EntryJson.toMap(e);
    }

    /**
     * Several components as a JSON array.
     *
     * @param entries the entries
     * @return one object per entry, in the order given
     */
    static List<Map<String, Object>> entries(List<RegistryEntry> entries) {
        return RegistryJson.entries(entries);
    }

    /**
     * One edge of the graph as a JSON object.
     *
     * @param d the edge, seen from the dependent for {@code deps} or pointing at the dependent for
     *     {@code dependents}
     * @return {@code id}, {@code origin} in lower case, {@code requirement}
     */
    static Map<String, Object> dependency(Dependency d) {
        return RegistryJson.dependency(d);
    }

    /**
     * Edges as a JSON array.
     *
     * @param dependencies the edges
     * @return one object per edge
     */
    static List<Map<String, Object>> dependencies(List<Dependency> dependencies) {
        return RegistryJson.dependencies(dependencies);
    }
}
