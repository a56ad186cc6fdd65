package io.happyos.registry.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.PerformanceMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerformanceRecorderTest {

    private final PerformanceRecorder recorder = new PerformanceRecorder();

    @Test
    void withNoSampleEveryTimeIsZero() {
        assertThat(recorder.snapshot())
                .isEqualTo(new PerformanceMetrics(
                        0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 0.0, 0, 0));
    }

    @Test
    void percentilesOfOneToAHundredMilliseconds() {
        List<Integer> millis = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            millis.add(i);
        }
        // order must not matter: the window is sorted when the snapshot is taken
        Collections.shuffle(millis, new java.util.Random(42));
        millis.forEach(ms -> recorder.activation(Duration.ofMillis(ms).toNanos(), true));
        recorder.activation(Duration.ofSeconds(30).toNanos(), false);

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.activations()).isEqualTo(100);
        assertThat(metrics.activationFailures()).isEqualTo(1);
        assertThat(metrics.meanActivationTime()).isEqualTo(Duration.ofMillis(50).plusNanos(500_000));
        assertThat(metrics.p50ActivationTime()).isEqualTo(Duration.ofMillis(50));
        assertThat(metrics.p99ActivationTime()).isEqualTo(Duration.ofMillis(99));
        assertThat(metrics.maxActivationTime()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void percentilesComeFromTheMostRecentWindow() {
        for (int i = 0; i < PerformanceRecorder.WINDOW; i++) {
            recorder.activation(Duration.ofSeconds(10).toNanos(), true);
        }
        for (int i = 0; i < PerformanceRecorder.WINDOW; i++) {
            recorder.activation(Duration.ofMillis(1).toNanos(), true);
        }

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.p99ActivationTime()).isEqualTo(Duration.ofMillis(1));
        // the mean and the maximum are over every activation since the start
        assertThat(metrics.maxActivationTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(metrics.meanActivationTime()).isEqualTo(Duration.ofNanos(5_000_500_000L));
        assertThat(metrics.activations()).isEqualTo(2L * PerformanceRecorder.WINDOW);
    }

    @Test
    void untimedHitsCountButTheMeanIsThatOfTheTimedSample() {
        recorder.lookup(1_000, true);
        recorder.lookup(3_000, false);
        recorder.untimedHit();
        recorder.untimedHit();

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.lookups()).isEqualTo(4);
        assertThat(metrics.meanLookupTime()).isEqualTo(Duration.ofNanos(2_000));
        assertThat(metrics.cacheHitRate()).isEqualTo(0.75);
    }

    @Test
    void lookupsCountedElsewhereCountOnceAndTheirTimedSampleCountsForTheMeanAndTheHitRate() {
        java.util.concurrent.atomic.AtomicLong elsewhere = new java.util.concurrent.atomic.AtomicLong();
        recorder.countAlso(elsewhere::get);
        recorder.untimedHit();
        elsewhere.set(3); // three lookups by consumers, one of them timed and a miss
        recorder.timed(4_000, false);

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.lookups()).isEqualTo(4);
        assertThat(metrics.meanLookupTime()).isEqualTo(Duration.ofNanos(4_000));
        assertThat(metrics.cacheHitRate()).isEqualTo(0.75);
    }

    @Test
    void lookupsAndOperations() {
        recorder.lookup(1_000, true);
        recorder.lookup(2_000, true);
        recorder.lookup(3_000, true);
        recorder.lookup(10_000, false);
        recorder.operation(false);
        recorder.operation(true);
        recorder.operation(false);

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.lookups()).isEqualTo(4);
        assertThat(metrics.meanLookupTime()).isEqualTo(Duration.ofNanos(4_000));
        assertThat(metrics.cacheHitRate()).isEqualTo(0.75);
        assertThat(metrics.operations()).isEqualTo(3);
        assertThat(metrics.operationFailures()).isEqualTo(1);
    }

    @Test
    void concurrentRecordingLosesNothing() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10_000; i++) {
                    recorder.activation(1_000, true);
                    recorder.lookup(1_000, i % 2 == 0);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        PerformanceMetrics metrics = recorder.snapshot();

        assertThat(metrics.activations()).isEqualTo(80_000);
        assertThat(metrics.p50ActivationTime()).isEqualTo(Duration.ofNanos(1_000));
        assertThat(metrics.lookups()).isEqualTo(80_000);
        assertThat(metrics.cacheHitRate()).isEqualTo(0.5);
    }
}
