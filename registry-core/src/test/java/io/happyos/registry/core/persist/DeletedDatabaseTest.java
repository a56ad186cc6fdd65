package io.happyos.registry.core.persist;

import static io.happyos.registry.core.persist.TestDatabases.execute;
import static io.happyos.registry.core.persist.TestDatabases.raw;
import static io.happyos.registry.core.persist.TestDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ErrorRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry.db deleted (or replaced) while the container runs: the next change re-creates it at its
 * path with everything kept so far, before that change is acknowledged; nothing acknowledged is lost.
 */
class DeletedDatabaseTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path storage;

    private RegistryDatabase db;
    private DurableWriter writer;
    private PersistentState state;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = RegistryDatabase.open(file());
        writer = new DurableWriter(db, threads);
        state = new PersistentState(db, writer, Clock.systemUTC());
        audit = new AuditLog(db, writer, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private Path file() {
        return storage.resolve("registry.db");
    }

    private void reopen() {
        close();
        open();
    }

    /** Everything kept before the deletion. */
    private void keepSomeOfEverything() {
        state.addDependency("a", "b", "shell").join();
        state.putComponent(ComponentInfo.of("planner", "skill"), "planner", T0).join();
        state.addError("a", T0, "disk full", 10).join();
        state.setManualStatus("a", "ERROR", "boom").join();
        state.saveAccess(Map.of("a", new long[] {3, 42})).join();
        state.putHeaderIndex("by-vendor", "Bundle-Vendor").join();
        audit.record("shell", "mark-error", "a", true, null, "boom").join();
    }

    private void assertEverythingIsBack() {
        assertKept("a->b", "c->d");
        assertThat(audit.query(AuditQuery.latest()))
                .extracting(AuditRecord::operation)
                .containsExactly("add-dependency", "mark-error");
    }

    private void assertKept(String... dependencies) {
        assertThat(state.dependencies()).extracting(d -> d[0] + "->" + d[1]).containsExactly(dependencies);
        assertThat(state.components()).extracting(StoredComponent::id).containsExactly("planner");
        assertThat(state.errors("a")).extracting(ErrorRecord::message).containsExactly("disk full");
        assertThat(state.manualStatuses()).containsExactly(Map.entry("a", "ERROR"));
        assertThat(state.access().get("a")).containsExactly(3, 42);
        assertThat(state.headerIndexes()).containsExactly(Map.entry("by-vendor", "Bundle-Vendor"));
        assertThat(audit.query(AuditQuery.latest()))
                .extracting(AuditRecord::operation)
                .contains("mark-error");
    }

    private void changeAfterTheDeletion() {
        state.addDependency("c", "d", "shell").join();
        audit.record("shell", "add-dependency", "c", true, null, "d").join();
    }

    @Test
    void aDeletedDatabaseIsRecreatedWithEverythingBeforeTheNextChangeIsAcknowledged() throws Exception {
        keepSomeOfEverything();

        Files.delete(file());
        changeAfterTheDeletion();

        assertThat(file()).exists();
        assertEverythingIsBack();
        reopen();
        assertEverythingIsBack();
        assertThat(db.<Integer>read(Connections::userVersion)).isEqualTo(RegistryDatabase.schemaVersion());
    }

    @Test
    void aDatabaseDeletedWithItsWalAndShmFilesIsRecreatedToo() throws Exception {
        keepSomeOfEverything();

        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(storage.resolve("registry.db" + suffix));
        }
        changeAfterTheDeletion();

        reopen();
        assertEverythingIsBack();
    }

    @Test
    void aWalFileLeftBehindByTheDeletionIsNotAppliedToTheNewDatabase() throws Exception {
        keepSomeOfEverything();
        assertThat(storage.resolve("registry.db-wal")).exists();

        Files.delete(file());
        changeAfterTheDeletion();
        reopen();

        assertEverythingIsBack();
        assertThat(db.<String>read(c -> text(c, "PRAGMA quick_check"))).isEqualTo("ok");
    }

    @Test
    void aDatabaseReplacedByAnotherFileIsMovedAsideAndRecreated() throws Exception {
        keepSomeOfEverything();
        Path other = storage.resolve("other.db");
        try (Connection c = raw(other)) {
            execute(c, "CREATE TABLE customer(name TEXT)", "INSERT INTO customer VALUES ('keep me')");
        }

        Files.move(other, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        changeAfterTheDeletion();
        reopen();

        assertEverythingIsBack();
        List<Path> aside = besides("registry.db.replaced-");
        assertThat(aside).hasSize(1);
        try (Connection c = raw(aside.get(0))) {
            assertThat(text(c, "SELECT name FROM customer")).isEqualTo("keep me");
        }
    }

    @Test
    void aDatabaseDeletedJustBeforeTheContainerStopsIsRecreatedWhenItCloses() throws Exception {
        keepSomeOfEverything();

        Files.delete(file());
        reopen();

        assertKept("a->b");
    }

    @Test
    void aDatabaseDeletedWhileNothingChangesIsRecreatedWithinSeconds() throws Exception {
        keepSomeOfEverything();

        Files.delete(file());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file()));
        assertKept("a->b");
    }

    private List<Path> besides(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList();
        }
    }
}
