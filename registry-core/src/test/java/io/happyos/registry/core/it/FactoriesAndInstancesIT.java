package io.happyos.registry.core.it;

import static io.happyos.registry.core.it.FrameworkTestSupport.DEMO;
import static io.happyos.registry.core.it.FrameworkTestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.spi.InstanceFactory;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.EmbeddedFramework;
import io.happyos.registry.testing.InjectFramework;
import io.happyos.registry.testing.InjectService;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** Component instances: factories from the whiteboard or the API, the named-service fallback, disposal. */
@EmbeddedFramework(properties = "happyos.activation.timeout=1s")
class FactoriesAndInstancesIT {

    @InjectFramework
    EmbeddedFelix felix;

    @InjectService
    DynamicRegistry registry;

    private final List<String> disposed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        felix.installSamples(DEMO);
        join(registry.activateComponent("calculator-skill"));
    }

    /** A factory making "NAME:id" strings and remembering what it disposes of. */
    private InstanceFactory factory(String name) {
        return new InstanceFactory() {
            @Override
            public Object create(RegistryEntry entry) {
                return name + ":" + entry.id();
            }

            @Override
            public void dispose(RegistryEntry entry, Object instance) {
                disposed.add(String.valueOf(instance));
            }
        };
    }

    private ServiceRegistration<InstanceFactory> publish(InstanceFactory factory, String type, int ranking) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(InstanceFactory.TYPE_PROPERTY, new String[] {type, "other"});
        props.put(Constants.SERVICE_RANKING, ranking);
        return felix.context().registerService(InstanceFactory.class, factory, props);
    }

    @Test
    void theHighestRankedFactoryServiceMakesTheInstanceAndASwapTakesEffectWhenItGoes() {
        ServiceRegistration<InstanceFactory> a = publish(factory("A"), "skill", 0);
        ServiceRegistration<InstanceFactory> b = publish(factory("B"), "skill", 10);

        assertThat(registry.getComponentInstance("calculator-skill")).isEqualTo("B:calculator-skill");
        assertThat(registry.getComponentInstance("calculator-skill", String.class))
                .isEqualTo("B:calculator-skill");
        RegistryEntry entry = registry.getComponent("calculator-skill");
        assertThat(entry.accessCount()).isEqualTo(2);
        assertThat(entry.lastAccessed()).isNotNull();

        b.unregister();
        assertThat(disposed).containsExactly("B:calculator-skill");
        assertThat(registry.getComponentInstance("calculator-skill")).isEqualTo("A:calculator-skill");

        a.unregister();
        // no factory left: the service the calculator bundle registers under its name
        Object service = registry.getComponentInstance("calculator-skill");
        assertThat(service.getClass().getName()).contains("Calculator");
    }

    @Test
    void deactivatingDisposesOfTheInstanceAndAnInactiveComponentHasNone() throws Exception {
        publish(factory("A"), "skill", 0);
        registry.getComponentInstance("calculator-skill");

        join(registry.deactivateComponent("logger"));

        assertThat(disposed).containsExactly("A:calculator-skill");
        assertThatThrownBy(() -> registry.getComponentInstance("calculator-skill"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("calculator-skill is not active (INACTIVE)")
                .hasMessageContaining("registry:activate calculator-skill");
    }

    @Test
    void everyCachedHitIsCountedForTheComponentThePerformanceFiguresAndTheCallingBundle() throws Exception {
        registry.instances().registerInstanceFactory("hot-type", factory("hot"));
        // more components than a bundle's registry object keeps counters for (64): some share a slot
        int components = 65;
        for (int c = 0; c < components; c++) {
            String id = "hot-" + c;
            join(registry.activateComponent(join(registry.registerComponent(ComponentInfo.of(id, "hot-type")))));
        }
        long lookupsBefore = registry.diagnostics().getPerformanceMetrics().lookups();

        // round after round, component c is looked up in the first (c % 4) + 1 rounds
        long expected = 0;
        for (int round = 0; round < 4; round++) {
            for (int c = 0; c < components; c++) {
                if (round <= c % 4) {
                    assertThat(registry.getComponentInstance("hot-" + c)).isEqualTo("hot:hot-" + c);
                    expected++;
                }
            }
        }

        for (int c = 0; c < components; c++) {
            String id = "hot-" + c;
            long calls = c % 4 + 1;
            assertThat(registry.getComponent(id).accessCount()).as(id).isEqualTo(calls);
            assertThat(registry.diagnostics()
                            .getServiceUsage(id)
                            .consumer("org.apache.felix.framework")
                            .instanceCalls())
                    .as(id)
                    .isEqualTo(calls);
        }
        assertThat(registry.diagnostics().getPerformanceMetrics().lookups() - lookupsBefore)
                .isEqualTo(expected);
    }

    @Test
    void aCachedInstanceIsNotServedForAComponentUnregisteredOrRegisteredAgain() throws Exception {
        registry.instances().registerInstanceFactory("hot-type", factory("hot"));
        join(registry.activateComponent(join(registry.registerComponent(ComponentInfo.of("hot", "hot-type")))));
        assertThat(registry.getComponentInstance("hot")).isEqualTo("hot:hot");

        join(registry.unregisterComponent("hot"));
        assertThatThrownBy(() -> registry.getComponentInstance("hot"))
                .isInstanceOf(io.happyos.registry.ComponentNotFoundException.class);

        join(registry.registerComponent(ComponentInfo.of("hot", "hot-type")));
        assertThatThrownBy(() -> registry.getComponentInstance("hot"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("hot is not active");
        join(registry.activateComponent("hot"));
        assertThat(registry.getComponentInstance("hot")).isEqualTo("hot:hot");
        assertThat(registry.getComponent("hot").accessCount()).isEqualTo(1);
    }

    @Test
    void aFactoryRegisteredThroughTheApiServesComponentsWithoutABundleAndRanksFirst() throws Exception {
        publish(factory("service"), "planner-type", 100);
        Registration api = registry.instances().registerInstanceFactory("planner-type", factory("api"));
        String id = join(registry.registerComponent(ComponentInfo.of("planner", "planner-type")));
        join(registry.activateComponent(id));

        assertThat(registry.getComponentInstance(id)).isEqualTo("api:planner");
        assertThat(registry.instances().cleanupComponentInstance(id)).isTrue();
        assertThat(disposed).containsExactly("api:planner");

        registry.getComponentInstance(id);
        api.close();
        assertThat(disposed).containsExactly("api:planner", "api:planner");
        assertThat(registry.getComponentInstance(id)).isEqualTo("service:planner");
    }

    @Test
    void aFactoryThatThrowsOrHangsFailsTheLookupClearlyAndCachesNothing() {
        Registration throwing = registry.instances().registerInstanceFactory("skill", entry -> {
            throw new IllegalStateException("no GPU today");
        });
        assertThatThrownBy(() -> registry.getComponentInstance("calculator-skill"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("could not make calculator-skill: no GPU today")
                .hasCauseInstanceOf(IllegalStateException.class);
        throwing.close();

        Registration hanging = registry.instances().registerInstanceFactory("skill", entry -> {
            Thread.sleep(Duration.ofSeconds(20).toMillis());
            return "too late";
        });
        assertThatThrownBy(() -> registry.getComponentInstance("calculator-skill"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("timed out after 1 s");
        hanging.close();

        assertThat(registry.getComponentInstance("calculator-skill").getClass().getName())
                .contains("Calculator");
    }

    @Test
    void withoutAFactoryOrANamedServiceTheLookupSaysWhatToProvide() throws Exception {
        String id = join(registry.registerComponent(ComponentInfo.of("orphan", "library")));
        join(registry.activateComponent(id));
        assertThatThrownBy(() -> registry.getComponentInstance(id))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("nothing provides an instance of orphan")
                .hasMessageContaining("InstanceFactory for type library");
    }

    @Test
    void idleInstancesAreCleanedUpAndCachingBoundsTheirNumber() throws Exception {
        publish(factory("A"), "skill", 0);
        publish(factory("L"), "service", 0);
        registry.getComponentInstance("calculator-skill");
        registry.getComponentInstance("logger");

        assertThat(registry.instances().cleanupIdleInstances(Duration.ofHours(1)))
                .isEmpty();
        assertThat(registry.instances().cleanupIdleInstances(Duration.ofNanos(1)))
                .containsExactly("calculator-skill", "logger");
        assertThat(disposed).containsExactlyInAnyOrder("A:calculator-skill", "L:logger");

        registry.instances().enableInstanceCaching(1, Duration.ofHours(1));
        registry.getComponentInstance("calculator-skill");
        registry.getComponentInstance("logger");
        // the cache keeps one instance (Caffeine chooses which by recency and frequency)
        assertThat(disposed).hasSize(3);
    }
}
