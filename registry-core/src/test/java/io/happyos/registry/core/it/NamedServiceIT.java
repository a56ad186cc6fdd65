package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.it.named.NamerActivator;
import io.happyos.registry.testing.ClassesBundle;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A bundle that registers a service under a component name of its own: the service's entry is
 * stopped with its bundle, so deactivating, removing or reloading the bundle, or what it uses, works.
 */
class NamedServiceIT extends FrameworkTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @TempDir
    Path jars;

    private Path namer() throws Exception {
        return ClassesBundle.write(jars, "namer", Map.of("Bundle-Activator", NamerActivator.class.getName(),
                "Import-Package", "org.osgi.framework,io.happyos.samples.config"), NamerActivator.class);
    }

    private void startWithFolder() throws Exception {
        startRegistry(Map.of("happyos.bundles.dir", folder.toString(), "happyos.bundles.settle", "200ms",
                "happyos.bundles.rescan", "500ms", "happyos.reload.grace", "2s"));
        await().atMost(WAIT).until(() -> felix.context().getServiceReferences(DynamicRegistry.class,
                "(happyos.registry.state=ready)").size() == 1);
    }

    private void drop(Path jar, String name) throws Exception {
        Path part = folder.resolve(name + ".part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitStatus(String id, ComponentStatus status) {
        await().atMost(WAIT).until(() -> registry.findComponent(id).map(RegistryEntry::status).orElse(null) == status);
    }

    @Test
    void deactivatingTheBundleStopsItsNamedServiceWithIt() throws Exception {
        startRegistry();
        install("config-manager");
        felix.install(namer());
        join(registry.activateComponent("namer"));
        awaitStatus("named-x", ComponentStatus.ACTIVE);

        join(registry.deactivateComponent("namer"));

        assertThat(registry.getComponent("namer").status()).isEqualTo(ComponentStatus.INACTIVE);
        await().atMost(WAIT).until(() -> registry.findComponent("named-x")
                .map(e -> e.status() != ComponentStatus.ACTIVE).orElse(true));
        // on its own, the service still cannot be switched: the message says what to do
        join(registry.activateComponent("namer"));
        awaitStatus("named-x", ComponentStatus.ACTIVE);
        assertThatThrownBy(() -> join(registry.deactivateComponent("named-x")))
                .isInstanceOf(RegistryException.class).hasMessageContaining("namer");
    }

    @Test
    void unregisteringTheBundleRemovesItAndItsNamedService() throws Exception {
        startRegistry();
        install("config-manager");
        Bundle namer = felix.install(namer());
        join(registry.activateComponent("namer"));
        awaitStatus("named-x", ComponentStatus.ACTIVE);

        join(registry.unregisterComponent("namer"));

        assertThat(namer.getState()).isEqualTo(Bundle.UNINSTALLED);
        await().atMost(WAIT).until(() -> registry.findComponent("named-x").isEmpty());
    }

    @Test
    void removingOrReloadingWhatTheBundleUsesFromTheFolderWorks() throws Exception {
        startWithFolder();
        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        drop(namer(), "namer.jar");
        awaitStatus("namer", ComponentStatus.ACTIVE);
        awaitStatus("named-x", ComponentStatus.ACTIVE);
        long configBundle = registry.getComponent("config-manager").bundleId();

        Files.delete(folder.resolve("config-manager.jar"));

        await().atMost(WAIT).until(() -> felix.context().getBundle(configBundle) == null);
        await().atMost(WAIT).until(() -> registry.findComponent("config-manager").isEmpty());
        assertThat(registry.getAuditLog(AuditQuery.latest()).stream()
                .anyMatch(r -> r.operation().equals("remove") && "config-manager".equals(r.componentId()))).isTrue();

        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        awaitStatus("namer", ComponentStatus.ACTIVE);
        awaitStatus("named-x", ComponentStatus.ACTIVE);
    }
}
