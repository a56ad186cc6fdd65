package io.happyos.registry;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Custom indexes over the registry's entries: by a key computed from each entry, or by a manifest
 * header (kept across restarts). Reached through {@link DynamicRegistry#indexes()}.
 */
@ProviderType
public interface Indexes {

    /**
     * Creates (or replaces) a custom index. The key function gets each entry and returns its key:
     * {@code null} for none, a value (its {@code toString()} is the key), or a {@link Collection} of
     * values for several keys. The index is kept current on every change of every entry.
     *
     * @param name the index's name
     * @param keyFunction the keys of an entry; it must not block, and one that throws gives no key
     */
    void createIndex(String name, Function<RegistryEntry, ?> keyFunction);

    /**
     * Creates (or replaces) an index by a manifest header: a bundle component is filed under the
     * value of that header in its manifest, a component without a bundle under the metadata entry
     * of that name. Unlike {@link #createIndex}, its definition is kept across restarts.
     *
     * @param name the index's name
     * @param header the manifest header, e.g. {@code Bundle-Vendor}
     * @throws RegistryException when the definition cannot be recorded
     */
    void createHeaderIndex(String name, String header);

    /**
     * The components an index files under a key, ordered by id.
     *
     * @param name the index's name
     * @param key the key
     * @return snapshots, unmodifiable; empty when none
     * @throws RegistryException when there is no such index
     */
    List<RegistryEntry> getComponentsByIndex(String name, String key);

    /**
     * Removes a custom index (and, for a header index, its kept definition).
     *
     * @param name the index's name
     * @return whether it existed
     */
    boolean dropIndex(String name);

    /** @return the names of the custom indexes, sorted */
    List<String> getIndexNames();
}
