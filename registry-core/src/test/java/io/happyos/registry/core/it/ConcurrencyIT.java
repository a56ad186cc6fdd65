package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyException;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.RegistryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Eight threads at once for several seconds: no deadlock, only documented exceptions, invariants hold. */
class ConcurrencyIT extends FrameworkTestSupport {

    private static final int THREADS = 8;
    private static final long RUN_MILLIS = 4_000;

    @Test
    void manyThreadsActivatingDeactivatingRewiringAndListingKeepTheRegistryConsistent() throws Exception {
        startRegistry();
        installDemo();
        List<String> ids = new ArrayList<>(DEMO);
        for (String name : List.of("planner", "scheduler", "notifier")) {
            ids.add(join(registry.registerComponent(ComponentInfo.of(name, "skill"))));
        }
        registry.instances().registerInstanceFactory("skill", entry -> "instance of " + entry.id());
        registry.lifecycle().registerLifecycleHook(io.happyos.registry.spi.LifecyclePhase.POST_ACTIVATION, event -> {});
        registry.indexes().createIndex("status", e -> e.status().name());
        registry.instances().enableInstanceCaching(4, java.time.Duration.ofMinutes(5));
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String op = step(random, ids);
                    counts.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(RUN_MILLIS + 60_000, TimeUnit.MILLISECONDS); // a deadlock fails here
        }
        pool.shutdown();

        assertThat(counts.keySet()).contains("activate", "deactivate", "depend", "undepend", "list", "batch", "stats");
        assertInvariants();
    }

    private String step(Random random, List<String> ids) throws Exception {
        String a = ids.get(random.nextInt(ids.size()));
        String b = ids.get(random.nextInt(ids.size()));
        try {
            switch (random.nextInt(9)) {
                case 0 -> {
                    join(registry.activateComponent(a));
                    return "activate";
                }
                case 1 -> {
                    join(registry.deactivateComponent(a));
                    return "deactivate";
                }
                case 2 -> {
                    join(registry.dependencies().addDependency(a, b));
                    return "depend";
                }
                case 3 -> {
                    join(registry.dependencies().removeDependency(a, b));
                    return "undepend";
                }
                case 4 -> {
                    registry.dependencies().getActivationOrder(List.of(a));
                    registry.dependencies().getDependencies(b);
                    return "order";
                }
                case 5 -> {
                    join(registry.lifecycle().activateComponentsBatch(List.of(a, b)));
                    return "batch";
                }
                case 6 -> {
                    try {
                        registry.getComponentInstance(a);
                    } catch (io.happyos.registry.RegistryException notActiveOrNoInstance) {
                        return "instance-refused";
                    }
                    return "instance";
                }
                case 7 -> {
                    registry.indexes().getComponentsByIndex("status", "ACTIVE");
                    registry.getHealthStats();
                    registry.diagnostics().getUsageStats();
                    return "stats";
                }
                default -> {
                    assertThat(registry.listComponents()).hasSizeGreaterThanOrEqualTo(ids.size());
                    return "list";
                }
            }
        } catch (DependencyException | ComponentActivationException documented) {
            return "refused";
        }
    }

    private void assertInvariants() {
        List<RegistryEntry> entries = registry.listComponents();
        Bundle[] bundles = felix.context().getBundles();
        for (Bundle bundle : bundles) {
            assertThat(entries)
                    .filteredOn(e -> e.bundleId() == bundle.getBundleId())
                    .as("entries of bundle %d", bundle.getBundleId())
                    .hasSize(1);
        }
        for (RegistryEntry entry : entries) {
            if (entry.hasBundle() && entry.status() != ComponentStatus.ERROR) {
                boolean active = felix.context().getBundle(entry.bundleId()).getState() == Bundle.ACTIVE;
                assertThat(entry.status() == ComponentStatus.ACTIVE)
                        .as("status of %s", entry.id())
                        .isEqualTo(active);
            }
            if (entry.status() == ComponentStatus.ACTIVE) {
                registry.dependencies().getDependencyDetails(entry.id()).stream()
                        .filter(d -> d.origin() == DependencyOrigin.DECLARED)
                        .forEach(d -> assertThat(registry.getComponent(d.id()).status())
                                .as("%s needs %s", entry.id(), d.id())
                                .isEqualTo(ComponentStatus.ACTIVE));
            }
        }
        assertThat(registry.dependencies().findCircularDependencies()).isEmpty();
        for (ComponentStatus status : ComponentStatus.values()) {
            List<String> byIndex = registry.indexes().getComponentsByIndex("status", status.name()).stream()
                    .map(RegistryEntry::id)
                    .toList();
            List<String> byStatus = registry.getComponentsByStatus(status).stream()
                    .map(RegistryEntry::id)
                    .toList();
            List<String> recount = entries.stream()
                    .filter(e -> e.status() == status)
                    .map(RegistryEntry::id)
                    .toList();
            assertThat(byIndex).as("index for %s", status).isEqualTo(recount);
            assertThat(byStatus).as("status index for %s", status).isEqualTo(recount);
        }
        var health = registry.getHealthStats();
        assertThat(health.total()).isEqualTo(entries.size());
        assertThat(health.error())
                .isEqualTo(entries.stream()
                        .filter(e -> e.status() == ComponentStatus.ERROR)
                        .count());
        List<String> order = registry.dependencies().getActivationOrder(List.of());
        for (RegistryEntry entry : entries) {
            for (String dependency : registry.dependencies().getDependencies(entry.id())) {
                assertThat(order.indexOf(dependency)).isLessThan(order.indexOf(entry.id()));
            }
        }
    }
}
