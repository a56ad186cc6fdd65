package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** DS components (through Felix SCR) and named services are components too. */
class ServiceComponentsIT extends FrameworkTestSupport {

    @BeforeEach
    void start() throws Exception {
        startRegistry(Map.of(), true);
        for (String sample : new String[] {"config-manager", "logger", "greeting-skill"}) {
            install(sample);
        }
        join(registry.activateComponent("greeting-skill"));
    }

    @Test
    void whatTheRegistryKeepsOfADsComponentIsNotForgottenAtARestartWhileItsBundleIsInstalled() throws Exception {
        awaitStatus("greeting", ComponentStatus.ACTIVE);
        join(registry.dependencies().addDependency("greeting", "config-manager"));
        join(registry.lifecycle().markComponentError("farewell", "boom"));

        for (int i = 0; i < 2; i++) {
            felix = felix.restart(Map.of());
            registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
            awaitStatus("greeting", ComponentStatus.ACTIVE);
            awaitStatus("farewell", ComponentStatus.ERROR);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> registry.dependencies()
                            .getDependencyDetails("greeting")
                            .contains(new Dependency("config-manager", DependencyOrigin.EXPLICIT, null)));
        }
        assertThat(registry.diagnostics().getAuditLog(new AuditQuery(null, "forget", null, null, null, false, 10)))
                .isEmpty();
        assertThat(registry.getComponent("farewell").errorHistory())
                .extracting(ErrorRecord::message)
                .containsExactly("boom");
    }

    @Test
    void aDsComponentIsAnEntryDependingOnItsBundleAndOnTheProvidersOfWhatItReferences() {
        RegistryEntry greeting = awaitStatus("greeting", ComponentStatus.ACTIVE);

        assertThat(greeting.component().type()).isEqualTo("skill");
        assertThat(greeting.hasBundle()).isFalse();
        assertThat(greeting.dependencies()).containsExactlyInAnyOrder("greeting-skill", "logger");
        assertThat(registry.dependencies().getDependencyDetails("greeting"))
                .extracting(Dependency::requirement)
                .anyMatch(r -> r.contains("io.happyos.samples.logger.LoggerService"));
        assertThat(awaitStatus("farewell", ComponentStatus.REGISTERED)
                        .component()
                        .metadata())
                .containsEntry("Declared-By", "greeting-skill");
    }

    @Test
    void activatingAndDeactivatingADsComponentEnablesAndDisablesItThroughScr() throws Exception {
        awaitStatus("farewell", ComponentStatus.REGISTERED);

        assertThat(join(registry.activateComponent("farewell"))).isTrue();
        assertThat(registry.getComponent("farewell").status()).isEqualTo(ComponentStatus.ACTIVE);
        Object instance = registry.getComponentInstance("farewell");
        assertThat(instance.getClass().getName()).endsWith("FarewellGreeter");

        join(registry.deactivateComponent("farewell"));
        assertThat(registry.getComponent("farewell").status()).isEqualTo(ComponentStatus.INACTIVE);
        assertThatThrownBy(() -> registry.getComponentInstance("farewell")).isInstanceOf(RegistryException.class);

        awaitStatus("greeting", ComponentStatus.ACTIVE);
        join(registry.deactivateComponent("logger"));
        // the greeting component went first: it references the logger's service
        assertThat(recorded("stopped")).contains("logger");
        assertThat(registry.findComponent("greeting")).isEmpty(); // its bundle stopped: SCR forgot it
    }

    @Test
    void aServiceNamedWithTheComponentPropertyIsAnEntryWhileRegistered() {
        Hashtable<String, Object> props =
                new Hashtable<>(Map.of("happyos.component.name", "clock", "happyos.component.type", "utility"));
        ServiceRegistration<Runnable> clock = felix.context().registerService(Runnable.class, () -> {}, props);

        RegistryEntry entry = awaitStatus("clock", ComponentStatus.ACTIVE);
        assertThat(entry.component().type()).isEqualTo("utility");
        assertThat(entry.dependencies()).containsExactly("org.apache.felix.framework");
        assertThat(registry.getComponentInstance("clock")).isInstanceOf(Runnable.class);
        assertThatThrownBy(() -> registry.deactivateComponent("clock")
                        .toCompletableFuture()
                        .join())
                .hasMessageContaining("cannot be deactivated on its own");

        clock.unregister();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.findComponent("clock").equals(Optional.empty()));
    }
}
