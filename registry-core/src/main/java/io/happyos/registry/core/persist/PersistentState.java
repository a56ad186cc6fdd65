package io.happyos.registry.core.persist;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ErrorRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What the registry keeps across restarts: explicit dependencies, standalone components, error
 * histories, manual statuses and access counts. Every change goes through the
 * {@link DurableWriter} and returns a future that completes once it is committed (or fails with a
 * {@code RegistryException}); reads see what is committed. Returned collections are immutable.
 */
public final class PersistentState {

    private final RegistryDatabase db;
    private final DurableWriter writer;
    private final Clock clock;

    /**
     * @param db the database to read from
     * @param writer the writer to change it through
     * @param clock the time recorded with dependencies and manual statuses
     */
    public PersistentState(RegistryDatabase db, DurableWriter writer, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Keeps an explicit dependency; one that is already kept keeps its first time and actor.
     *
     * @param dependent the component that needs the other
     * @param dependency the component it needs
     * @param actor who added it
     * @return completes once committed
     */
    public CompletableFuture<Void> addDependency(String dependent, String dependency, String actor) {
        long at = clock.millis();
        return update(
                "the dependency of " + dependent + " on " + dependency,
                "INSERT OR IGNORE INTO explicit_dependency(dependent, dependency, added_at, actor) VALUES (?, ?, ?, ?)",
                dependent,
                dependency,
                at,
                actor);
    }

    /**
     * @param dependent the component that needed the other
     * @param dependency the component it needed
     * @return completes once committed
     */
    public CompletableFuture<Void> removeDependency(String dependent, String dependency) {
        return update(
                "the removal of the dependency of " + dependent + " on " + dependency,
                "DELETE FROM explicit_dependency WHERE dependent = ? AND dependency = ?",
                dependent,
                dependency);
    }

    /** @return every explicit dependency as {@code {dependent, dependency}}, oldest first */
    public List<String[]> dependencies() {
        return db.read(c -> {
            List<String[]> pairs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT dependent, dependency FROM explicit_dependency ORDER BY added_at, rowid");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return List.copyOf(pairs);
        });
    }

    /**
     * Keeps a standalone component, replacing what was kept under the same id. Its discovery
     * error is not kept.
     *
     * @param info what is known about it
     * @param id its id
     * @param registeredAt when it was registered
     * @return completes once committed
     */
    public CompletableFuture<Void> putComponent(ComponentInfo info, String id, Instant registeredAt) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registeredAt, "registeredAt");
        return writer.submit("the component " + id, c -> ComponentRows.put(c, id, info, registeredAt));
    }

    /**
     * Forgets a standalone component and everything about it, as {@link #forget}.
     *
     * @param id the component
     * @return completes once committed
     */
    public CompletableFuture<Void> removeComponent(String id) {
        return forget(id);
    }

    /** @return the standalone components, in the order they were registered */
    public List<StoredComponent> components() {
        return db.read(ComponentRows::all);
    }

    /**
     * Adds to a component's error history and drops its oldest errors beyond {@code keepNewest}.
     *
     * @param componentId the component
     * @param at when the error happened
     * @param message what went wrong
     * @param keepNewest how many errors to keep for the component
     * @return completes once committed
     */
    public CompletableFuture<Void> addError(String componentId, Instant at, String message, int keepNewest) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        return writer.submit("an error of " + componentId, c -> {
            execute(
                    c,
                    "INSERT INTO error_history(component_id, at, message) VALUES (?, ?, ?)",
                    componentId,
                    at.toEpochMilli(),
                    message);
            execute(
                    c,
                    "DELETE FROM error_history WHERE component_id = ? AND rowid NOT IN (SELECT rowid"
                            + " FROM error_history WHERE component_id = ? ORDER BY at DESC, rowid DESC LIMIT ?)",
                    componentId,
                    componentId,
                    keepNewest);
        });
    }

    /**
     * @param componentId the component
     * @return its error history, oldest first
     */
    public List<ErrorRecord> errors(String componentId) {
        return allErrors(componentId).getOrDefault(componentId, List.of());
    }

    /** @return every component's error history, oldest first, by component id */
    public Map<String, List<ErrorRecord>> allErrors() {
        return allErrors(null);
    }

    /**
     * Keeps a status set by hand, replacing the one kept before.
     *
     * @param componentId the component
     * @param status the status's name
     * @param reason why, or {@code null}
     * @return completes once committed
     */
    public CompletableFuture<Void> setManualStatus(String componentId, String status, String reason) {
        long at = clock.millis();
        return update(
                "the manual status of " + componentId,
                "INSERT OR REPLACE INTO manual_status(component_id," + " status, reason, at) VALUES (?, ?, ?, ?)",
                componentId,
                status,
                reason,
                at);
    }

    /**
     * @param componentId the component
     * @return completes once committed
     */
    public CompletableFuture<Void> clearManualStatus(String componentId) {
        return update(
                "the clearing of the manual status of " + componentId,
                "DELETE FROM manual_status WHERE component_id = ?",
                componentId);
    }

    /** @return the statuses set by hand, by component id */
    public Map<String, String> manualStatuses() {
        return db.read(c -> {
            Map<String, String> statuses = new LinkedHashMap<>();
            try (PreparedStatement s =
                            c.prepareStatement("SELECT component_id, status FROM manual_status ORDER BY component_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getString(2));
                }
            }
            return Map.copyOf(statuses);
        });
    }

    /**
     * Keeps access counts, all in one change.
     *
     * @param countAndLastMillis by component id: {@code {count, last access in epoch millis}}
     * @return completes once committed
     */
    public CompletableFuture<Void> saveAccess(Map<String, long[]> countAndLastMillis) {
        Map<String, long[]> copy = new LinkedHashMap<>();
        countAndLastMillis.forEach((id, v) -> copy.put(id, new long[] {v[0], v[1]}));
        return writer.submit("the access counts", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO access(component_id, count," + " last_accessed) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, long[]> e : copy.entrySet()) {
                    s.setString(1, e.getKey());
                    s.setLong(2, e.getValue()[0]);
                    s.setLong(3, e.getValue()[1]);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** @return the access counts, by component id: {@code {count, last access in epoch millis}} */
    public Map<String, long[]> access() {
        return db.read(c -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT component_id, count, last_accessed FROM access ORDER BY component_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            return Map.copyOf(counts);
        });
    }

    /**
     * Forgets everything about a component: its standalone entry, errors, manual status, access
     * counts and the explicit dependencies from or to it. Its audit records stay.
     *
     * @param componentId the component
     * @return completes once committed
     */
    public CompletableFuture<Void> forget(String componentId) {
        return writer.submit("the removal of " + componentId, c -> {
            execute(c, "DELETE FROM standalone_component WHERE id = ?", componentId);
            execute(c, "DELETE FROM error_history WHERE component_id = ?", componentId);
            execute(c, "DELETE FROM manual_status WHERE component_id = ?", componentId);
            execute(c, "DELETE FROM access WHERE component_id = ?", componentId);
            execute(
                    c,
                    "DELETE FROM explicit_dependency WHERE dependent = ? OR dependency = ?",
                    componentId,
                    componentId);
        });
    }

    private Map<String, List<ErrorRecord>> allErrors(String onlyComponent) {
        return db.read(c -> {
            Map<String, List<ErrorRecord>> errors = new LinkedHashMap<>();
            String sql = "SELECT component_id, at, message FROM error_history"
                    + (onlyComponent == null ? "" : " WHERE component_id = ?") + " ORDER BY component_id, at, rowid";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (onlyComponent != null) {
                    s.setString(1, onlyComponent);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        errors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new ErrorRecord(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                    }
                }
            }
            Map<String, List<ErrorRecord>> copy = new LinkedHashMap<>();
            errors.forEach((id, list) -> copy.put(id, List.copyOf(list)));
            return Collections.unmodifiableMap(copy);
        });
    }

    private CompletableFuture<Void> update(String what, String sql, Object... params) {
        return writer.submit(what, c -> execute(c, sql, params));
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    /**
     * Keeps the definition of an index by a manifest header.
     *
     * @param name the index
     * @param header the header
     * @return completes once durable
     */
    public CompletableFuture<Void> putHeaderIndex(String name, String header) {
        return writer.submit("the index " + name, c -> {
            try (var st = c.prepareStatement(
                    "INSERT OR REPLACE INTO header_index(name, header, created_at) VALUES (?, ?, ?)")) {
                st.setString(1, name);
                st.setString(2, header);
                st.setLong(3, System.currentTimeMillis());
                st.executeUpdate();
            }
        });
    }

    /**
     * Forgets an index definition.
     *
     * @param name the index
     * @return completes once durable
     */
    public CompletableFuture<Void> removeHeaderIndex(String name) {
        return writer.submit("the removal of the index " + name, c -> {
            try (var st = c.prepareStatement("DELETE FROM header_index WHERE name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
        });
    }

    /**
     * Keeps a provisioned set, replacing what was kept under its name.
     *
     * @param set the set
     * @return completes once committed
     */
    public CompletableFuture<Void> putProvisionedSet(io.happyos.registry.core.model.Journal.StoredSet set) {
        return writer.submit("the provisioned set " + set.name(), c -> ProvisionedSets.put(c, set));
    }

    /**
     * Forgets a provisioned set.
     *
     * @param name its name
     * @return completes once committed
     */
    public CompletableFuture<Void> removeProvisionedSet(String name) {
        return writer.submit("the removal of the provisioned set " + name, c -> ProvisionedSets.remove(c, name));
    }

    /**
     * Keeps a quota, replacing the one of the same scope and limit.
     *
     * @param quota the quota
     * @return completes once committed
     */
    public CompletableFuture<Void> putQuota(io.happyos.registry.core.model.Journal.StoredQuota quota) {
        return writer.submit("the quota " + quota.limit() + " of " + quota.scope(), c -> QuotaRows.put(c, quota));
    }

    /**
     * Forgets a quota.
     *
     * @param scope its scope
     * @param limit its limit's key
     * @return completes once committed
     */
    public CompletableFuture<Void> removeQuota(String scope, String limit) {
        return writer.submit(
                "the removal of the quota " + limit + " of " + scope, c -> QuotaRows.remove(c, scope, limit));
    }

    /** @return the quotas kept, ordered by scope and limit */
    public List<io.happyos.registry.core.model.Journal.StoredQuota> quotas() {
        return QuotaRows.all(db);
    }

    /** @return the header index definitions: name to header, ordered by name */
    public Map<String, String> headerIndexes() {
        return db.read(c -> {
            Map<String, String> indexes = new java.util.TreeMap<>();
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT name, header FROM header_index")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            return indexes;
        });
    }
}
