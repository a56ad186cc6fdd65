package io.happyos.registry.core.index;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One index: the ids filed under each key, and the keys each id was filed under. Remembering an
 * id's keys is what lets a changed entry move without asking the key function about its old state.
 * Not thread-safe: {@link IndexSet} guards it.
 */
final class KeyedIds {

    private final Map<String, Set<String>> idsByKey = new HashMap<>();
    private final Map<String, Set<String>> keysById = new HashMap<>();

    /** Files {@code id} under exactly {@code keys}, leaving the keys it no longer has. */
    void file(String id, Set<String> keys) {
        Set<String> previous = keysById.getOrDefault(id, Set.of());
        if (previous.equals(keys)) {
            return;
        }
        for (String key : previous) {
            if (!keys.contains(key)) {
                unfileFromKey(id, key);
            }
        }
        for (String key : keys) {
            if (!previous.contains(key)) {
                idsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(id);
            }
        }
        if (keys.isEmpty()) {
            keysById.remove(id);
        } else {
            keysById.put(id, Set.copyOf(keys));
        }
    }

    /** Forgets {@code id} under every key. */
    void unfile(String id) {
        Set<String> previous = keysById.remove(id);
        if (previous != null) {
            for (String key : previous) {
                unfileFromKey(id, key);
            }
        }
    }

    /** An immutable copy of the ids under {@code key}. */
    Set<String> ids(String key) {
        Set<String> ids = idsByKey.get(key);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    int count(String key) {
        Set<String> ids = idsByKey.get(key);
        return ids == null ? 0 : ids.size();
    }

    /** How many ids have at least one key. */
    int idCount() {
        return keysById.size();
    }

    private void unfileFromKey(String id, String key) {
        Set<String> ids = idsByKey.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            // dropping empty sets keeps the map from growing with keys nobody has any more
            idsByKey.remove(key);
        }
    }
}
