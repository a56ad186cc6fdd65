package io.happyos.registry.core.index;

import io.happyos.registry.RegistryEntry;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what a custom key function returns into the keys of an entry. */
final class IndexKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IndexKeys.class);

    private IndexKeys() {}

    /**
     * The keys of one entry: none for {@code null}, one per non-null element of a collection, else
     * the value's {@code toString()}. A function (or a {@code toString()}) that throws gives no key:
     * key functions come from plugins, and one bad plugin must not break the registry's updates.
     */
    static Set<String> of(String indexName, Function<RegistryEntry, ?> keyFunction, RegistryEntry entry) {
        try {
            Object value = keyFunction.apply(entry);
            if (value == null) {
                return Set.of();
            }
            if (value instanceof Collection<?> values) {
                Set<String> keys = new HashSet<>();
                for (Object element : values) {
                    addKey(keys, element);
                }
                return keys;
            }
            Set<String> keys = new HashSet<>(1);
            addKey(keys, value);
            return keys;
        } catch (Exception | LinkageError e) {
            // LinkageError too: a function whose bundle went away fails with NoClassDefFoundError
            LOG.debug("index '{}': the key function failed for '{}', so it gets no key", indexName, entry.id(), e);
            return Set.of();
        }
    }

    private static void addKey(Set<String> keys, Object value) {
        if (value != null) {
            String key = value.toString();
            if (key != null) {
                keys.add(key);
            }
        }
    }
}
