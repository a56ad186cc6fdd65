package io.happyos.registry.core.it.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.happyos.registry.core.resources.ResourceAccounting;
import io.happyos.registry.core.resources.ResourceAccounting.Measured;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import io.happyos.registry.testing.load.LoadActivator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Resource accounting in a real Felix: generated bundles that each carry their own copy of one
 * activator class (so the bundles have the same private package, told apart only by their loaders)
 * start named threads that burn a known share of a core, allocate a known rate, or sleep.
 */
class ResourceAccountingIT {

    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final double MB = 1024 * 1024;

    private EmbeddedFelix felix;
    private ResourceAccounting accounting;

    @AfterEach
    void stop() throws Exception {
        if (accounting != null) {
            accounting.close();
        }
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void threadsCpuAndAllocationAreChargedToTheBundleWhoseCodeRuns() throws Exception {
        assertThat(EmbeddedFelix.systemPackagesExtra())
                .as("the load bundles must define their own copy of the activator, not get it from the class path")
                .doesNotContain(LoadActivator.class.getPackageName());
        felix = EmbeddedFelix.start(Map.of());
        accounting = new ResourceAccounting(felix.context(), WINDOW);
        accounting.setEnabled(true);
        assertThat(accounting.awaitMeasuring(Duration.ofSeconds(10))).isTrue();
        Path dir = Files.createTempDirectory("accounting-it-");

        Bundle burner = start(dir, "load.burner", "burn", 3, 0.5, 0);
        Bundle allocator = start(dir, "load.allocator", "alloc", 1, 0, 20 * MB);
        Bundle quiet = start(dir, "load.quiet", "quiet", 1, 0, 0);
        long loaded = System.nanoTime();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(measured(burner).threadNames()).containsExactly("burn-1", "burn-2", "burn-3");
            assertThat(measured(allocator).threadNames()).containsExactly("alloc-1");
            assertThat(measured(quiet).threadNames()).containsExactly("quiet-1");
        });
        // a full window of load, and the second the recorder takes to deliver it
        Awaitility.await()
                .atMost(WINDOW.plusSeconds(10))
                .until(() ->
                        System.nanoTime() - loaded > WINDOW.plusMillis(2500).toNanos());

        Measured burning = measured(burner);
        Measured allocating = measured(allocator);
        Measured sleeping = measured(quiet);
        assertThat(burning.threads()).isEqualTo(3);
        assertThat(burning.cpuPercent())
                .as("CPU of 3 threads burning half a core")
                .isCloseTo(50, within(20.0));
        assertThat(burning.cpuShare()).isBetween(0.1, 1.0);
        assertThat(allocating.allocationRate() / MB)
                .as("MB/s of a bundle allocating 20 MB/s")
                .isCloseTo(20, within(6.0));
        assertThat(burning.allocationRate()).as("the burner allocates nothing").isLessThan(MB);
        assertThat(sleeping.cpuPercent()).as("CPU of a sleeping bundle").isLessThan(3);
        assertThat(sleeping.allocationRate()).isLessThan(MB);

        burner.stop();
        assertThat(measured(burner).threads()).as("threads of a stopped bundle").isZero();

        accounting.setEnabled(false);
        assertThat(accounting.enabled()).isFalse();
        assertThat(accounting.measureAll()).as("nothing measured when off").isEmpty();
        assertThat(ThreadsNamed.alive("happyos-registry-resource-accounting")).isEmpty();

        accounting.setEnabled(true);
        assertThat(accounting.awaitMeasuring(Duration.ofSeconds(10))).isTrue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(measured(allocator).allocationRate())
                        .as("allocation measured again after a restart")
                        .isGreaterThan(5 * MB));
        assertThat(measured(quiet).threadNames())
                .as("a thread started before measuring began, running a class that several bundles define, is not"
                        + " known: its stack names the class, not the copy")
                .isEmpty();
    }

    private Measured measured(Bundle bundle) {
        return accounting.measureAll().getOrDefault(bundle.getBundleId(), Measured.NONE);
    }

    private Bundle start(Path dir, String name, String threadName, int threads, double cpu, double alloc)
            throws Exception {
        Path jar = TestBundle.builder(name)
                .importPackage("org.osgi.framework")
                .activator(LoadActivator.class)
                .header("X-Load-Threads", Integer.toString(threads))
                .header("X-Load-Cpu", Double.toString(cpu))
                .header("X-Load-Alloc", Double.toString(alloc))
                .header("X-Load-Name", threadName)
                .writeToFolder(dir);
        Bundle bundle = felix.install(jar);
        bundle.start();
        return bundle;
    }

    /** Live threads by name. */
    static final class ThreadsNamed {
        private ThreadsNamed() {}

        static List<String> alive(String name) {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().equals(name))
                    .map(Thread::getName)
                    .toList();
        }
    }
}
