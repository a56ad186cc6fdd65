package io.happyos.registry.core.it;

import static io.happyos.registry.core.it.FrameworkTestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.EmbeddedFramework;
import io.happyos.registry.testing.InjectFramework;
import io.happyos.registry.testing.InjectService;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles whose manifests need each other: legal in OSGi, reported as a cycle, activated as a group. */
@EmbeddedFramework
class DeclaredCycleIT {

    @InjectFramework
    EmbeddedFelix felix;

    @InjectService
    DynamicRegistry registry;

    @Test
    void aCycleDeclaredByManifestsIsReportedAndActivatedAsOneGroup(@TempDir Path dir) throws Exception {
        felix.install(ring(dir, "ring-a", "a", "b"));
        felix.install(ring(dir, "ring-b", "b", "c"));
        felix.install(ring(dir, "ring-c", "c", "a"));
        felix.install(TestBundle.builder("ring-user")
                .requireCapability("happyos.service;filter:=\"(happyos.service=b)\"")
                .writeToFolder(dir));

        assertThat(registry.dependencies().findCircularDependencies())
                .containsExactly(List.of("ring-a", "ring-b", "ring-c"));
        assertThat(registry.dependencies().getActivationOrder(List.of("ring-user")))
                .containsExactly("ring-a", "ring-b", "ring-c", "ring-user");

        assertThat(join(registry.activateComponent("ring-user"))).isTrue();

        for (String id : List.of("ring-a", "ring-b", "ring-c", "ring-user")) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
        }
        // the cycle stays reported once resolved, now from the wiring
        assertThat(registry.dependencies().findCircularDependencies())
                .containsExactly(List.of("ring-a", "ring-b", "ring-c"));
        // an explicit edge that would close a second cycle is still refused
        assertThatThrownBy(() -> join(registry.dependencies().addDependency("ring-a", "ring-user")))
                .isInstanceOf(CircularDependencyException.class);
    }

    /** A bundle providing {@code happyos.service=provides} and requiring {@code happyos.service=needs}. */
    private static Path ring(Path dir, String name, String provides, String needs) throws Exception {
        return TestBundle.builder(name)
                .provideCapability("happyos.service;happyos.service=" + provides)
                .requireCapability("happyos.service;filter:=\"(happyos.service=" + needs + ")\"")
                .writeToFolder(dir);
    }
}
