package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.it.named.NamerActivator;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A bundle that registers a service under a component name of its own: the service's entry is
 * stopped with its bundle, so deactivating, removing or reloading the bundle, or what it uses, works.
 */
class NamedServiceIT extends FrameworkTestSupport {

    @TempDir
    Path folder;

    private Path drop(Path jar, String name) throws Exception {
        return drop(jar, folder, name);
    }

    @TempDir
    Path jars;

    private Path namer() throws Exception {
        return TestBundle.builder("namer")
                .activator(NamerActivator.class)
                .importPackage("org.osgi.framework,io.happyos.samples.config")
                .writeToFolder(jars);
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
        await().atMost(WAIT)
                .until(() -> registry.findComponent("named-x")
                        .map(e -> e.status() != ComponentStatus.ACTIVE)
                        .orElse(true));
        // on its own, the service still cannot be switched: the message says what to do
        join(registry.activateComponent("namer"));
        awaitStatus("named-x", ComponentStatus.ACTIVE);
        assertThatThrownBy(() -> join(registry.deactivateComponent("named-x")))
                .isInstanceOf(RegistryException.class)
                .hasMessage("named-x is a service registered by namer: it cannot be deactivated on its own;"
                        + " deactivate namer instead");
        assertThat(registry.getComponent("named-x").status()).isEqualTo(ComponentStatus.ACTIVE);
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
        startWithFolder(folder, "happyos.reload.grace", "2s");
        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        drop(namer(), "namer.jar");
        awaitStatus("namer", ComponentStatus.ACTIVE);
        awaitStatus("named-x", ComponentStatus.ACTIVE);
        long configBundle = registry.getComponent("config-manager").bundleId();

        Files.delete(folder.resolve("config-manager.jar"));

        await().atMost(WAIT).until(() -> felix.context().getBundle(configBundle) == null);
        await().atMost(WAIT)
                .until(() -> registry.findComponent("config-manager").isEmpty());
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest()).stream()
                        .anyMatch(r -> r.operation().equals("remove") && "config-manager".equals(r.componentId())))
                .isTrue();

        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        awaitStatus("namer", ComponentStatus.ACTIVE);
        awaitStatus("named-x", ComponentStatus.ACTIVE);
    }
}
