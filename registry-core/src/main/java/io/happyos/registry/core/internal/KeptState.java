package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The part of the registry's state the journal keeps across restarts and that is not written by
 * an operation itself: access counts (flushed every few seconds), header index definitions, and
 * putting it all back at start-up.
 */
final class KeptState {

    private final ComponentStore store;
    private final Journal journal;
    private final BundleContext context;
    private final Map<String, Long> flushedCounts = new ConcurrentHashMap<>();
    private final Set<String> headerIndexes = ConcurrentHashMap.newKeySet();

    KeptState(ComponentStore store, Journal journal, BundleContext context) {
        this.store = store;
        this.journal = journal;
        this.context = context;
    }

    /** How often access counts are written: a crash loses at most this much of them. */
    static final long ACCESS_FLUSH_SECONDS = 5;

    /** Writes the access counts that changed since the last time. */
    void flushAccess() {
        Map<String, long[]> changed = new java.util.HashMap<>();
        for (ComponentRecord record : store.records()) {
            long count = record.accessCount();
            if (count > 0 && !Long.valueOf(count).equals(flushedCounts.get(record.id()))) {
                java.time.Instant last = record.lastAccessed();
                changed.put(record.id(), new long[] {count, last == null ? 0 : last.toEpochMilli()});
                flushedCounts.put(record.id(), count);
            }
        }
        if (!changed.isEmpty()) {
            journal.queueAccess(changed);
        }
    }

    /**
     * Puts back what the journal kept: components registered without a bundle, explicit
     * dependencies, error histories, statuses set by hand and access counts. Entries the journal
     * knows of that no longer exist (a bundle removed from the framework's cache while the
     * container was down) are forgotten, with an audit record saying so.
     */
    void restore() {
        Journal.Restored restored = journal.restore();
        for (Journal.StoredComponent c : restored.components()) {
            if (store.find(c.id()).isEmpty()) {
                store.addExactly(c.id(), c.info());
            }
        }
        for (String[] edge : restored.dependencies()) {
            if (store.find(edge[0]).isPresent() && store.find(edge[1]).isPresent()) {
                if (store.updateGraph(g -> g.addExplicit(edge[0], edge[1])).isPresent()) {
                    PendingWrites.await(journal.deleteDependency(edge[0], edge[1]));
                    journal.audit(Actors.REGISTRY, "drop-dependency", edge[0], null,
                            edge[0] + " -> " + edge[1] + " would now close a cycle declared by the manifests");
                }
            }
        }
        restored.errors().forEach((id, errors) -> store.find(id).ifPresent(r -> store.restoreErrors(r, errors)));
        restored.manualStatuses().forEach((id, status) -> store.find(id).ifPresent(r -> {
            if (ComponentStatus.valueOf(status) == ComponentStatus.ERROR) {
                StatusChanges.hold(store, r, null); // its message is in the restored error history
            } else {
                store.setStatus(r, ComponentStatus.valueOf(status));
            }
        }));
        restored.headerIndexes().forEach((name, header) -> {
            store.indexes().createIndex(name, entry -> header(entry, header), store.snapshots(r -> true));
            headerIndexes.add(name);
        });
        restored.access().forEach((id, counts) -> store.find(id).ifPresent(r -> {
            r.restoreAccess(counts[0], counts[1]);
            flushedCounts.put(id, counts[0]);
        }));
        java.util.Set<String> known = new java.util.TreeSet<>(restored.errors().keySet());
        known.addAll(restored.manualStatuses().keySet());
        known.addAll(restored.access().keySet());
        restored.dependencies().forEach(edge -> {
            known.add(edge[0]);
            known.add(edge[1]);
        });
        for (String id : known) {
            if (store.find(id).isEmpty()) {
                journal.deleteComponent(id);
                journal.audit(Actors.FRAMEWORK, "forget", id, null,
                        "its bundle was removed from the framework cache while the container was down");
            }
        }
    }

    /**
     * Creates an index by a manifest header, and keeps its definition.
     *
     * @param name the index
     * @param header the header
     */
    void createHeaderIndex(String name, String header) {
        journal.writeHeaderIndex(name, header);
        store.indexes().createIndex(name, entry -> header(entry, header), store.snapshots(r -> true));
        headerIndexes.add(name);
    }

    /**
     * Forgets the kept definition of an index, if it is a header index.
     *
     * @param name the index
     */
    void forgetHeaderIndex(String name) {
        if (headerIndexes.remove(name)) {
            journal.deleteHeaderIndex(name);
        }
    }

    /** A header of a component: its bundle's manifest, or its metadata when it has no bundle. */
    private String header(RegistryEntry entry, String header) {
        if (entry.hasBundle()) {
            Bundle bundle = context.getBundle(entry.bundleId());
            return bundle == null ? null : bundle.getHeaders("").get(header);
        }
        return entry.component().metadata().get(header);
    }
}
