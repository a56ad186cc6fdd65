package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.spi.InstanceFactory;
import io.happyos.registry.testing.EmbeddedFelix;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The registry's meters as MBeans of the platform MBean server, read as jconsole reads them, in a
 * real framework: they follow activations, errors, instance lookups and database writes, each
 * framework in the JVM has its own, and they are gone once the framework stops.
 */
class JmxMetersIT extends FrameworkTestSupport {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private static String container(EmbeddedFelix framework) {
        return ObjectName.quote(Path.of(framework.context().getProperty("org.osgi.framework.storage"))
                .toAbsolutePath()
                .normalize()
                .toString());
    }

    private static ObjectName name(EmbeddedFelix framework, String type, String meter, String tags) throws Exception {
        return new ObjectName("io.happyos.registry:container=" + container(framework) + ",type=" + type + ",name="
                + meter + (tags.isEmpty() ? "" : "," + tags));
    }

    private double gauge(String meter) throws Exception {
        return gauge(meter, "");
    }

    private double gauge(String meter, String tags) throws Exception {
        return ((Number) SERVER.getAttribute(name(felix, "gauges", meter, tags), "Value")).doubleValue();
    }

    private double counter(String meter) throws Exception {
        return ((Number) SERVER.getAttribute(name(felix, "meters", meter, ""), "Count")).doubleValue();
    }

    private long timerCount(String meter) throws Exception {
        return ((Number) SERVER.getAttribute(name(felix, "timers", meter, ""), "Count")).longValue();
    }

    private static Set<ObjectName> mbeansOf(String container) throws Exception {
        return SERVER.queryNames(new ObjectName("io.happyos.registry:container=" + container + ",*"), null);
    }

    private void startAndAwaitMeters() throws Exception {
        startRegistry();
        awaitReady();
        ObjectName active = name(felix, "gauges", "happyos.components", "status=ACTIVE");
        await().atMost(WAIT).until(() -> SERVER.isRegistered(active));
    }

    @Test
    void componentsByStatusAndActivationsFollowTheRegistry() throws Exception {
        startAndAwaitMeters();
        install("config-manager");
        double active = gauge("happyos.components", "status=ACTIVE");
        double activations = counter("happyos.activations");
        long timed = timerCount("happyos.activation");

        join(registry.activateComponent("config-manager"));

        assertThat(gauge("happyos.components", "status=ACTIVE")).isEqualTo(active + 1);
        assertThat(counter("happyos.activations")).isEqualTo(activations + 1);
        assertThat(timerCount("happyos.activation")).isEqualTo(timed + 1);
        assertThat(gauge("happyos.activation.max")).isPositive();
        assertThat(counter("happyos.activations"))
                .isEqualTo(registry.diagnostics().getPerformanceMetrics().activations());

        join(registry.deactivateComponent("config-manager"));

        assertThat(gauge("happyos.components", "status=ACTIVE")).isEqualTo(active);
        assertThat(gauge("happyos.components", "status=INACTIVE")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailingActivatorCountsAnErrorAndAFailedActivation() throws Exception {
        startAndAwaitMeters();
        install("failing-activator");
        double errors = counter("happyos.errors");
        double failures = counter("happyos.activation.failures");

        assertThatThrownBy(() -> join(registry.activateComponent("failing-activator")))
                .hasMessageContaining("failing-activator");

        awaitStatus("failing-activator", io.happyos.registry.ComponentStatus.ERROR);
        assertThat(counter("happyos.errors")).isEqualTo(errors + 1);
        assertThat(counter("happyos.activation.failures")).isEqualTo(failures + 1);
        assertThat(gauge("happyos.components", "status=ERROR")).isEqualTo(1);
    }

    @Test
    void instanceLookupsCountHitsAndMissesAndChangesCountDatabaseWrites() throws Exception {
        startAndAwaitMeters();
        registry.instances().registerInstanceFactory("metered", new InstanceFactory() {
            @Override
            public Object create(RegistryEntry entry) {
                return "made:" + entry.id();
            }
        });
        String id = join(registry.registerComponent(ComponentInfo.of("metered-one", "metered")));
        join(registry.activateComponent(id));
        await().atMost(WAIT).until(() -> timerCount("happyos.persistence.write") > 0);
        double lookups = counter("happyos.lookups");
        double hits = counter("happyos.cache.hits");
        double misses = counter("happyos.cache.misses");

        assertThat(registry.getComponentInstance(id)).isEqualTo("made:" + id);
        assertThat(registry.getComponentInstance(id)).isEqualTo("made:" + id);

        assertThat(counter("happyos.lookups")).isEqualTo(lookups + 2);
        assertThat(counter("happyos.cache.misses")).isEqualTo(misses + 1);
        assertThat(counter("happyos.cache.hits")).isEqualTo(hits + 1);
        assertThat(gauge("happyos.persistence.write.max")).isPositive();
        assertThat(registry.diagnostics().getPerformanceMetrics().persistenceWrites())
                .isGreaterThanOrEqualTo(timerCount("happyos.persistence.write"));
    }

    @Test
    void eachFrameworkHasItsOwnMBeansAndTheyAreGoneOnceItStops() throws Exception {
        startAndAwaitMeters();
        String first = container(felix);
        EmbeddedFelix second = EmbeddedFelix.start(Map.of());
        String secondContainer = container(second);
        try {
            second.withRegistry();
            DynamicRegistry other = second.service(DynamicRegistry.class, WAIT);
            assertThat(other).isNotNull();
            ObjectName secondActive = name(second, "gauges", "happyos.components", "status=ACTIVE");
            await().atMost(WAIT).until(() -> SERVER.isRegistered(secondActive));
            assertThat(secondContainer).isNotEqualTo(first);
            assertThat(mbeansOf(secondContainer)).hasSameSizeAs(mbeansOf(first));
        } finally {
            second.close();
        }
        assertThat(mbeansOf(secondContainer)).isEmpty();
        assertThat(mbeansOf(first)).isNotEmpty();

        felix.close();

        assertThat(mbeansOf(first)).isEmpty();
        felix = null;
    }
}
