package io.happyos.registry.text;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A registry entry as the JSON object that scripts rely on ({@code registry:list --json}, the
 * cluster's published records), and back. Fields may be added; none may be renamed or removed.
 *
 * <p>The fields: {@code id, name, type, version, status, path, bundleId} (null without a bundle),
 * {@code accessCount, registeredAt, lastAccessed} (ISO-8601 or null), {@code dependencies,
 * dependents} (sorted ids), {@code errors} (objects with {@code at} and {@code message}), plus
 * {@code moduleName} and {@code metadata}.
 */
public final class EntryJson {

    private EntryJson() {}

    /**
     * An entry as a JSON object.
     *
     * @param e the entry
     * @return its fields, in a stable order, in a mutable map (callers may add their own)
     */
    public static Map<String, Object> toMap(RegistryEntry e) {
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
        json.put("errors", e.errorHistory().stream().map(EntryJson::error).toList());
        json.put("moduleName", c.moduleName());
        json.put("metadata", new TreeMap<>(c.metadata()));
        return json;
    }

    /**
     * Reads back an entry written by {@link #toMap} (and parsed by {@link JsonInput}).
     *
     * @param json the object
     * @return the entry
     * @throws IllegalArgumentException when a required field ({@code id, name, type, status,
     *     registeredAt}) is missing or has the wrong form
     */
    public static RegistryEntry fromMap(Map<String, Object> json) {
        try {
            Map<String, String> metadata = new TreeMap<>();
            if (json.get("metadata") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> metadata.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
            ComponentInfo component = new ComponentInfo(
                    required(json, "name"),
                    required(json, "type"),
                    (String) json.get("path"),
                    (String) json.get("moduleName"),
                    null,
                    (String) json.get("version"),
                    metadata,
                    null);
            Object bundleId = json.get("bundleId");
            Object accessCount = json.get("accessCount");
            return new RegistryEntry(
                    required(json, "id"),
                    component,
                    ComponentStatus.valueOf(required(json, "status")),
                    Instant.parse(required(json, "registeredAt")),
                    parseInstant((String) json.get("lastAccessed")),
                    accessCount instanceof Number n ? n.longValue() : 0L,
                    strings(json.get("dependencies")),
                    strings(json.get("dependents")),
                    errors(json.get("errors")),
                    bundleId instanceof Number n ? n.longValue() : RegistryEntry.NO_BUNDLE);
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a registry entry: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof String value)) {
            throw new IllegalArgumentException("not a registry entry: the field '" + field + "' is missing");
        }
        return value;
    }

    private static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static List<ErrorRecord> errors(Object value) {
        List<ErrorRecord> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m
                        && m.get("at") instanceof String at
                        && m.get("message") instanceof String msg) {
                    out.add(new ErrorRecord(Instant.parse(at), msg));
                }
            }
        }
        return out;
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

    private static Instant parseInstant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
