package io.happyos.registry.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.core.instance.InstanceCache.Held;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class InstanceCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final Ticker ticker = now::get;
    private final List<String> disposed = Collections.synchronizedList(new ArrayList<>());
    private final InstanceCache cache = new InstanceCache(ticker, (id, held) -> disposed.add(id));

    private static Held held(String id) {
        return new Held("instance of " + id, "factory");
    }

    private Object get(String id) {
        return cache.get(id, InstanceCacheTest::held);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void createsOnceThenHits() {
        assertThat(get("calc")).isEqualTo("instance of calc");
        assertThat(get("calc")).isEqualTo("instance of calc");

        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.peek("calc")).isEqualTo(held("calc"));
        assertThat(cache.peek("other")).isNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void removeDisposes() {
        get("calc");

        assertThat(cache.remove("calc")).isTrue();
        assertThat(cache.remove("calc")).isFalse();
        assertThat(disposed).containsExactly("calc");
        assertThat(cache.size()).isZero();
    }

    @Test
    void theSizeBoundEvictsTheLeastRecentlyUsedAndDisposesOfIt() {
        cache.enable(2, Duration.ofHours(1));
        get("a");
        get("b");
        get("b");
        get("b");

        get("c");
        cache.cleanUp();

        assertThat(disposed).containsExactly("a");
        assertThat(cache.peek("a")).isNull();
        assertThat(cache.peek("b")).isNotNull();
        assertThat(cache.peek("c")).isNotNull();
    }

    @Test
    void enablingKeepsWhatIsHeldAndExpiresItAfterTheTtl() {
        get("a");
        get("b");

        cache.enable(10, Duration.ofMinutes(5));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(disposed).isEmpty();
        advance(Duration.ofMinutes(3));
        get("c");

        advance(Duration.ofMinutes(3));
        cache.cleanUp();

        assertThat(disposed).containsExactlyInAnyOrder("a", "b");
        assertThat(cache.peek("c")).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void enablingWithLessRoomDisposesOfTheOverflow() {
        get("a");
        get("b");
        get("c");

        cache.enable(1, Duration.ofMinutes(5));

        assertThat(disposed).hasSize(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void enableRefusesNonsense() {
        assertThatThrownBy(() -> cache.enable(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.enable(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.enable(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHitOnABoundedCacheIsTimedByTheCachesOwnTickerRead() {
        // once bounded, a hit takes its time from the ticker reading Caffeine made for expiry: if
        // Caffeine stopped reading the ticker on a hit, the hit below would not count and "hot"
        // would look idle
        cache.enable(10, Duration.ofHours(1));
        get("hot");
        get("cold");
        advance(Duration.ofMinutes(10));
        assertThat(cache.getIfReady("hot")).isEqualTo("instance of hot");

        assertThat(cache.removeIdle(Duration.ofMinutes(5))).containsExactly("cold");
    }

    @Test
    void removeIdleDisposesOfWhatWasNotAccessedForAWhile() {
        get("old");
        get("used");
        get("zzz-old");
        advance(Duration.ofMinutes(10));
        get("used");
        get("new");
        advance(Duration.ofMinutes(1));

        assertThat(cache.removeIdle(Duration.ofMinutes(5))).containsExactly("old", "zzz-old");
        assertThat(disposed).containsExactlyInAnyOrder("old", "zzz-old");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void removeIfDisposesOfWhatPasses() {
        cache.get("a", id -> new Held("A", "factory-1"));
        cache.get("b", id -> new Held("B", "factory-2"));

        cache.removeIf((id, held) -> held.source().equals("factory-1"));

        assertThat(disposed).containsExactly("a");
        assertThat(cache.peek("b")).isEqualTo(new Held("B", "factory-2"));
    }

    @Test
    void concurrentCallersShareOneCreation() throws Exception {
        int threads = 8;
        AtomicInteger created = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get("calc", id -> {
                        created.incrementAndGet();
                        return held(id);
                    });
                }));
            }
            start.countDown();
            for (Future<Object> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("instance of calc");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created).hasValue(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void aThrowingCreatorCachesNothing() {
        assertThatThrownBy(() -> cache.get("calc", id -> {
                    throw new IllegalStateException("factory failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("factory failed");

        assertThat(cache.size()).isZero();
        assertThat(cache.peek("calc")).isNull();
        assertThat(get("calc")).isEqualTo("instance of calc");
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void callersWaitingOnAFailedCreationGetItsFailure() throws Exception {
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> creator = pool.submit(() -> cache.get("calc", id -> {
                creating.countDown();
                await(fail);
                throw new IllegalStateException("factory failed");
            }));
            assertThat(creating.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> waiterThread = new AtomicReference<>();
            Future<Object> waiter = pool.submit(() -> {
                waiterThread.set(Thread.currentThread());
                return get("calc");
            });
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            waiterThread.get() != null && waiterThread.get().getState() == Thread.State.WAITING);
            fail.countDown();

            assertThatThrownBy(() -> creator.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("factory failed");
            assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("factory failed");
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isZero();
        assertThat(disposed).isEmpty();
        assertThat(get("calc")).isEqualTo("instance of calc");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCreatorReturningNullCachesNothing() {
        assertThat(cache.get("calc", id -> null)).isNull();

        assertThat(cache.size()).isZero();
        assertThat(get("calc")).isEqualTo("instance of calc");
    }

    @Test
    void aCreatorMayLookUpAnotherInstance() {
        Object outer = cache.get("weather", id -> new Held("weather using " + get("logger"), "factory"));

        assertThat(outer).isEqualTo("weather using instance of logger");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aThrowingDisposerDoesNotBreakTheCache() {
        InstanceCache fragile = new InstanceCache(ticker, (id, held) -> {
            throw new IllegalStateException("dispose failed");
        });
        fragile.get("a", InstanceCacheTest::held);

        assertThat(fragile.remove("a")).isTrue();

        assertThat(fragile.size()).isZero();
        assertThat(fragile.get("a", InstanceCacheTest::held)).isEqualTo("instance of a");
    }
}
