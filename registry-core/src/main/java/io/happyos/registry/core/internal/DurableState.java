package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.model.Actors;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.model.PendingWrites;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The part of the registry's state the journal keeps across restarts and that is not written by
 * an operation itself: access counts (flushed every few seconds), header index definitions, and
 * putting it all back at start-up.
 */
final class DurableState {

    private final ComponentStore store;
    private final Journal journal;
    private final BundleContext context;
    private final Map<String, Long> flushedCounts = new ConcurrentHashMap<>();
    private final Set<String> headerIndexes = ConcurrentHashMap.newKeySet();
    /** Ids of DS components whose kept state waits for SCR to make their entry. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    /** Explicit dependencies put back, so that a later entry does not put them back twice. */
    private final Set<String> restoredEdges = new java.util.HashSet<>();

    private volatile Journal.Restored kept = Journal.NONE.restore();

    DurableState(ComponentStore store, Journal journal, BundleContext context) {
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
     * dependencies, error histories, statuses set by hand and access counts. What belongs to a DS
     * component of an installed bundle waits for its entry, which SCR makes later ({@link #added}).
     * Entries the journal knows of that no longer exist (a bundle removed from the framework's
     * cache while the container was down) are forgotten, with an audit record saying so.
     */
    void restore() {
        Journal.Restored restored = journal.restore();
        kept = restored;
        for (Journal.StoredComponent c : restored.components()) {
            if (store.find(c.id()).isEmpty()) {
                store.addExactly(c.id(), c.info());
            }
        }
        restored.headerIndexes().forEach((name, header) -> {
            store.indexes().createIndex(name, entry -> header(entry, header), store.snapshots(r -> true));
            headerIndexes.add(name);
        });
        Set<String> known = new TreeSet<>(restored.errors().keySet());
        known.addAll(restored.manualStatuses().keySet());
        known.addAll(restored.access().keySet());
        restored.dependencies().forEach(edge -> known.addAll(List.of(edge[0], edge[1])));
        Set<String> declaredByBundles =
                known.stream().allMatch(id -> store.find(id).isPresent())
                        ? Set.of()
                        : DeclaredServiceComponents.names(context);
        for (String id : known) {
            if (store.find(id).isPresent()) {
                putBack(id);
            } else if (declaredByBundles.contains(id)) {
                waiting.add(id);
            } else {
                journal.deleteComponent(id);
                journal.audit(
                        Actors.FRAMEWORK,
                        "forget",
                        id,
                        null,
                        "its bundle was removed from the framework cache while the container was down");
            }
        }
        putBackDependencies();
    }

    /**
     * An entry was added: what the journal kept of it is put back, if it was waiting for it.
     *
     * @param record the new entry
     */
    void added(ComponentRecord record) {
        if (waiting.remove(record.id())) {
            putBack(record.id());
            putBackDependencies();
        }
    }

    /** Errors, a status set by hand and access counts of one entry. */
    private void putBack(String id) {
        Journal.Restored restored = kept;
        store.find(id).ifPresent(r -> {
            List<io.happyos.registry.ErrorRecord> errors = restored.errors().get(id);
            if (errors != null) {
                store.restoreErrors(r, errors);
            }
            String status = restored.manualStatuses().get(id);
            if (ComponentStatus.ERROR.name().equals(status)) {
                StatusChanges.hold(store, r, null); // its message is in the restored error history
            } else if (status != null) {
                store.setStatus(r, ComponentStatus.valueOf(status));
            }
            long[] counts = restored.access().get(id);
            if (counts != null) {
                r.restoreAccess(counts[0], counts[1]);
                flushedCounts.put(id, counts[0]);
            }
        });
    }

    /** The explicit dependencies whose two ends are entries now, once each. */
    private synchronized void putBackDependencies() {
        for (String[] edge : kept.dependencies()) {
            String key = edge[0] + "\n" + edge[1];
            if (restoredEdges.contains(key)
                    || store.find(edge[0]).isEmpty()
                    || store.find(edge[1]).isEmpty()) {
                continue;
            }
            restoredEdges.add(key);
            if (store.updateGraph(g -> g.addExplicit(edge[0], edge[1])).isPresent()) {
                PendingWrites.await(journal.deleteDependency(edge[0], edge[1]));
                journal.audit(
                        Actors.REGISTRY,
                        "drop-dependency",
                        edge[0],
                        null,
                        edge[0] + " -> " + edge[1] + " would now close a cycle declared by the manifests");
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
