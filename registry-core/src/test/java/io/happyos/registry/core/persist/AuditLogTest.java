package io.happyos.registry.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path storage;

    private RegistryDatabase db;
    private DurableWriter writer;
    private TestDatabases.SettableClock clock;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = RegistryDatabase.open(storage.resolve("registry.db"));
        writer = new DurableWriter(db, threads);
        clock = new TestDatabases.SettableClock(T0);
        audit = new AuditLog(db, writer, clock);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    /** Records at T0 + 0..4 minutes: seq 1..5. */
    private void recordFive() {
        record(0, "shell", "activate", "a", true, null, "first");
        record(1, "shell", "add-dependency", "a", true, null, "a -> b");
        record(2, "folder-watcher", "activate", "b", false, "boom", null);
        record(3, "bundle:x", "quarantine", null, true, null, null);
        record(4, "shell", "activate", "a", false, "again", null);
    }

    private void record(int minute, String actor, String op, String id, boolean ok, String error, String details) {
        clock.set(T0.plus(Duration.ofMinutes(minute)));
        audit.record(actor, op, id, ok, error, details).join();
    }

    private static List<Long> seqs(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::sequence).toList();
    }

    @Test
    void returnsEveryFieldNewestFirst() {
        recordFive();
        List<AuditRecord> all = audit.query(AuditQuery.latest());

        assertThat(seqs(all)).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(all.get(2))
                .isEqualTo(new AuditRecord(
                        3, T0.plus(Duration.ofMinutes(2)), "folder-watcher", "activate", "b", false, "boom", null));
        assertThat(all.get(4).details()).isEqualTo("first");
        assertThat(all.get(1).componentId()).isNull();
    }

    @Test
    void filtersByEachField() {
        recordFive();
        assertThat(seqs(audit.query(AuditQuery.latest().forComponent("a")))).containsExactly(5L, 2L, 1L);
        assertThat(seqs(audit.query(new AuditQuery(null, "activate", null, null, null, false, 10))))
                .containsExactly(5L, 3L, 1L);
        assertThat(seqs(audit.query(new AuditQuery(null, null, "shell", null, null, false, 10))))
                .containsExactly(5L, 2L, 1L);
        assertThat(seqs(audit.query(new AuditQuery(null, null, null, T0.plus(Duration.ofMinutes(2)), null, false, 10))))
                .as("since is inclusive")
                .containsExactly(5L, 4L, 3L);
        assertThat(seqs(audit.query(new AuditQuery(null, null, null, null, T0.plus(Duration.ofMinutes(2)), false, 10))))
                .as("until is exclusive")
                .containsExactly(2L, 1L);
        assertThat(seqs(audit.query(new AuditQuery(null, null, null, null, null, true, 10))))
                .containsExactly(5L, 3L);
        assertThat(seqs(audit.query(
                        new AuditQuery("a", "activate", "shell", T0, T0.plus(Duration.ofHours(1)), true, 10))))
                .containsExactly(5L);
        assertThat(seqs(audit.query(AuditQuery.latest().limit(2)))).containsExactly(5L, 4L);
        assertThat(audit.query(AuditQuery.latest().forComponent("nobody"))).isEmpty();
    }

    @Test
    void prunesBeyondTheCount() {
        recordFive();
        audit.prune(2, Duration.ofDays(365)).join();
        assertThat(seqs(audit.query(AuditQuery.latest()))).containsExactly(5L, 4L);
    }

    @Test
    void prunesOlderThanTheAge() {
        recordFive();
        clock.set(T0.plus(Duration.ofMinutes(10)));
        audit.prune(1000, Duration.ofMinutes(7)).join();
        assertThat(seqs(audit.query(AuditQuery.latest())))
                .as("records at minute 3 and later remain")
                .containsExactly(5L, 4L);
    }

    @Test
    void pruningAnEmptyLogDoesNothing() {
        audit.prune(0, Duration.ZERO).join();
        assertThat(audit.query(AuditQuery.latest())).isEmpty();
    }

    @Test
    void sequenceNumbersKeepGrowingAfterPruning() {
        recordFive();
        audit.prune(0, Duration.ofDays(1)).join();
        record(5, "shell", "activate", "a", true, null, null);
        assertThat(seqs(audit.query(AuditQuery.latest()))).containsExactly(6L);
    }
}
