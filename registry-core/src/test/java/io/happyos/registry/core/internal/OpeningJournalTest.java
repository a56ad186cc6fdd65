package io.happyos.registry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpeningJournalTest {

    /** Records the order of the writes it receives. */
    private static final class Recording implements Journal {
        final List<String> writes = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
            writes.add("+" + dependent + ">" + dependency);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> deleteDependency(String dependent, String dependency) {
            writes.add("-" + dependent + ">" + dependency);
            return CompletableFuture.completedFuture(null);
        }

        private final io.happyos.registry.core.stats.JournalFigures figures =
                new io.happyos.registry.core.stats.JournalFigures(0, 0, 1, 2, 3);

        @Override
        public io.happyos.registry.core.stats.JournalFigures figures() {
            return figures;
        }

        @Override
        public void deleteComponent(String id) {
            writes.add("delete " + id);
        }

        @Override
        public List<AuditRecord> query(AuditQuery query) {
            writes.add("query");
            return List.of();
        }
    }

    @Test
    void writesMadeWhileTheDatabaseOpensReachItInTheirOrderAndTheirFuturesCompleteThen() throws Exception {
        CompletableFuture<Journal> opening = new CompletableFuture<>();
        OpeningJournal journal = new OpeningJournal(opening);

        CompletableFuture<Void> added = journal.writeDependency("a", "b", "shell");
        CompletableFuture<Void> removed = journal.deleteDependency("a", "b");
        journal.deleteComponent("a");
        assertThat(added).isNotDone();
        assertThat(journal.restore().components()).isEmpty(); // a new database: nothing to wait for

        Recording database = new Recording();
        opening.complete(database);
        journal.writeDependency("c", "d", "shell");

        assertThat(added).isCompleted();
        assertThat(removed).isCompleted();
        assertThat(database.writes).containsExactly("+a>b", "-a>b", "delete a", "+c>d");
        assertThat(journal.figures()).isSameAs(database.figures());
    }

    /** As the SQLite journal: writes run on one writer thread; some calls wait for theirs. */
    private static final class OnWriterThread implements Journal {
        final List<String> writes = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();

        @Override
        public CompletableFuture<Void> writeDependency(String dependent, String dependency, String actor) {
            return CompletableFuture.runAsync(() -> writes.add("+" + dependent + ">" + dependency), writer);
        }

        @Override
        public void deleteComponent(String id) {
            try {
                CompletableFuture.runAsync(() -> writes.add("delete " + id), writer)
                        .get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                writes.add("delete " + id + " not written: " + e);
            }
        }
    }

    @Test
    void aWriteMadeWhenAnEarlierOneCompletesOnTheWriterThreadDoesNotBlockTheHandOver() throws Exception {
        CompletableFuture<Journal> opening = new CompletableFuture<>();
        OpeningJournal journal = new OpeningJournal(opening);
        // an operation writes its audit record once its change is durable, on the writer's thread
        CompletableFuture<Void> audited = journal.writeDependency("a", "b", "shell")
                .thenCompose(ignored -> journal.writeDependency("audit", "a", "shell"));
        journal.deleteComponent("c"); // waits for the writer while the hand-over is under way

        OnWriterThread database = new OnWriterThread();
        try {
            CompletableFuture.runAsync(() -> opening.complete(database)).get(10, TimeUnit.SECONDS);
            audited.get(10, TimeUnit.SECONDS);

            assertThat(database.writes).containsExactly("+a>b", "delete c", "+audit>a");
        } finally {
            database.writer.shutdownNow();
        }
    }

    @Test
    void everyMethodOfTheJournalIsHandedOnNotLeftToItsDoNothingDefault() {
        for (java.lang.reflect.Method method : Journal.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThat(java.util.Arrays.stream(OpeningJournal.class.getDeclaredMethods())
                            .anyMatch(m -> m.getName().equals(method.getName())
                                    && java.util.Arrays.equals(m.getParameterTypes(), method.getParameterTypes())))
                    .as("OpeningJournal overrides %s", method)
                    .isTrue();
        }
    }

    @Test
    void aReadWaitsForTheDatabase() throws Exception {
        CompletableFuture<Journal> opening = new CompletableFuture<>();
        OpeningJournal journal = new OpeningJournal(opening);
        Recording database = new Recording();
        CountDownLatch reading = new CountDownLatch(1);
        CompletableFuture<List<AuditRecord>> read = CompletableFuture.supplyAsync(() -> {
            reading.countDown();
            return journal.query(AuditQuery.latest());
        });
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(read).isNotDone();

        opening.complete(database);

        assertThat(read.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(database.writes).containsExactly("query");
    }

    @Test
    void aDatabaseThatCannotBeCreatedFailsEveryWriteWithTheCause() {
        CompletableFuture<Journal> opening = new CompletableFuture<>();
        OpeningJournal journal = new OpeningJournal(opening);
        CompletableFuture<Void> before = journal.writeDependency("a", "b", "shell");

        opening.completeExceptionally(new RegistryException("disk full"));

        assertThatThrownBy(before::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("disk full");
        assertThatThrownBy(() -> journal.writeDependency("c", "d", "shell").join())
                .hasRootCauseMessage("disk full");
        assertThatThrownBy(() -> journal.query(AuditQuery.latest()))
                .isInstanceOf(RegistryException.class)
                .hasMessage("disk full");
    }
}
