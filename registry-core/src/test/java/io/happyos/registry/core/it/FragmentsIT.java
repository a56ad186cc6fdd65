package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/** A fragment attaches to its host, whenever it arrives: it is never an error and shows in the host's tree. */
class FragmentsIT extends FrameworkTestSupport {

    @TempDir
    Path folder;

    @TempDir
    Path jars;

    private Path fragment() throws Exception {
        return TestBundle.builder("logger-extras").fragmentHost("logger").writeToFolder(jars);
    }

    private boolean attachedToHost(String fragment, String host) {
        Bundle hostBundle =
                felix.context().getBundle(registry.getComponent(host).bundleId());
        BundleWiring wiring = hostBundle.adapt(BundleWiring.class);
        return wiring != null
                && wiring.getProvidedWires("osgi.wiring.host").stream()
                        .anyMatch(w -> w.getRequirer().getSymbolicName().equals(fragment));
    }

    @Test
    void aFragmentActivatedThroughTheApiAttachesToItsRunningHost() throws Exception {
        startRegistry();
        install("config-manager");
        install("logger");
        join(registry.activateComponent("logger"));
        join(registry.registerComponent(ComponentInfo.ofJar(fragment().toString())));

        join(registry.activateComponent("logger-extras"));

        assertThat(attachedToHost("logger-extras", "logger")).isTrue();
        assertThat(registry.getComponent("logger-extras").status()).isEqualTo(ComponentStatus.ACTIVE);
        awaitStatus("logger", ComponentStatus.ACTIVE);
        assertThat(registry.dependencies().getDependents("logger")).contains("logger-extras");
        assertThat(registry.getHealthStats().error()).isZero();
        assertThat(registry.diagnostics().explain("logger-extras").healthy()).isTrue();
    }

    @Test
    void aFragmentDroppedAfterItsHostAttachesWithoutAnyHelp() throws Exception {
        startWithFolder(folder);
        for (String sample : new String[] {"config-manager", "logger"}) {
            Files.copy(EmbeddedFelix.sampleBundle(sample), folder.resolve(sample + ".jar"));
        }
        awaitStatus("logger", ComponentStatus.ACTIVE);

        drop(fragment(), folder, "logger-extras.jar");

        awaitStatus("logger-extras", ComponentStatus.ACTIVE);
        await().atMost(WAIT).until(() -> attachedToHost("logger-extras", "logger"));
        awaitStatus("logger", ComponentStatus.ACTIVE);
        assertThat(registry.getComponentsByStatus(ComponentStatus.ERROR)).isEmpty();
    }
}
