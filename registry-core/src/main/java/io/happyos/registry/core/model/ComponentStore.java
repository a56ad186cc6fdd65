package io.happyos.registry.core.model;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.DependencyGraph;
import io.happyos.registry.core.index.IndexSet;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every entry of the registry and the dependency graph between them.
 *
 * <p>Entries live in concurrent maps, so lookups take no lock. The graph is guarded by a read-write
 * lock held only for the graph operation itself, never while a bundle starts or stops. Adding and
 * removing entries is serialised by the graph's write lock, which keeps the maps and the graph in
 * step.
 */
public final class ComponentStore {

    private final Map<String, ComponentRecord> byId = new ConcurrentHashMap<>();
    private final Map<Long, ComponentRecord> byBundle = new ConcurrentHashMap<>();
    private final DependencyGraph graph = new DependencyGraph();
    private final ReadWriteLock graphLock = new ReentrantReadWriteLock();
    private final IndexSet indexes = new IndexSet();
    // bumped under the graph's write lock after every change of it: snapshots show edges
    private volatile long graphVersion;
    private final EntrySnapshots snapshots = new EntrySnapshots(this);
    private final StatusNotifier notifier;
    private final Clock clock;
    private final int maxErrors;
    private volatile java.util.function.BiConsumer<String, ErrorRecord> errorSink = (id, error) -> {};
    private volatile Consumer<ComponentRecord> addedSink = record -> {};
    private volatile Consumer<String> heldErrorSink = id -> {};

    /**
     * A store that reports status changes to a notifier.
     *
     * @param notifier where status changes go
     * @param clock the time source
     * @param maxErrors how many errors each history keeps (the newest)
     */
    public ComponentStore(StatusNotifier notifier, Clock clock, int maxErrors) {
        this.notifier = notifier;
        this.clock = clock;
        this.maxErrors = maxErrors;
    }

    /**
     * Sets who is told of every error added to a history (to keep it).
     *
     * @param sink told the component id and the error
     */
    public void errorSink(java.util.function.BiConsumer<String, ErrorRecord> sink) {
        this.errorSink = sink;
    }

    /**
     * Sets who is told of every entry added, once callbacks and indexes know of it (to put back
     * what was kept of it).
     *
     * @param sink told the new record, on the thread that added it
     */
    public void addedSink(Consumer<ComponentRecord> sink) {
        this.addedSink = sink;
    }

    /**
     * Sets who is told when an ERROR set by hand ends because another version of the component
     * was installed (to forget it durably).
     *
     * @param sink told the component's id, on the thread that changed the information
     */
    public void heldErrorSink(Consumer<String> sink) {
        this.heldErrorSink = sink;
    }

    /**
     * Puts back an error history kept from an earlier run, without telling the sink.
     *
     * @param record the entry
     * @param errors the errors, oldest first
     */
    public void restoreErrors(ComponentRecord record, List<ErrorRecord> errors) {
        synchronized (record) {
            errors.forEach(e -> record.addError(e, maxErrors));
            refile(record);
        }
    }

    /** @return the type, status and custom indexes, kept current by this store */
    public IndexSet indexes() {
        return indexes;
    }

    /**
     * Adds an entry under a new id derived from the preferred one: the preferred id itself, else
     * {@code preferred@version}, else {@code preferred@version#bundleId}.
     *
     * @param preferredId the id wanted
     * @param bundleId the bundle behind it, or {@link RegistryEntry#NO_BUNDLE}
     * @param info the component
     * @param status its first status
     * @return the new record
     */
    public ComponentRecord add(String preferredId, long bundleId, ComponentInfo info, ComponentStatus status) {
        ComponentRecord record;
        graphLock.writeLock().lock();
        try {
            record = insert(freeId(preferredId, info.version(), bundleId), bundleId, info, status);
        } finally {
            graphLock.writeLock().unlock();
        }
        announce(record);
        addedSink.accept(record);
        return record;
    }

    /**
     * Adds an entry with exactly this id.
     *
     * @param id the id
     * @param info the component
     * @return the new record
     * @throws RegistryException when the id is taken
     */
    public ComponentRecord addExactly(String id, ComponentInfo info) {
        ComponentRecord record;
        graphLock.writeLock().lock();
        try {
            if (byId.containsKey(id)) {
                throw new RegistryException("a component with id '" + id
                        + "' is already registered: unregister it first or choose another name");
            }
            record = insert(id, RegistryEntry.NO_BUNDLE, info, ComponentStatus.REGISTERED);
        } finally {
            graphLock.writeLock().unlock();
        }
        announce(record);
        addedSink.accept(record);
        return record;
    }

    /** Puts a new record in the maps and the graph; the caller holds the graph's write lock. */
    private ComponentRecord insert(String id, long bundleId, ComponentInfo info, ComponentStatus status) {
        ComponentRecord record = new ComponentRecord(id, bundleId, info, status, clock.instant(), snapshots);
        byId.put(id, record);
        if (bundleId >= 0) {
            byBundle.put(bundleId, record);
        }
        graph.addNode(id);
        return record;
    }

    /**
     * Tells callbacks and indexes of a new record. Never called under the graph lock: the lock
     * order is a record's monitor, then the graph.
     */
    private void announce(ComponentRecord record) {
        synchronized (record) {
            notifier.publish(record.id(), null, record.status());
            refile(record);
        }
    }

    private String freeId(String preferred, String version, long bundleId) {
        if (!byId.containsKey(preferred)) {
            return preferred;
        }
        String versioned = preferred + "@" + (version == null ? "0" : version);
        if (!byId.containsKey(versioned)) {
            return versioned;
        }
        return versioned + "#" + bundleId;
    }

    /**
     * Removes an entry and its edges.
     *
     * @param record the entry
     */
    public void remove(ComponentRecord record) {
        graphLock.writeLock().lock();
        try {
            if (!byId.remove(record.id(), record)) {
                return;
            }
            record.markRemoved();
            if (record.hasBundle()) {
                byBundle.remove(record.bundleId(), record);
            }
            graph.removeNode(record.id());
        } finally {
            graphVersion++;
            snapshots.graphChanged(); // after the version: see EntrySnapshots
            graphLock.writeLock().unlock();
        }
        synchronized (record) {
            indexes.remove(record.id());
            notifier.publish(record.id(), record.status(), null);
        }
    }

    /** Files a record again in the indexes; the caller holds its monitor, which keeps the order. */
    private void refile(ComponentRecord record) {
        if (byId.get(record.id()) == record) {
            indexes.put(snapshot(record));
        }
    }

    /**
     * The entry with this id.
     *
     * @param id the id
     * @return the record
     * @throws ComponentNotFoundException when there is none
     */
    public ComponentRecord record(String id) {
        ComponentRecord record = byId.get(id);
        if (record == null) {
            throw new ComponentNotFoundException(id);
        }
        return record;
    }

    /**
     * @param id the id
     * @return the record, if any
     */
    public Optional<ComponentRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param bundleId a bundle id
     * @return the record of that bundle, if any
     */
    public Optional<ComponentRecord> findByBundle(long bundleId) {
        return Optional.ofNullable(byBundle.get(bundleId));
    }

    /** @return every record, in no particular order */
    public List<ComponentRecord> records() {
        return List.copyOf(byId.values());
    }

    /**
     * Changes a status and tells the callbacks. While an ERROR set by hand is held
     * ({@link ComponentRecord#errorHeld()}, see {@code StatusChanges}), other statuses are ignored,
     * whatever sets them (bundle events, activation, SCR).
     *
     * @param record the entry
     * @param status the new status
     */
    public void setStatus(ComponentRecord record, ComponentStatus status) {
        synchronized (record) {
            if (record.errorHeld() && status != ComponentStatus.ERROR) {
                return;
            }
            ComponentStatus old = record.status(status);
            notifier.publish(record.id(), old, status);
            refile(record);
        }
    }

    /**
     * Changes a status only if it is the expected one.
     *
     * @param record the entry
     * @param expected the status it must have
     * @param status the new status
     * @return whether it changed
     */
    public boolean compareAndSetStatus(
            ComponentRecord record, Predicate<ComponentStatus> expected, ComponentStatus status) {
        synchronized (record) {
            if (!expected.test(record.status()) || record.errorHeld() && status != ComponentStatus.ERROR) {
                return false;
            }
            setStatus(record, status);
            return true;
        }
    }

    /**
     * Appends to the error history and puts the entry in {@link ComponentStatus#ERROR}.
     *
     * @param record the entry
     * @param message why
     */
    public void markError(ComponentRecord record, String message) {
        synchronized (record) {
            ErrorRecord error = new ErrorRecord(clock.instant(), message);
            record.addError(error, maxErrors);
            errorSink.accept(record.id(), error);
            setStatus(record, ComponentStatus.ERROR);
        }
    }

    /**
     * Appends to the error history without changing the status.
     *
     * @param record the entry
     * @param message what happened
     */
    public void recordError(ComponentRecord record, String message) {
        synchronized (record) {
            ErrorRecord error = new ErrorRecord(clock.instant(), message);
            record.addError(error, maxErrors);
            errorSink.accept(record.id(), error);
            refile(record);
        }
    }

    /**
     * Sets the missing requirements and the declared edges of an entry in one step.
     *
     * @param record the entry
     * @param declared for each dependency id, the requirements that make it one
     * @param missing requirements nothing provides
     */
    public void setDeclared(ComponentRecord record, Map<String, List<String>> declared, List<String> missing) {
        record.missingRequirements(missing);
        writeGraph(g -> {
            if (byId.get(record.id()) == record) {
                g.setDeclared(record.id(), declared);
            }
        });
    }

    /**
     * Updates what is known about a component.
     *
     * @param record the entry
     * @param info the new information
     */
    public void setInfo(ComponentRecord record, ComponentInfo info) {
        boolean heldErrorEnded;
        synchronized (record) {
            // an ERROR set by hand is about the version it was set on: another version (a reload, a
            // rollback) ends it
            heldErrorEnded = record.errorHeld()
                    && !java.util.Objects.equals(record.info().version(), info.version());
            if (heldErrorEnded) {
                record.errorHeld(false);
            }
            record.info(info);
            refile(record);
        }
        if (heldErrorEnded) {
            heldErrorSink.accept(record.id());
        }
    }

    /**
     * Reads the graph under its read lock.
     *
     * @param query what to compute
     * @return its result
     */
    public <T> T readGraph(Function<DependencyGraph, T> query) {
        graphLock.readLock().lock();
        try {
            return query.apply(graph);
        } finally {
            graphLock.readLock().unlock();
        }
    }

    /**
     * Changes the graph under its write lock.
     *
     * @param change what to do
     */
    public void writeGraph(Consumer<DependencyGraph> change) {
        graphLock.writeLock().lock();
        try {
            change.accept(graph);
        } finally {
            graphVersion++;
            snapshots.graphChanged(); // after the version: see EntrySnapshots
            graphLock.writeLock().unlock();
        }
    }

    /**
     * Changes the graph under its write lock and returns a result.
     *
     * @param change what to do
     * @return its result
     */
    public <T> T updateGraph(Function<DependencyGraph, T> change) {
        graphLock.writeLock().lock();
        try {
            return change.apply(graph);
        } finally {
            graphVersion++;
            snapshots.graphChanged(); // after the version: see EntrySnapshots
            graphLock.writeLock().unlock();
        }
    }

    /**
     * An immutable snapshot of an entry: the one built last while nothing it shows changed, without
     * a lock or an allocation (see {@link EntrySnapshots}).
     *
     * @param record the entry
     * @return the snapshot
     */
    public RegistryEntry snapshot(ComponentRecord record) {
        return snapshots.of(record);
    }

    /**
     * The entry of an id, as {@link #snapshot} hands it out: while nothing it shows changed, one
     * hash lookup that finds the entry itself.
     *
     * @param id the id
     * @return the entry
     * @throws ComponentNotFoundException when there is none
     */
    public RegistryEntry snapshot(String id) {
        RegistryEntry entry = snapshots.published(id);
        return entry != null ? entry : snapshots.publish(record(id));
    }

    /**
     * The entry of an id, if any: {@link #snapshot(String)} without the exception.
     *
     * @param id the id
     * @return the entry
     */
    public Optional<RegistryEntry> findSnapshot(String id) {
        RegistryEntry entry = snapshots.published(id);
        if (entry != null) {
            return Optional.of(entry);
        }
        ComponentRecord record = byId.get(id);
        return record == null ? Optional.empty() : Optional.of(snapshots.publish(record));
    }

    /** @return a number that changes after every change of the graph */
    long graphVersion() {
        return graphVersion;
    }

    /**
     * Snapshots of the entries that match, ordered by id.
     *
     * @param filter which entries
     * @return snapshots, unmodifiable
     */
    public List<RegistryEntry> snapshots(Predicate<ComponentRecord> filter) {
        return byId.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(ComponentRecord::id))
                .map(this::snapshot)
                .toList();
    }

    /**
     * Snapshots of the entries with these ids, ordered by id; ids no longer registered are skipped.
     *
     * @param ids the ids, from an index
     * @return snapshots, unmodifiable
     */
    public List<RegistryEntry> snapshots(Collection<String> ids) {
        // one array sorted in place and one filled: a query's cost is its result's, not the store's
        String[] sorted = ids.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        RegistryEntry[] entries = new RegistryEntry[sorted.length];
        int found = 0;
        for (String id : sorted) {
            ComponentRecord record = byId.get(id);
            if (record != null) {
                entries[found++] = snapshot(record);
            }
        }
        return List.of(found == entries.length ? entries : java.util.Arrays.copyOf(entries, found));
    }
}
