package io.happyos.registry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.StatusNotifier;
import io.happyos.registry.core.stats.StatusHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entries {@link ComponentStore#snapshot} hands out: reused while nothing changed, fresh after any change. */
class ComponentStoreSnapshotTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    private final StatusNotifier notifier = new StatusNotifier(
            new TimedCalls("test", threads), Duration.ofSeconds(5), new StatusHistory(16, Clock.systemUTC()), threads);
    private final ComponentStore store = new ComponentStore(notifier, Clock.systemUTC(), 3);

    @AfterEach
    void close() {
        notifier.close();
    }

    private ComponentRecord add(String id) {
        return store.addExactly(id, ComponentInfo.of(id, "service"));
    }

    /**
     * The entry as a lookup by id and one by record see it: the same object, while the record is
     * in the store (by id, an unknown id).
     */
    private RegistryEntry read(ComponentRecord record) {
        RegistryEntry byRecord = store.snapshot(record);
        if (record.removed()) {
            assertThatThrownBy(() -> store.snapshot(record.id())).isInstanceOf(ComponentNotFoundException.class);
            assertThat(store.findSnapshot(record.id())).isEmpty();
            return byRecord;
        }
        RegistryEntry byId = store.snapshot(record.id());
        assertThat(byId).isSameAs(byRecord);
        assertThat(store.findSnapshot(record.id())).containsSame(byId);
        return byId;
    }

    @Test
    void theSameEntryIsHandedOutWhileNothingChanges() {
        ComponentRecord a = add("a");

        RegistryEntry first = read(a);

        assertThat(read(a)).isSameAs(first);
        assertThat(first.status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(first.accessCount()).isZero();
        assertThat(first.lastAccessed()).isNull();
    }

    @Test
    void aStatusChangeShows() {
        ComponentRecord a = add("a");
        RegistryEntry before = read(a);

        store.setStatus(a, ComponentStatus.ACTIVE);

        assertThat(before.status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(read(a).status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void errorsShowAndTheHistoryStaysBounded() {
        ComponentRecord a = add("a");
        read(a);

        store.recordError(a, "one");
        assertThat(read(a).errorHistory()).extracting(e -> e.message()).containsExactly("one");
        assertThat(read(a).status()).isEqualTo(ComponentStatus.REGISTERED);

        store.markError(a, "two");
        store.markError(a, "three");
        store.markError(a, "four");
        RegistryEntry entry = read(a);
        assertThat(entry.errorHistory()).extracting(e -> e.message()).containsExactly("two", "three", "four");
        assertThat(entry.status()).isEqualTo(ComponentStatus.ERROR);
    }

    @Test
    void newInformationShows() {
        ComponentRecord a = add("a");
        read(a);

        store.setInfo(a, ComponentInfo.of("a", "database"));

        assertThat(read(a).component().type()).isEqualTo("database");
    }

    @Test
    void edgesShowOnBothEndsWhenAddedAndRemoved() {
        ComponentRecord a = add("a");
        ComponentRecord b = add("b");
        ComponentRecord c = add("c");
        read(a);
        read(b);

        store.updateGraph(g -> g.addExplicit("a", "b"));
        assertThat(read(a).dependencies()).containsExactly("b");
        assertThat(read(b).dependents()).containsExactly("a");

        store.setDeclared(c, Map.of("b", List.of("package x")), List.of());
        assertThat(read(b).dependents()).containsExactlyInAnyOrder("a", "c");

        store.remove(a);
        assertThat(read(b).dependents()).containsExactly("c");
        assertThat(read(a).dependencies()).isEmpty();

        store.updateGraph(g -> g.removeExplicit("c", "b"));
        assertThat(read(b).dependents()).containsExactly("c"); // the declared edge stays
    }

    @Test
    void accessesShowAndKeepTheRestOfTheEntry() {
        ComponentRecord a = add("a");
        ComponentRecord b = add("b");
        store.updateGraph(g -> g.addExplicit("a", "b"));
        store.recordError(a, "boom");
        RegistryEntry before = read(a);

        long start = System.currentTimeMillis();
        a.recordAccess();
        a.recordAccess();
        RegistryEntry after = read(a);

        assertThat(after.accessCount()).isEqualTo(2);
        assertThat(after.lastAccessed()).isNotNull();
        assertThat(after.lastAccessed().toEpochMilli()).isGreaterThanOrEqualTo(start);
        assertThat(after.dependencies()).containsExactly("b");
        assertThat(after.errorHistory()).isEqualTo(before.errorHistory());
        assertThat(read(a)).isSameAs(after);
        assertThat(before.accessCount()).isZero();
    }

    @Test
    void restoredAccessFiguresShow() {
        ComponentRecord a = add("a");
        read(a);

        a.restoreAccess(0, 1_000_000L);
        assertThat(read(a).lastAccessed().toEpochMilli()).isEqualTo(1_000_000L);

        a.restoreAccess(5, 2_000_000L);
        assertThat(read(a).accessCount()).isEqualTo(5);
        assertThat(read(a).lastAccessed().toEpochMilli()).isEqualTo(2_000_000L);
    }

    @Test
    void indexesSeeTheFreshEntry() {
        ComponentRecord a = add("a");
        read(a);

        store.setStatus(a, ComponentStatus.ACTIVE);

        assertThat(store.indexes().idsByStatus(ComponentStatus.ACTIVE)).containsExactly("a");
        assertThat(store.indexes().idsByStatus(ComponentStatus.REGISTERED)).isEmpty();
    }

    @Test
    void accessesRacingReadersAreAllShownOnceTheAccessesAreDone() throws Exception {
        ComponentRecord a = add("a");
        // odd rounds count through a consumer's counter, as a bundle's instance lookups do
        LongAdder consumer = new LongAdder();
        a.countAlso(consumer::sum);
        int perThread = 50_000;
        for (int round = 0; round < 20; round++) {
            boolean throughConsumer = round % 2 == 1;
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                long before = a.accessCount();
                Future<?> reader = pool.submit(() -> {
                    while (!done.get()) {
                        store.snapshot(a);
                        store.snapshot("a");
                    }
                    return null;
                });
                List<Future<?>> accessors = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    accessors.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            if (throughConsumer) {
                                a.accessedAt(System.currentTimeMillis());
                                consumer.increment();
                                a.accessCounted();
                            } else {
                                a.recordAccess();
                            }
                            if (i % 1000 == 0) {
                                store.snapshot(a);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> accessor : accessors) {
                    accessor.get(60, TimeUnit.SECONDS);
                }
                // every access has returned: a lookup now must show them all
                assertThat(store.snapshot(a).accessCount()).isEqualTo(before + 2L * perThread);
                assertThat(store.snapshot("a").accessCount()).isEqualTo(before + 2L * perThread);
                done.set(true);
                reader.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void accessesCountedByAConsumersCounterShowOnceAndFromTheMomentItWasAdded() {
        ComponentRecord a = add("a");
        LongAdder consumer = new LongAdder();
        consumer.add(40); // counted for another record before: not this one's
        LongSupplier count = consumer::sum;
        a.recordAccess();
        RegistryEntry before = store.snapshot(a);

        a.countAlso(count);
        a.countAlso(count); // the same counter again changes nothing
        assertThat(a.accessCount()).isEqualTo(1);
        assertThat(store.snapshot(a)).isSameAs(before);

        for (int i = 0; i < 3; i++) {
            a.accessedAt(System.currentTimeMillis());
            consumer.increment();
            a.accessCounted();
        }
        a.recordAccess();

        assertThat(a.accessCount()).isEqualTo(5);
        assertThat(store.snapshot(a).accessCount()).isEqualTo(5);
    }

    @Test
    void readersRacingWritersNeverSeeOldStateOnceTheWritersAreDone() throws Exception {
        ComponentRecord a = add("a");
        ComponentRecord b = add("b");
        int writes = 20_000;
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                boolean byId = r == 0; // one reader looks up by id, the other by record
                readers.add(pool.submit(() -> {
                    go.await();
                    long lastCount = 0;
                    long reads = 0;
                    while (!done.get()) {
                        RegistryEntry entry = byId ? store.snapshot("a") : store.snapshot(a);
                        // an access count a reader saw never goes back
                        assertThat(entry.accessCount()).isGreaterThanOrEqualTo(lastCount);
                        lastCount = entry.accessCount();
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> accesses = pool.submit(() -> {
                go.await();
                for (int i = 0; i < writes; i++) {
                    a.recordAccess();
                }
                return null;
            });
            Future<?> changes = pool.submit(() -> {
                go.await();
                for (int i = 0; i < writes; i++) {
                    store.setStatus(a, i % 2 == 0 ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE);
                    if (i % 100 == 0) {
                        store.recordError(a, "error " + i);
                        store.updateGraph(g -> g.addExplicit("a", "b"));
                        store.updateGraph(g -> g.removeExplicit("a", "b"));
                    }
                }
                store.setStatus(a, ComponentStatus.ACTIVE);
                store.updateGraph(g -> g.addExplicit("a", "b"));
                store.recordError(a, "last");
                return null;
            });
            go.countDown();
            accesses.get(60, TimeUnit.SECONDS);
            changes.get(60, TimeUnit.SECONDS);
            done.set(true);
            for (Future<Long> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        RegistryEntry entry = store.snapshot("a");
        assertThat(store.snapshot(a)).isSameAs(entry);
        assertThat(entry.status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(entry.accessCount()).isEqualTo(writes);
        assertThat(entry.dependencies()).containsExactly("b");
        assertThat(store.snapshot("b").dependents()).containsExactly("a");
        assertThat(entry.lastError().message()).isEqualTo("last");
        assertThat(entry.lastAccessed()).isNotNull();
    }
}
