package io.happyos.registry.core.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Bundle ids filed under string keys, each bundle under several: the capabilities bundles offer or
 * the requirements they declare, keyed by namespace and value (see {@link DependencyIndex}). Ids
 * under a key come back in ascending order. Not thread-safe; {@link DependencyIndex} guards it.
 */
final class KeyedBundles {

    private final Map<String, NavigableSet<Long>> byKey = new HashMap<>();
    private final Map<Long, List<String>> keysOf = new HashMap<>();

    /**
     * Files a bundle under keys, replacing what it was filed under before.
     *
     * @param id the bundle id
     * @param keys its keys (duplicates are fine)
     */
    void put(long id, Iterable<String> keys) {
        remove(id);
        List<String> filed = new ArrayList<>();
        for (String key : keys) {
            if (byKey.computeIfAbsent(key, k -> new TreeSet<>()).add(id)) {
                filed.add(key);
            }
        }
        keysOf.put(id, filed);
    }

    /**
     * Takes a bundle out of every key.
     *
     * @param id the bundle id
     */
    void remove(long id) {
        List<String> keys = keysOf.remove(id);
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            NavigableSet<Long> ids = byKey.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    /**
     * Adds the ids filed under a key to a set.
     *
     * @param key the key
     * @param into where to add them
     */
    void collect(String key, NavigableSet<Long> into) {
        NavigableSet<Long> ids = byKey.get(key);
        if (ids != null) {
            into.addAll(ids);
        }
    }

    /**
     * @param id a bundle id
     * @return whether it is filed under any key
     */
    boolean contains(long id) {
        return keysOf.containsKey(id);
    }
}
