package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.testing.EmbeddedFelix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real bundles from Maven Central: their manifests are real-world input. */
class ThirdPartyBundlesIT extends FrameworkTestSupport {

    private static final String SCR = "org.apache.felix.scr";
    private static final String PROMISE = "org.osgi.util.promise";
    private static final String FUNCTION = "org.osgi.util.function";
    private static final String COMPONENT_API = "org.osgi.service.component";

    @Test
    void felixScrDependsOnThePromiseBundleWhichDependsOnFunctionBeforeAndAfterResolving() throws Exception {
        startRegistry();
        for (String jar : List.of(
                "org.apache.felix.scr.jar",
                "org.osgi.util.promise.jar",
                "org.osgi.util.function.jar",
                "org.osgi.service.component.jar")) {
            felix.install(EmbeddedFelix.itBundle(jar));
        }

        // nothing resolved yet: derived by matching requirements against declared capabilities
        assertThat(registry.dependencies().getDependencies(SCR)).containsExactlyInAnyOrder(PROMISE, COMPONENT_API);
        assertThat(registry.dependencies().getDependencies(COMPONENT_API)).containsExactly(PROMISE);
        assertThat(registry.dependencies().getDependencies(PROMISE)).containsExactly(FUNCTION);
        assertThat(registry.dependencies().getDependencyDetails(SCR))
                .filteredOn(d -> d.id().equals(PROMISE))
                .extracting(Dependency::requirement)
                .anyMatch(r -> r.contains("osgi.wiring.package=org.osgi.util.promise"));
        assertThat(registry.dependencies().getActivationOrder(List.of(SCR)))
                .containsExactly(FUNCTION, PROMISE, COMPONENT_API, SCR);

        join(registry.activateComponent(SCR));

        assertThat(recorded("started")).containsExactly(FUNCTION, PROMISE, COMPONENT_API, SCR);
        assertThat(registry.getComponent(SCR).status()).isEqualTo(ComponentStatus.ACTIVE);
        // resolved now: the same edges, read from the wiring; optional imports with no provider add none
        assertThat(registry.dependencies().getDependencies(SCR)).containsExactlyInAnyOrder(PROMISE, COMPONENT_API);
        assertThat(registry.dependencies().getDependents(FUNCTION)).containsExactly(PROMISE);
    }
}
