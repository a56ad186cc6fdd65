package io.happyos.registry.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.core.resources.ResourceAccounting.Measured;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import io.happyos.registry.testing.load.LoadActivator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Without the flight recorder (as on a runtime without {@code jdk.jfr}, or with {@code -XX:-FlightRecorder}),
 * accounting starts all the same and counts threads by their context class loader; CPU and allocation
 * read 0.
 */
class ThreadsOnlyIT {

    @Test
    void withoutTheFlightRecorderThreadsAreStillCountedAndCpuReadsZero() throws Exception {
        Path dir = Files.createTempDirectory("accounting-threads-only-");
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of());
                ResourceAccounting accounting =
                        new ResourceAccounting(felix.context(), Duration.ofSeconds(2), SamplingSettings.THREADS_ONLY)) {
            Bundle busy = felix.install(TestBundle.builder("load.context")
                    .importPackage("org.osgi.framework")
                    .activator(LoadActivator.class)
                    .header("X-Load-Threads", "2")
                    .header("X-Load-Cpu", "0.2")
                    .header("X-Load-Name", "ctx")
                    .header("X-Load-Context", "true")
                    .writeToFolder(dir));
            busy.start();
            // no context loader of its own, no recording of who started it: known by the code it runs
            Bundle plain = felix.install(TestBundle.builder("load.plain")
                    .importPackage("org.osgi.framework")
                    .activator(PlainThreadsActivator.class)
                    .writeToFolder(dir.resolve("plain")));
            plain.start();

            accounting.setEnabled(true);

            assertThat(accounting.enabled()).isTrue();
            assertThat(accounting.samplesCpuAndAllocation()).isFalse();
            assertThat(accounting.awaitMeasuring(Duration.ofMillis(10))).isFalse();
            Measured measured = accounting.measureAll().get(busy.getBundleId());
            assertThat(measured).isNotNull();
            assertThat(measured.threadNames()).containsExactly("ctx-1", "ctx-2");
            assertThat(measured.cpuPercent()).isZero();
            assertThat(measured.allocationRate()).isZero();
            assertThat(accounting.measureAll().get(plain.getBundleId()).threadNames())
                    .containsExactly("plain-worker");
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().startsWith("happyos-registry-resource"));
        }
    }
}
