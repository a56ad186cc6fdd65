package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/** What happens when the container starts and stops: folder deployment, shutdown order, restore. */
class RestartIT extends FrameworkTestSupport {

    @Test
    void theBundlesFolderIsDeployedInDependencyOrderAndAFailingJarDoesNotStopTheRest(@TempDir Path folder)
            throws Exception {
        // file names sort in the wrong order on purpose
        List<String> names =
                List.of("a-calculator-skill", "b-weather-skill", "c-logger", "d-config-manager", "e-base-util");
        for (String name : names) {
            Files.copy(EmbeddedFelix.sampleBundle(name.substring(2)), folder.resolve(name + ".jar"));
        }
        Files.copy(EmbeddedFelix.sampleBundle("failing-activator"), folder.resolve("failing-activator.jar"));
        Files.write(folder.resolve("broken.jar"), new byte[] {'n', 'o', 't', 'a', 'j', 'a', 'r'});
        Files.writeString(folder.resolve("notes.txt"), "not a jar, ignored");

        startRegistry(Map.of("happyos.bundles.dir", folder.toString()));
        awaitReady();

        for (String id : DEMO) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
        }
        assertThat(registry.getComponent("failing-activator").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.findComponentByPath(folder.resolve("broken.jar").toString()))
                .isEmpty();
        assertThat(registry.findComponentByPath(folder.resolve("c-logger.jar").toString()))
                .contains("logger");
        List<String> started =
                recorded("started").stream().filter(DEMO::contains).toList();
        assertThat(started).hasSize(5);
        assertDependenciesFirst(started);
    }

    @Test
    void stoppingTheContainerDeactivatesDependentsFirstAndARestartRestoresThemInOrder() throws Exception {
        startRegistry();
        // installed in reverse order, so the framework's own order (by bundle id) would be wrong
        for (String sample : List.of("weather-skill", "calculator-skill", "logger", "base-util", "config-manager")) {
            install(sample);
        }
        join(registry.activateComponent("calculator-skill"));
        join(registry.activateComponent("weather-skill"));
        Map<String, Long> bundleIds = new HashMap<>();
        for (String id : DEMO) {
            bundleIds.put(id, registry.getComponent(id).bundleId());
        }
        events.clear();

        felix.stopFramework();
        List<String> stopped =
                recorded("stopped").stream().filter(DEMO::contains).toList();
        assertThat(stopped).hasSize(5);
        assertDependenciesFirst(reversed(stopped));

        List<String> started = new CopyOnWriteArrayList<>();
        felix = felix.restart(Map.of(), (SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.STARTED
                    && DEMO.contains(e.getBundle().getSymbolicName())) {
                started.add(e.getBundle().getSymbolicName());
            }
        });
        registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
        assertThat(started).hasSize(5);
        assertDependenciesFirst(started);
        for (String id : DEMO) {
            RegistryEntry entry = registry.getComponent(id);
            assertThat(entry.bundleId()).as("%s keeps its id and bundle", id).isEqualTo(bundleIds.get(id));
            assertThat(entry.status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
        }
    }

    @Test
    void aDeactivatedComponentStaysInactiveAfterARestart() throws Exception {
        startRegistry();
        installDemo();
        join(registry.activateComponent("calculator-skill"));
        join(registry.deactivateComponent("calculator-skill"));

        felix = felix.restart(Map.of());
        registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));

        assertThat(registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.REGISTERED);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Each sample appears after the samples it depends on. */
    private static void assertDependenciesFirst(List<String> order) {
        Map<String, List<String>> needs = Map.of(
                "logger", List.of("config-manager"),
                "calculator-skill", List.of("logger", "base-util"),
                "weather-skill", List.of("logger", "config-manager"));
        needs.forEach((component, dependencies) -> {
            if (!order.contains(component)) {
                return;
            }
            for (String dependency : dependencies) {
                assertThat(order.indexOf(dependency))
                        .as("%s before %s in %s", dependency, component, order)
                        .isBetween(0, order.indexOf(component) - 1);
            }
        });
    }
}
