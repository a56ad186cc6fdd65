package io.happyos.registry.core.persist;

import static io.happyos.registry.core.persist.TestDatabases.execute;
import static io.happyos.registry.core.persist.TestDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.RegistryException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableWriterTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    @TempDir
    Path storage;

    private RegistryDatabase db;
    private DurableWriter writer;

    @BeforeEach
    void open() {
        db = RegistryDatabase.open(storage.resolve("registry.db"));
        writer = new DurableWriter(db, threads);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    @Test
    void commitsEverythingSubmittedFromManyThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        try {
            List<CompletableFuture<CompletableFuture<Void>>> submissions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String id = "c" + i;
                submissions.add(CompletableFuture.supplyAsync(
                        () -> writer.submit("access of " + id, c -> insertAccess(c, id)), threads));
            }
            for (CompletableFuture<CompletableFuture<Void>> s : submissions) {
                futures.add(s.get(10, TimeUnit.SECONDS));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(db.<String>read(c -> text(c, "SELECT count(*) FROM access"))).isEqualTo("100");
        assertThat(writer.pending()).isZero();
    }

    @Test
    void runsWorkOnItsOwnDaemonThread() {
        Thread[] seen = new Thread[1];
        writer.submit(c -> seen[0] = Thread.currentThread()).join();
        assertThat(seen[0].getName()).isEqualTo("happyos-registry-db-writer");
        assertThat(seen[0].isDaemon()).isTrue();
    }

    @Test
    void aFailingWorkFailsOnlyItsOwnFuture() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = blockWriter(release);
        CompletableFuture<Void> before = writer.submit(c -> insertAccess(c, "before"));
        CompletableFuture<Void> failing = writer.submit("the broken change", c -> {
            insertAccess(c, "undone");
            execute(c, "INSERT INTO no_such_table VALUES (1)");
        });
        CompletableFuture<Void> after = writer.submit(c -> insertAccess(c, "after"));
        assertThat(writer.pending()).isEqualTo(4);
        release.countDown();

        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        blocker.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(failing::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("could not record the broken change: ")
                .hasMessageContaining("no such table");
        assertThat(db.<String>read(c -> text(
                        c,
                        "SELECT group_concat(component_id, ',') FROM"
                                + " (SELECT component_id FROM access ORDER BY component_id)")))
                .isEqualTo("after,before");
    }

    @Test
    void aFailingCommitFailsEveryFutureOfTheBatch() throws Exception {
        // a deferred foreign key is only checked at COMMIT: a stand-in for a full disk
        execute(
                db.writeConnection(),
                "PRAGMA foreign_keys = ON",
                "CREATE TABLE parent(id INTEGER PRIMARY KEY)",
                "CREATE TABLE child(parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = blockWriter(release);
        CompletableFuture<Void> good = writer.submit("the good change", c -> insertAccess(c, "good"));
        CompletableFuture<Void> orphan = writer.submit("the orphan", c -> execute(c, "INSERT INTO child VALUES (9)"));
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(good::join)
                .cause()
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("could not record the good change: the transaction could not be committed");
        assertThatThrownBy(orphan::join).cause().hasMessageContaining("FOREIGN KEY");
        assertThat(db.<String>read(c -> text(c, "SELECT count(*) FROM access"))).isEqualTo("0");

        writer.submit(c -> insertAccess(c, "later")).get(10, TimeUnit.SECONDS);
        assertThat(db.<String>read(c -> text(c, "SELECT count(*) FROM access"))).isEqualTo("1");
    }

    @Test
    void closeWritesWhatIsQueuedAndRefusesMore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        blockWriter(release);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "q" + i;
            queued.add(writer.submit(c -> insertAccess(c, id)));
        }
        Thread closer = new Thread(writer::close);
        closer.start();
        release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(db.<String>read(c -> text(c, "SELECT count(*) FROM access"))).isEqualTo("10");
        assertThatThrownBy(() -> writer.submit("a late change", c -> {}).join())
                .cause()
                .hasMessageContaining("could not record a late change: the registry database is closed");
    }

    private static void insertAccess(java.sql.Connection c, String id) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access VALUES (?, 1, 1)")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /** Keeps the writer busy in a batch of its own until released, so what follows makes one batch. */
    private CompletableFuture<Void> blockWriter(CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> blocker = writer.submit(c -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return blocker;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
