package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.util.List;
import java.util.Set;

/**
 * The entries the store hands out, built copy-on-write. Each record keeps the entry built last with
 * the record's version and the graph's version read before its fields were; while both still hold
 * and no access was counted since, the same entry is handed out again: no lock, no allocation, two
 * volatile reads of the record and one of the store. Any change made meanwhile bumps a version after
 * it is made, so an entry built from half-changed state is never handed out once the change is
 * done. An access marks the entry the first time only (threads counting accesses share the line
 * read-only afterwards); a marked entry is copied with the new access figures, the rest reused.
 */
final class EntrySnapshots {

    private final ComponentStore store;

    EntrySnapshots(ComponentStore store) {
        this.store = store;
    }

    /**
     * An immutable snapshot of an entry.
     *
     * @param record the entry
     * @return the snapshot
     */
    RegistryEntry of(ComponentRecord record) {
        // read before the state they stand for: a change made meanwhile leaves the entry out of date
        int version = record.version();
        long graph = store.graphVersion();
        ComponentRecord.Snapshot last = record.snapshot();
        if (last != null && last.version == version && last.graphVersion == graph) {
            if (!last.accessed) {
                return last.entry;
            }
            long accesses = record.accessCount();
            RegistryEntry old = last.entry;
            RegistryEntry entry = old.accessCount() == accesses ? old : new RegistryEntry(old.id(), old.component(),
                    old.status(), old.registeredAt(), record.lastAccessed(), accesses, old.dependencies(),
                    old.dependents(), old.errorHistory(), old.bundleId());
            return publish(record, entry, version, graph, accesses);
        }
        long accesses = record.accessCount();
        return publish(record, build(record, accesses), version, graph, accesses);
    }

    /**
     * Keeps a new entry in its record. An access counted after {@code accesses} was read but before
     * the entry was published may have marked the previous one: the count, read again, tells.
     */
    private static RegistryEntry publish(ComponentRecord record, RegistryEntry entry, int version, long graph,
            long accesses) {
        ComponentRecord.Snapshot built = new ComponentRecord.Snapshot(entry, version, graph);
        record.snapshot(built);
        if (record.accessCount() != accesses) {
            built.accessed = true;
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
        return new RegistryEntry(record.id(), info, status, record.registeredAt(),
                record.lastAccessed(), accesses,
                edges == null ? Set.of() : edges[0], edges == null ? Set.of() : edges[1],
                errors, record.bundleId());
    }
}
