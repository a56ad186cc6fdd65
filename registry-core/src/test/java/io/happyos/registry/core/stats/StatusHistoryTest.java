package io.happyos.registry.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.StatusChange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatusHistoryTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void keepsChangesOldestFirstWithTheirTimeAndNumber() {
        StatusHistory history = new StatusHistory(10, CLOCK);
        history.record("logger", null, ComponentStatus.REGISTERED);
        history.record("logger", ComponentStatus.REGISTERED, ComponentStatus.ACTIVE);
        history.record("logger", ComponentStatus.ACTIVE, null);

        assertThat(history.recent(10))
                .containsExactly(
                        new StatusChange(1, "logger", null, ComponentStatus.REGISTERED, T0),
                        new StatusChange(2, "logger", ComponentStatus.REGISTERED, ComponentStatus.ACTIVE, T0),
                        new StatusChange(3, "logger", ComponentStatus.ACTIVE, null, T0));
        assertThat(history.recent(2)).extracting(StatusChange::sequence).containsExactly(2L, 3L);
    }

    @Test
    void isEmptyAtFirstAndIgnoresAChangeToTheSameStatus() {
        StatusHistory history = new StatusHistory(3, CLOCK);
        assertThat(history.recent(5)).isEmpty();
        history.record("a", ComponentStatus.ACTIVE, ComponentStatus.ACTIVE);
        assertThat(history.recent(5)).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestWhenFullAndNumbersShowTheGap() {
        StatusHistory history = new StatusHistory(3, CLOCK);
        for (int i = 1; i <= 7; i++) {
            history.record("c" + i, ComponentStatus.REGISTERED, ComponentStatus.ACTIVE);
        }
        assertThat(history.recent(100)).extracting(StatusChange::id).containsExactly("c5", "c6", "c7");
        assertThat(history.recent(100)).extracting(StatusChange::sequence).containsExactly(5L, 6L, 7L);
        assertThat(history.recent(1)).extracting(StatusChange::id).containsExactly("c7");
    }

    @Test
    void rejectsALimitOrCapacityBelowOne() {
        assertThatThrownBy(() -> new StatusHistory(3, CLOCK).recent(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new StatusHistory(0, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void concurrentWritersLoseNothingAndKeepEachComponentsOrder() throws Exception {
        int threads = 4;
        int perThread = 500;
        StatusHistory history = new StatusHistory(threads * perThread, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                String id = "c" + t;
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        boolean up = i % 2 == 0;
                        history.record(
                                id,
                                up ? ComponentStatus.INACTIVE : ComponentStatus.ACTIVE,
                                up ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE);
                    }
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        List<StatusChange> all = history.recent(threads * perThread);
        assertThat(all).hasSize(threads * perThread);
        List<Long> sequences =
                new ArrayList<>(all.stream().map(StatusChange::sequence).toList());
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        // each component alternates up and down, so its changes were recorded in the order made
        Map<String, ComponentStatus> last = new HashMap<>();
        for (StatusChange change : all) {
            ComponentStatus previous = last.put(change.id(), change.to());
            assertThat(change.from()).isEqualTo(previous == null ? ComponentStatus.INACTIVE : previous);
        }
    }
}
