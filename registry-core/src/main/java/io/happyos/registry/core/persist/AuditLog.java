package io.happyos.registry.core.persist;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The audit log, kept in the {@code audit} table: who did what to which component, when, and
 * whether it worked. Records are written through the {@link DurableWriter}; their time is taken
 * when they are recorded, not when they are written.
 */
public final class AuditLog {

    private final RegistryDatabase db;
    private final DurableWriter writer;
    private final Clock clock;
    private final ConcurrentHashMap<String, LongAdder> recorded = new ConcurrentHashMap<>();

    /**
     * @param db the database to read from
     * @param writer the writer to record through
     * @param clock the time of each record
     */
    public AuditLog(RegistryDatabase db, DurableWriter writer, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records an operation.
     *
     * @param actor who did it; never null
     * @param operation what was done; never null
     * @param componentId the component concerned, or {@code null}
     * @param ok whether it succeeded
     * @param error why it failed, or {@code null}
     * @param details more about it, or {@code null}
     * @return completes once the record is committed; fails with a {@code RegistryException}
     * @throws NullPointerException when {@code actor} or {@code operation} is null
     */
    public CompletableFuture<Void> record(
            String actor, String operation, String componentId, boolean ok, String error, String details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operation, "operation");
        long at = clock.millis();
        recorded.computeIfAbsent(operation, o -> new LongAdder()).increment();
        return writer.submit("the audit record of " + operation, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit(at, actor, operation, component_id, ok,"
                    + " error, details) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, at);
                s.setString(2, actor);
                s.setString(3, operation);
                s.setString(4, componentId);
                s.setInt(5, ok ? 1 : 0);
                s.setString(6, error);
                s.setString(7, details);
                s.executeUpdate();
            }
        });
    }

    /**
     * How many records of an operation were recorded since this log was opened, committed or not yet.
     *
     * @param operation the operation
     * @return the count; 0 for an operation never recorded
     */
    public long recorded(String operation) {
        LongAdder count = recorded.get(operation);
        return count == null ? 0L : count.sum();
    }

    /**
     * The committed records that match, newest first.
     *
     * @param q the filters and the limit
     * @return an immutable list of at most {@code q.limit()} records
     * @throws io.happyos.registry.RegistryException when the database cannot answer
     */
    public List<AuditRecord> query(AuditQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT seq, at, actor, operation, component_id, ok, error, details FROM audit WHERE 1 = 1");
        where(sql, params, "component_id = ?", q.componentId());
        where(sql, params, "operation = ?", q.operation());
        where(sql, params, "actor = ?", q.actor());
        where(sql, params, "at >= ?", q.since() == null ? null : q.since().toEpochMilli());
        where(sql, params, "at < ?", q.until() == null ? null : q.until().toEpochMilli());
        if (q.failedOnly()) {
            sql.append(" AND ok = 0");
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(q.limit());
        return db.read(c -> select(c, sql.toString(), params));
    }

    /**
     * Deletes the oldest records beyond {@code maxRecords} and those older than {@code maxAge},
     * through the writer: it never blocks the caller.
     *
     * @param maxRecords how many records to keep at most
     * @param maxAge how old a kept record may be
     * @return completes once the records are deleted; callers may ignore it
     */
    public CompletableFuture<Void> prune(int maxRecords, Duration maxAge) {
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords must not be negative, was " + maxRecords);
        }
        long oldest = clock.millis() - maxAge.toMillis();
        return writer.submit("the pruning of the audit log", c -> {
            try (PreparedStatement byAge = c.prepareStatement("DELETE FROM audit WHERE at < ?");
                    PreparedStatement byCount = c.prepareStatement("DELETE FROM audit WHERE seq <= (SELECT seq"
                            + " FROM audit ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
                byAge.setLong(1, oldest);
                byAge.executeUpdate();
                byCount.setInt(1, maxRecords);
                byCount.executeUpdate();
            }
        });
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static List<AuditRecord> select(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(
                            rs.getLong(1),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6) != 0,
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
            return List.copyOf(records);
        }
    }
}
