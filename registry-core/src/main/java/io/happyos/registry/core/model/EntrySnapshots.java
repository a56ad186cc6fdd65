package io.happyos.registry.core.model;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries the store hands out, built copy-on-write. Each record keeps the entry built last with
 * the record's version and the graph's version read before its fields were; while both still hold
 * and no access was counted since, the same entry is handed out again: no lock, no allocation, a
 * few volatile reads of the record's own fields and one of the store, so a lookup by id costs one
 * hash lookup and one record read. Any change made meanwhile bumps a version after it is made, so
 * an entry built from half-changed state is never handed out once the change is done. An access
 * drops the entry handed out the first time only (threads counting accesses share the line
 * read-only afterwards); the next read copies it with the new access figures, the rest reused.
 */
final class EntrySnapshots {

    private final ComponentStore store;
    // The entries handed out by id, each while it is its record's current one: a lookup by id then
    // finds the entry in one hash lookup, without reading the record. Whatever makes an entry out of
    // date takes it out after it made it so (a record's change or access removes its id, a change of
    // the graph starts a new map); an entry put here is read again after the put and taken out if
    // it went out of date meanwhile. So an entry found here was current at some moment of the lookup.
    private volatile ConcurrentHashMap<String, RegistryEntry> published = new ConcurrentHashMap<>();

    EntrySnapshots(ComponentStore store) {
        this.store = store;
    }

    /** @return the entry handed out for an id, while it is current, else {@code null} */
    RegistryEntry published(String id) {
        return published.get(id);
    }

    /**
     * The entry of a record, handed out by id from now on while it stays current.
     *
     * @param record the entry
     * @return its snapshot
     */
    RegistryEntry publish(ComponentRecord record) {
        Map<String, RegistryEntry> map = published; // before the graph version the entry is built on
        RegistryEntry entry = of(record);
        if (record.current(store.graphVersion()) == entry && !record.removed()) {
            map.put(record.id(), entry);
            // out of date since (or the map replaced): whoever made it so may have looked before the put
            if (published != map || record.current(store.graphVersion()) != entry) {
                map.remove(record.id(), entry);
            }
        }
        return entry;
    }

    /** A record's entry is out of date: called after what made it so. */
    void outOfDate(String id) {
        published.remove(id);
    }

    /** The graph changed, so every entry (its edges) may be out of date: called after the version. */
    void graphChanged() {
        published = new ConcurrentHashMap<>();
    }

    /**
     * An immutable snapshot of an entry.
     *
     * @param record the entry
     * @return the snapshot
     */
    RegistryEntry of(ComponentRecord record) {
        RegistryEntry current = record.current(store.graphVersion());
        return current != null ? current : rebuild(record);
    }

    /**
     * Builds (or copies with new access figures) and publishes an entry, under the record's monitor
     * so that publications come one at a time. An access counted after {@code accesses} was read
     * may have dropped the previous entry before this one was published: the count, read again,
     * tells.
     */
    private RegistryEntry rebuild(ComponentRecord record) {
        RegistryEntry entry;
        long accesses;
        synchronized (record) {
            // read before the state they stand for: a change made meanwhile leaves the entry out of date
            int version = record.version();
            long graph = store.graphVersion();
            accesses = record.accessCount();
            RegistryEntry last = record.lastBuilt(version, graph);
            if (last == null) {
                entry = build(record, accesses);
            } else if (last.accessCount() == accesses) {
                entry = last;
            } else {
                entry = new RegistryEntry(
                        last.id(),
                        last.component(),
                        last.status(),
                        last.registeredAt(),
                        record.lastAccessed(),
                        accesses,
                        last.dependencies(),
                        last.dependents(),
                        last.errorHistory(),
                        last.bundleId());
            }
            record.publish(entry, version, graph);
        }
        if (record.accessCount() != accesses) {
            record.unpublish();
        }
        return entry;
    }

    private RegistryEntry build(ComponentRecord record, long accesses) {
        ComponentStatus status;
        List<ErrorRecord> errors;
        ComponentInfo info;
        synchronized (record) {
            status = record.status();
            errors = record.errors();
            info = record.info();
        }
        Set<String>[] edges = store.readGraph(g -> {
            if (!g.contains(record.id())) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Set<String>[] pair = new Set[] {g.dependencies(record.id()), g.dependents(record.id())};
            return pair;
        });
        return new RegistryEntry(
                record.id(),
                info,
                status,
                record.registeredAt(),
                record.lastAccessed(),
                accesses,
                edges == null ? Set.of() : edges[0],
                edges == null ? Set.of() : edges[1],
                errors,
                record.bundleId());
    }
}
