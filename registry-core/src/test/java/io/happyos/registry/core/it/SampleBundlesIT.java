package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyException;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The sample plugins in a real Felix: entries, derived dependencies, ordered activation, errors. */
class SampleBundlesIT extends FrameworkTestSupport {

    @BeforeEach
    void start() throws Exception {
        startRegistry();
        installDemo();
    }

    @Test
    void theContainersOwnComponentsRefuseStatusesSetByHand() throws Exception {
        String core = "io.happyos.registry.core";
        assertThat(registry.getComponent(core).component().type()).isEqualTo("system");

        assertThatThrownBy(() -> join(registry.lifecycle().markComponentError(core, "boom")))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("part of the container");
        assertThatThrownBy(() -> join(registry.lifecycle().setComponentStatus(core, ComponentStatus.ERROR)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("part of the container");
        assertThatThrownBy(() -> join(registry.lifecycle().setComponentStatus(core, ComponentStatus.INACTIVE)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("part of the container");

        RegistryEntry entry = registry.getComponent(core);
        assertThat(entry.status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(entry.errorHistory()).isEmpty();
    }

    @Test
    void everySampleIsAnEntryWithItsTypeVersionAndDeclaredDependencies() {
        RegistryEntry calculator = registry.getComponent("calculator-skill");
        assertThat(calculator.component().type()).isEqualTo("skill");
        assertThat(calculator.component().version()).isEqualTo("1.0.0");
        assertThat(calculator.component().path()).endsWith("calculator-skill-1.0.0.jar");
        assertThat(calculator.component().metadata()).containsEntry("Bundle-Vendor", "HappyOS");
        assertThat(calculator.status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(calculator.hasBundle()).isTrue();
        assertThat(calculator.dependencies()).containsExactlyInAnyOrder("logger", "base-util");

        assertThat(registry.getComponent("config-manager").component().type()).isEqualTo("service");
        assertThat(registry.getComponent("base-util").component().type()).isEqualTo("library");
        assertThat(registry.dependencies().getDependencies("logger")).containsExactly("config-manager");
        assertThat(registry.dependencies().getDependents("logger"))
                .containsExactlyInAnyOrder("calculator-skill", "weather-skill");
        assertThat(registry.getComponentsByType("skill"))
                .extracting(RegistryEntry::id)
                .containsExactly("calculator-skill", "weather-skill");
        assertThat(registry.getComponent("io.happyos.registry.core").component().type())
                .isEqualTo("system");
    }

    @Test
    void declaredDependenciesNameTheRequirementThatCausedThem() {
        List<Dependency> details = registry.dependencies().getDependencyDetails("calculator-skill");
        assertThat(details).allMatch(d -> d.origin() == DependencyOrigin.DECLARED);
        assertThat(details)
                .anyMatch(d -> d.id().equals("logger") && d.requirement().contains("(happyos.service=logger)"));
        assertThat(details)
                .anyMatch(d -> d.id().equals("base-util") && d.requirement().startsWith("osgi.wiring.package"));
    }

    @Test
    void activatingTheTopSkillStartsItsDependenciesFirst() throws Exception {
        assertThat(registry.dependencies().getActivationOrder(List.of("calculator-skill")))
                .containsExactly("base-util", "config-manager", "logger", "calculator-skill");

        assertThat(join(registry.activateComponent("calculator-skill"))).isTrue();

        assertThat(recorded("started")).containsExactly("base-util", "config-manager", "logger", "calculator-skill");
        for (String id : List.of("base-util", "config-manager", "logger", "calculator-skill")) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
        }
        assertThat(registry.getComponent("weather-skill").status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(join(registry.activateComponent("calculator-skill"))).isFalse();
    }

    @Test
    void deactivatingConfigManagerStopsItsDependentsFirst() throws Exception {
        join(registry.activateComponent("calculator-skill"));
        join(registry.activateComponent("weather-skill"));
        events.clear();

        join(registry.deactivateComponent("config-manager"));

        assertThat(recorded("stopped"))
                .containsExactly("weather-skill", "calculator-skill", "logger", "config-manager");
        assertThat(registry.getComponentsByStatus(ComponentStatus.INACTIVE))
                .extracting(RegistryEntry::id)
                .containsExactly("calculator-skill", "config-manager", "logger", "weather-skill");
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void aMissingRequirementFailsActivationNamingItAndStartsNothing() throws Exception {
        Bundle missing = install("missing-requirement");
        String id = registry.findComponentByPath(missing.getLocation()).orElseThrow();

        assertThatThrownBy(() -> join(registry.activateComponent(id)))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("missing requirement")
                .hasMessageContaining("happyos.service=quantum-engine")
                .hasMessageContaining("install a bundle that provides it");

        RegistryEntry entry = registry.getComponent(id);
        assertThat(entry.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(entry.lastError().message()).contains("quantum-engine");
        assertThat(recorded("started")).isEmpty();
    }

    @Test
    void aFailingActivatorPutsTheEntryInErrorWithTheActivatorsMessage() throws Exception {
        install("failing-activator");

        assertThatThrownBy(() -> join(registry.activateComponent("failing-activator")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("simulated start failure");

        RegistryEntry entry = registry.getComponent("failing-activator");
        assertThat(entry.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(entry.errorHistory()).hasSize(1);
        assertThat(entry.lastError().message()).contains("simulated start failure");
    }

    @Test
    void aStartThatFailsBehindTheRegistrysBackIsAnErrorToo() throws Exception {
        Bundle failing = install("failing-activator");

        assertThatThrownBy(failing::start).isInstanceOf(org.osgi.framework.BundleException.class);

        RegistryEntry entry = registry.getComponent("failing-activator");
        assertThat(entry.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(entry.errorHistory())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("failing-activator failed to start"));
    }

    @Test
    void aDependencyInErrorStopsActivationBeforeAnythingStarts() throws Exception {
        join(registry.lifecycle().markComponentError("logger", "disk full"));

        assertThatThrownBy(() -> join(registry.activateComponent("calculator-skill")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("logger is in ERROR (disk full)");
        assertThat(recorded("started")).isEmpty();

        join(registry.lifecycle().clearComponentError("logger"));
        assertThat(registry.getComponent("logger").errorHistory())
                .extracting(e -> e.message())
                .containsExactly("disk full");
        // calculator-skill waited for logger: clearing the error lets it come up, dependencies first
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> registry.getComponent("calculator-skill").status() == ComponentStatus.ACTIVE);
        assertThat(recorded("started").indexOf("logger"))
                .isLessThan(recorded("started").indexOf("calculator-skill"));
    }

    @Test
    void aDependencyMarkedInErrorByHandWhileRunningStillStopsActivation() throws Exception {
        join(registry.activateComponent("base-util"));
        join(registry.lifecycle().markComponentError("base-util", "corrupt cache"));
        assertThat(felix.context()
                        .getBundle(registry.getComponent("base-util").bundleId())
                        .getState())
                .isEqualTo(org.osgi.framework.Bundle.ACTIVE);

        assertThatThrownBy(() -> join(registry.activateComponent("calculator-skill")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("base-util is in ERROR (corrupt cache)");
        assertThat(recorded("started")).doesNotContain("calculator-skill");
    }

    @Test
    void removingADependencyThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> join(registry.dependencies().removeDependency("base-util", "weather-skill")))
                .hasMessageContaining("base-util does not depend on weather-skill")
                .hasMessageNotContaining("declared");
        assertThatThrownBy(() -> join(registry.dependencies().removeDependency("logger", "config-manager")))
                .hasMessageContaining("declared dependencies follow the manifests");
    }

    @Test
    void aCycleThroughAddDependencyIsRefusedWithItsPathAndChangesNothing() throws Exception {
        join(registry.dependencies().addDependency("base-util", "weather-skill"));
        var before = registry.listComponents();

        assertThatThrownBy(() -> join(registry.dependencies().addDependency("config-manager", "base-util")))
                .isInstanceOfSatisfying(
                        CircularDependencyException.class,
                        e -> assertThat(e.cycle())
                                .containsExactly("config-manager", "base-util", "weather-skill", "config-manager"))
                .hasMessageContaining("config-manager -> base-util -> weather-skill -> config-manager");

        assertThat(registry.listComponents()).isEqualTo(before);
        assertThat(registry.dependencies().hasCircularDependency("config-manager", "base-util"))
                .isTrue();
        assertThat(registry.dependencies().hasCircularDependency("base-util", "config-manager"))
                .isFalse();
        assertThat(registry.dependencies().findCircularDependencies()).isEmpty();
    }

    @Test
    void explicitDependenciesAreKeptApartAndOnlyTheyCanBeRemoved() throws Exception {
        join(registry.dependencies().addDependency("weather-skill", "base-util"));
        assertThat(registry.dependencies().getDependencyDetails("weather-skill"))
                .contains(new Dependency("base-util", DependencyOrigin.EXPLICIT, null));
        assertThat(registry.dependencies().getActivationOrder(List.of("weather-skill")))
                .startsWith("base-util");

        assertThatThrownBy(() -> join(registry.dependencies().removeDependency("weather-skill", "logger")))
                .isInstanceOf(DependencyException.class)
                .hasMessageContaining("declared dependencies follow the manifests");
        join(registry.dependencies().removeDependency("weather-skill", "base-util"));
        assertThat(registry.dependencies().getDependencies("weather-skill"))
                .containsExactlyInAnyOrder("logger", "config-manager");
    }

    @Test
    void aBundleStoppedBehindTheRegistrysBackShowsAsInactive() throws Exception {
        join(registry.activateComponent("base-util"));
        Bundle bundle =
                felix.context().getBundle(registry.getComponent("base-util").bundleId());

        bundle.stop();

        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.INACTIVE);
        bundle.start();
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void unregisteringDeactivatesDependentsThenUninstalls() throws Exception {
        join(registry.activateComponent("calculator-skill"));
        long bundleId = registry.getComponent("base-util").bundleId();

        join(registry.unregisterComponent("base-util"));

        assertThat(registry.findComponent("base-util")).isEmpty();
        assertThat(felix.context().getBundle(bundleId)).isNull();
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.INACTIVE);
        assertThat(registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void registeringAJarInstallsItAndACorruptOneIsRefusedClearly(@TempDir Path dir) throws Exception {
        String id = join(registry.registerComponent(ComponentInfo.ofJar(
                EmbeddedFelix.sampleBundle("failing-activator").toString())));
        assertThat(id).isEqualTo("failing-activator");
        assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThatThrownBy(() -> join(registry.registerComponent(ComponentInfo.ofJar(
                        EmbeddedFelix.sampleBundle("failing-activator").toString()))))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("already registered as failing-activator");

        Path corrupt = Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4});
        int before = registry.listComponents().size();
        assertThatThrownBy(() -> join(registry.registerComponent(ComponentInfo.ofJar(corrupt.toString()))))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("cannot install " + corrupt)
                .hasMessageContaining("OSGi bundle JAR");
        assertThat(registry.listComponents()).hasSize(before);
    }

    @Test
    void componentsWithoutABundleFollowTheirDependencies() throws Exception {
        String id = join(registry.registerComponent(ComponentInfo.of("planner", "skill")));
        join(registry.dependencies().addDependency(id, "logger"));

        assertThat(join(registry.activateComponent(id))).isTrue();
        assertThat(registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent(id).hasBundle()).isFalse();

        join(registry.deactivateComponent("config-manager"));
        assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.INACTIVE);
        join(registry.lifecycle().setComponentStatus(id, ComponentStatus.REGISTERED));
        assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThatThrownBy(() -> join(registry.lifecycle().setComponentStatus("logger", ComponentStatus.REGISTERED)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("follows its bundle");
    }

    @Test
    void anUnknownIdIsAClearError() {
        assertThatThrownBy(() -> registry.getComponent("nope"))
                .isInstanceOf(ComponentNotFoundException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> join(registry.activateComponent("nope")))
                .isInstanceOf(ComponentNotFoundException.class);
        assertThat(registry.findComponent("nope")).isEmpty();
    }
}
