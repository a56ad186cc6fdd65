package io.happyos.registry.bench;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/** What the scenario benchmarks share: where the bundles are, percentiles, waiting for the registry. */
final class Scenarios {

    private Scenarios() {}

    /**
     * The bundles the build copied to {@code registry-bench/target/bench-bundles}; also sets the
     * system properties {@link EmbeddedFelix} reads.
     *
     * @return the folder
     */
    static Path benchBundles() {
        Path bundles = Path.of("registry-bench/target/bench-bundles").toAbsolutePath();
        if (!Files.isRegularFile(bundles.resolve("registry-core.jar"))) {
            bundles = Path.of("target/bench-bundles").toAbsolutePath();
        }
        if (!Files.isRegularFile(bundles.resolve("registry-core.jar"))) {
            throw new IllegalStateException("no registry-core.jar in registry-bench/target/bench-bundles: run"
                    + " mvn -B -o -DskipTests package -pl registry-bench -am from the project root first");
        }
        System.setProperty("it.bundles", bundles.toString());
        System.setProperty(
                "it.core.bundle", bundles.resolve("registry-core.jar").toString());
        return bundles;
    }

    /**
     * A percentile by the nearest-rank method.
     *
     * @param values the values
     * @param percent 50 for the median
     * @return the value
     */
    static double percentile(Collection<? extends Number> values, double percent) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Waits for the registry service to say its start-up deployment is over.
     *
     * @param felix the framework
     * @param timeout how long to wait
     * @return the registry
     */
    static DynamicRegistry readyRegistry(EmbeddedFelix felix, Duration timeout) throws Exception {
        String filter = "(&(" + Constants.OBJECTCLASS + "=" + DynamicRegistry.class.getName() + ")("
                + DynamicRegistry.STATE_PROPERTY + "=" + DynamicRegistry.STATE_READY + "))";
        ServiceTracker<DynamicRegistry, DynamicRegistry> tracker =
                new ServiceTracker<>(felix.context(), felix.context().createFilter(filter), null);
        tracker.open(true);
        DynamicRegistry registry = tracker.waitForService(timeout.toMillis());
        if (registry == null) {
            throw new IllegalStateException("the registry was not ready within " + timeout);
        }
        return registry;
    }

    /**
     * Waits, polling every millisecond, until the registry has every given component ACTIVE.
     *
     * @param registry the registry
     * @param ids the components
     * @param timeout how long to wait
     */
    static void awaitActive(DynamicRegistry registry, Collection<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = new ArrayList<>(ids);
        while (true) {
            pending.removeIf(id -> registry.findComponent(id)
                    .map(RegistryEntry::status)
                    .filter(s -> s == ComponentStatus.ACTIVE)
                    .isPresent());
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " components not ACTIVE within " + timeout
                        + ", e.g. " + pending.get(0) + ": "
                        + registry.findComponent(pending.get(0))
                                .map(e -> e.status() + " " + e.errorHistory())
                                .orElse("no entry"));
            }
            Thread.sleep(1);
        }
    }

    /** Stops a framework without the harness (for a framework made without it). */
    static void stop(Framework framework) throws Exception {
        framework.stop();
        framework.waitForStop(60_000);
    }
}
