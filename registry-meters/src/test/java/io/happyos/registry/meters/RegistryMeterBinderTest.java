package io.happyos.registry.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.PerformanceMetrics;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RegistryMeterBinderTest {

    private final AtomicReference<PerformanceMetrics> figures = new AtomicReference<>(figures(0));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static PerformanceMetrics figures(long n) {
        return new PerformanceMetrics(
                4 * n,
                n,
                Duration.ofMillis(5),
                Duration.ofMillis(4),
                Duration.ofMillis(9),
                Duration.ofMillis(10 * n),
                10 * n,
                Duration.ofNanos(300),
                0.7,
                20 * n,
                2 * n,
                Duration.ofMillis(20 * n),
                3 * n,
                5 * n,
                6 * n,
                7 * n,
                8 * n,
                Duration.ofMillis(8 * n),
                Duration.ofMillis(3 * n));
    }

    @Test
    void everyMeterReadsTheFiguresWhenRead() {
        RegistryMeterBinder binder = new RegistryMeterBinder(status -> status.ordinal() + 1, figures::get);
        binder.bindTo(meters);
        figures.set(figures(2));

        for (ComponentStatus status : ComponentStatus.values()) {
            assertThat(meters.get("happyos.components")
                            .tag("status", status.name())
                            .gauge()
                            .value())
                    .isEqualTo(status.ordinal() + 1);
        }
        assertThat(count("happyos.activations")).isEqualTo(8);
        assertThat(count("happyos.activation.failures")).isEqualTo(2);
        assertThat(count("happyos.errors")).isEqualTo(10);
        assertThat(count("happyos.reloads")).isEqualTo(12);
        assertThat(count("happyos.quarantines")).isEqualTo(14);
        assertThat(count("happyos.lookups")).isEqualTo(20);
        assertThat(count("happyos.cache.misses")).isEqualTo(6);
        assertThat(count("happyos.cache.hits")).isEqualTo(14);
        assertThat(count("happyos.operations")).isEqualTo(40);
        assertThat(count("happyos.operation.failures")).isEqualTo(4);
        FunctionTimer activation = meters.get("happyos.activation").functionTimer();
        assertThat(activation.count()).isEqualTo(8);
        assertThat(activation.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        FunctionTimer writes = meters.get("happyos.persistence.write").functionTimer();
        assertThat(writes.count()).isEqualTo(16);
        assertThat(writes.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(16);
        assertThat(meters.get("happyos.persistence.write.max").timeGauge().value(TimeUnit.MILLISECONDS))
                .isEqualTo(6);
        assertThat(meters.get("happyos.activation.max").timeGauge().value(TimeUnit.MILLISECONDS))
                .isEqualTo(20);
        assertThat(meters.get("happyos.activation.p99").timeGauge().value(TimeUnit.MILLISECONDS))
                .isEqualTo(9);
    }

    @Test
    void moreMissesThanLookupsNeverMakeNegativeHits() {
        assertThat(RegistryMeterBinder.cacheHits(new PerformanceMetrics(
                        0,
                        0,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        3,
                        Duration.ZERO,
                        0.0,
                        0,
                        0,
                        Duration.ZERO,
                        5,
                        0,
                        0,
                        0,
                        0,
                        Duration.ZERO,
                        Duration.ZERO)))
                .isZero();
    }

    @Test
    void theMetersStillReadAfterACollectionWhileTheBinderIsHeld() {
        RegistryMeterBinder binder = new RegistryMeterBinder(status -> 1, figures::get);
        binder.bindTo(meters);
        System.gc();
        assertThat(count("happyos.lookups")).isZero();
        assertThat(binder).isNotNull();
    }

    private double count(String name) {
        return meters.get(name).functionCounter().count();
    }
}
