package io.happyos.registry.core.index;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The indexes of the registry's entries: by type, by status, and the custom indexes made with
 * {@link #createIndex}. Kept current entry by entry as entries change, so a lookup never scans.
 *
 * <p>Thread-safe: any number of readers and writers at once. Writers are serialised, and key
 * functions run while they hold the lock, so a key function must be quick and must not block.
 * The caller feeds {@link #put} and {@link #remove} in the order its entries change.
 */
public final class IndexSet {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final KeyedIds byType = new KeyedIds();
    private final KeyedIds byStatus = new KeyedIds();
    private final Map<String, CustomIndex> custom = new HashMap<>();

    private record CustomIndex(Function<RegistryEntry, ?> keyFunction, KeyedIds ids) {}

    /**
     * Files an entry, or re-files it when its id is already filed: it leaves the keys it no longer
     * has in every index.
     *
     * @param entry the entry as it is now
     * @throws NullPointerException when {@code entry} is null
     */
    public void put(RegistryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String id = entry.id();
        lock.writeLock().lock();
        try {
            byType.file(id, Set.of(entry.component().type()));
            byStatus.file(id, Set.of(entry.status().name()));
            custom.forEach((name, index) -> index.ids().file(id, IndexKeys.of(name, index.keyFunction(), entry)));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Forgets an entry in every index. Does nothing for an id that is not filed.
     *
     * @param id the entry's id
     */
    public void remove(String id) {
        Objects.requireNonNull(id, "id");
        lock.writeLock().lock();
        try {
            byType.unfile(id);
            byStatus.unfile(id);
            custom.values().forEach(index -> index.ids().unfile(id));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The ids of the entries of one type.
     *
     * @param type the type
     * @return an immutable snapshot, empty when none
     */
    public Set<String> idsByType(String type) {
        return read(() -> byType.ids(type));
    }

    /**
     * The ids of the entries in one status.
     *
     * @param status the status
     * @return an immutable snapshot, empty when none
     */
    public Set<String> idsByStatus(ComponentStatus status) {
        return read(() -> byStatus.ids(status.name()));
    }

    /**
     * How many entries are in one status.
     *
     * @param status the status
     * @return the count
     */
    public int countByStatus(ComponentStatus status) {
        return read(() -> byStatus.count(status.name()));
    }

    /** @return how many entries are filed */
    public int size() {
        // every entry has exactly one type, so the type index knows every id
        return read(byType::idCount);
    }

    /**
     * Creates a custom index, or replaces the one of that name, and files the current entries in it.
     *
     * @param name the index's name
     * @param keyFunction an entry's keys: {@code null} for none, a value (its {@code toString()}),
     *     or a {@link Collection} of values (nulls ignored); one that throws gives no key
     * @param current every entry as it is now; entries put later are filed as they come
     * @throws NullPointerException when an argument is null
     */
    public void createIndex(String name, Function<RegistryEntry, ?> keyFunction, Collection<RegistryEntry> current) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyFunction, "keyFunction");
        Objects.requireNonNull(current, "current");
        lock.writeLock().lock();
        try {
            KeyedIds ids = new KeyedIds();
            for (RegistryEntry entry : current) {
                ids.file(entry.id(), IndexKeys.of(name, keyFunction, entry));
            }
            custom.put(name, new CustomIndex(keyFunction, ids));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes a custom index.
     *
     * @param name the index's name
     * @return whether it existed
     */
    public boolean dropIndex(String name) {
        lock.writeLock().lock();
        try {
            return custom.remove(name) != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return the names of the custom indexes, sorted, immutable */
    public List<String> indexNames() {
        return read(() -> {
            List<String> names = new ArrayList<>(custom.keySet());
            Collections.sort(names);
            return List.copyOf(names);
        });
    }

    /**
     * The ids a custom index files under a key.
     *
     * @param name the index's name
     * @param key the key
     * @return an immutable snapshot, empty when none
     * @throws RegistryException when there is no index of that name
     */
    public Set<String> idsByIndex(String name, String key) {
        return read(() -> {
            CustomIndex index = custom.get(name);
            if (index == null) {
                throw new RegistryException(
                        "no index named '" + name + "': create it first (registry:index create " + name + " HEADER)");
            }
            return index.ids().ids(key);
        });
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
