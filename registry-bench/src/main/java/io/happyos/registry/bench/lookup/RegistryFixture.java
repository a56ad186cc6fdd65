package io.happyos.registry.bench.lookup;

import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.internal.BundleRegistry;
import io.happyos.registry.core.internal.Caller;
import io.happyos.registry.core.internal.RegistryCore;
import io.happyos.registry.core.internal.RegistrySettings;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.testing.EmbeddedFelix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceRegistration;

/**
 * A real registry, the core bundle in an embedded Felix (persistence off), with {@code size}
 * components {@code c0 … c(size-1)} registered through {@link DynamicRegistry#registerComponentsBatch}:
 * what the lookup benchmarks measure goes through the registry service users get. Component
 * {@code cI} has type {@code tK} with {@code K = I % (size / GROUP)}, so every type has
 * {@value #GROUP} components whatever the size.
 */
final class RegistryFixture implements AutoCloseable {

    /** How many components each type (and each key of the custom index) has. */
    static final int GROUP = 100;
    /** The OSGi service property the filter anchor looks components up by. */
    static final String NAME = "name";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    final EmbeddedFelix felix;
    final DynamicRegistry registry;
    /** The core, when started {@code direct} or {@code caller}, else {@code null}. */
    final RegistryCore direct;

    final int size;
    /** The ids in a fixed random order (seed 7), the order lookups visit them in. */
    final String[] shuffled;

    private RegistryFixture(
            EmbeddedFelix felix, DynamicRegistry registry, RegistryCore direct, int size, String[] shuffled) {
        this.felix = felix;
        this.registry = registry;
        this.direct = direct;
        this.size = size;
        this.shuffled = shuffled;
    }

    /**
     * Starts Felix and the registry and registers the components.
     *
     * @param size how many components
     * @param via {@code service}: the core bundle in Felix, called through the registry service a
     *     bundle gets (its per-bundle view); {@code direct}: the core's {@link RegistryCore} from
     *     the class path on Felix's system bundle context, called directly; {@code caller}: the same, through a registry object whose
     *     caller is the system bundle (as a bundle's own object, counted in usage telemetry)
     * @return the fixture
     * @throws Exception when the registry does not come up or a registration fails
     */
    static RegistryFixture start(int size, String via) throws Exception {
        EmbeddedFelix felix = EmbeddedFelix.start(Map.of("happyos.persistence", "false"));
        RegistryCore direct = null;
        try {
            DynamicRegistry registry;
            if ("direct".equals(via) || "caller".equals(via)) {
                direct = new RegistryCore(
                        felix.context(),
                        RegistrySettings.defaults(),
                        Ticker.systemTicker(),
                        new io.happyos.registry.core.concurrent.RegistryThreads(),
                        Journal.NONE);
                direct.open();
                registry = new BundleRegistry(
                        direct, "caller".equals(via) ? Caller.of(felix.context().getBundle()) : Caller.named("bench"));
            } else if ("service".equals(via)) {
                felix.withRegistry();
                registry = felix.service(DynamicRegistry.class, TIMEOUT);
            } else {
                throw new IllegalArgumentException("via must be service, direct or caller, not " + via);
            }
            int types = Math.max(1, size / GROUP);
            List<ComponentInfo> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(ComponentInfo.of("c" + i, "t" + (i % types)));
                if (batch.size() == 5_000 || i == size - 1) {
                    BatchResult result = registry.lifecycle()
                            .registerComponentsBatch(batch)
                            .toCompletableFuture()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    if (!result.problems().isEmpty()) {
                        throw new IllegalStateException("registrations failed: " + result.problems());
                    }
                    batch.clear();
                }
            }
            List<String> ids = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ids.add("c" + i);
            }
            Collections.shuffle(ids, new Random(7));
            if (registry.listComponents().stream()
                            .filter(e -> e.id().startsWith("c"))
                            .count()
                    < size) {
                throw new IllegalStateException("not every component was registered under its own name");
            }
            // let what the registrations set off (status callbacks, trackers) settle before measuring
            System.gc();
            Thread.sleep(SETTLE.toMillis());
            return new RegistryFixture(felix, registry, direct, size, ids.toArray(String[]::new));
        } catch (Exception | Error e) {
            if (direct != null) {
                direct.close();
            }
            felix.close();
            throw e;
        }
    }

    /**
     * Registers one OSGi service per component, {@code Comparable} with {@code name=cI}, for the
     * filter anchor.
     *
     * @return the registrations
     */
    List<ServiceRegistration<?>> registerServices() {
        List<ServiceRegistration<?>> registrations = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            registrations.add(
                    felix.context().registerService(Comparable.class, "c" + i, new Hashtable<>(Map.of(NAME, "c" + i))));
        }
        return registrations;
    }

    /**
     * Stops the registry and Felix, waiting a few seconds at most: with 100k components the
     * framework may take longer to stop than the benchmark is worth (the forked JVM exits anyway),
     * and deletes Felix's storage.
     *
     * @throws Exception when the storage cannot be deleted
     */
    @Override
    public void close() throws Exception {
        if (direct != null) {
            direct.close();
        }
        felix.framework().stop();
        if (felix.framework().waitForStop(STOP_WAIT.toMillis()).getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            System.err.printf(
                    "note: Felix with %,d components did not stop within %d s; left to the JVM's exit%n",
                    size, STOP_WAIT.toSeconds());
        }
        try (Stream<Path> paths = Files.walk(felix.storage())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("note: could not delete " + felix.storage() + ": " + e);
        }
    }
}
