package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.ManifestOnlyBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles whose manifests need each other: legal in OSGi, reported as a cycle, activated as a group. */
class DeclaredCycleIT extends FrameworkTestSupport {

    @Test
    void aCycleDeclaredByManifestsIsReportedAndActivatedAsOneGroup(@TempDir Path dir) throws Exception {
        startRegistry();
        felix.install(ring(dir, "ring-a", "a", "b"));
        felix.install(ring(dir, "ring-b", "b", "c"));
        felix.install(ring(dir, "ring-c", "c", "a"));
        felix.install(ManifestOnlyBundle.write(dir, "ring-user", Map.of(
                "Require-Capability", "happyos.service;filter:=\"(happyos.service=b)\"")));

        assertThat(registry.dependencies().findCircularDependencies()).containsExactly(List.of("ring-a", "ring-b", "ring-c"));
        assertThat(registry.dependencies().getActivationOrder(List.of("ring-user")))
                .containsExactly("ring-a", "ring-b", "ring-c", "ring-user");

        assertThat(join(registry.activateComponent("ring-user"))).isTrue();

        for (String id : List.of("ring-a", "ring-b", "ring-c", "ring-user")) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
        }
        // the cycle stays reported once resolved, now from the wiring
        assertThat(registry.dependencies().findCircularDependencies()).containsExactly(List.of("ring-a", "ring-b", "ring-c"));
        // an explicit edge that would close a second cycle is still refused
        assertThatThrownBy(() -> join(registry.dependencies().addDependency("ring-a", "ring-user")))
                .isInstanceOf(CircularDependencyException.class);
    }

    /** A bundle providing {@code happyos.service=provides} and requiring {@code happyos.service=needs}. */
    private static Path ring(Path dir, String name, String provides, String needs) throws Exception {
        return ManifestOnlyBundle.write(dir, name, Map.of(
                "Provide-Capability", "happyos.service;happyos.service=" + provides,
                "Require-Capability", "happyos.service;filter:=\"(happyos.service=" + needs + ")\""));
    }
}
