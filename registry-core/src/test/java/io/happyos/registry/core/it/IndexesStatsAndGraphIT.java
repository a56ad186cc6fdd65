package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.HealthStats;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.UsageStats;
import io.happyos.registry.spi.InstanceFactory;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom indexes, statistics and the graph export against what the test did. */
class IndexesStatsAndGraphIT extends FrameworkTestSupport {

    @BeforeEach
    void start() throws Exception {
        startRegistry();
        installDemo();
    }

    private List<String> ids(List<RegistryEntry> entries) {
        return entries.stream().map(RegistryEntry::id).toList();
    }

    @Test
    void aCustomIndexFollowsRegisterStatusChangesAndUnregister() throws Exception {
        registry.indexes()
                .createIndex(
                        "status-and-type",
                        e -> List.of(e.status().name(), e.component().type()));
        registry.indexes().createIndex("vendor", e -> e.component().metadata().get("Bundle-Vendor"));

        assertThat(ids(registry.indexes().getComponentsByIndex("vendor", "HappyOS")))
                .containsExactly("base-util", "calculator-skill", "config-manager", "logger", "weather-skill");
        assertThat(ids(registry.indexes().getComponentsByIndex("status-and-type", "skill")))
                .containsExactly("calculator-skill", "weather-skill");

        join(registry.activateComponent("logger"));
        assertThat(ids(registry.indexes().getComponentsByIndex("status-and-type", "ACTIVE")))
                .contains("config-manager", "logger");
        assertThat(ids(registry.indexes().getComponentsByIndex("status-and-type", "REGISTERED")))
                .doesNotContain("logger");

        install("failing-activator");
        assertThat(ids(registry.indexes().getComponentsByIndex("vendor", "HappyOS")))
                .contains("failing-activator");
        join(registry.unregisterComponent("weather-skill"));
        assertThat(ids(registry.indexes().getComponentsByIndex("status-and-type", "skill")))
                .containsExactly("calculator-skill", "failing-activator");
        assertThat(ids(registry.getComponentsByStatus(ComponentStatus.ACTIVE))).contains("logger");
        assertThat(registry.indexes().getIndexNames()).containsExactly("status-and-type", "vendor");

        assertThat(registry.indexes().dropIndex("vendor")).isTrue();
        assertThatThrownBy(() -> registry.indexes().getComponentsByIndex("vendor", "HappyOS"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no index named 'vendor'");
    }

    @Test
    void aCustomIndexFollowsABundleUpdate(@TempDir Path dir) throws Exception {
        Path v1 = TestBundle.builder("vendor-probe")
                .header("Bundle-Vendor", "Acme")
                .writeToFolder(dir.resolve("v1"));
        Path v2 = TestBundle.builder("vendor-probe")
                .header("Bundle-Vendor", "Globex")
                .writeToFolder(dir.resolve("v2"));
        var bundle = felix.install(v1);
        registry.indexes().createIndex("vendor", e -> e.component().metadata().get("Bundle-Vendor"));
        assertThat(ids(registry.indexes().getComponentsByIndex("vendor", "Acme")))
                .containsExactly("vendor-probe");

        try (var in = Files.newInputStream(v2)) {
            bundle.update(in);
        }

        assertThat(ids(registry.indexes().getComponentsByIndex("vendor", "Acme")))
                .isEmpty();
        assertThat(ids(registry.indexes().getComponentsByIndex("vendor", "Globex")))
                .containsExactly("vendor-probe");
        assertThat(registry.getComponent("vendor-probe").component().metadata())
                .containsEntry("Bundle-Vendor", "Globex");
    }

    @Test
    void statisticsAgreeWithWhatHappened() throws Exception {
        felix.context()
                .registerService(
                        InstanceFactory.class,
                        entry -> "instance of " + entry.id(),
                        new java.util.Hashtable<>(Map.of(InstanceFactory.TYPE_PROPERTY, "skill")));
        join(registry.activateComponent("calculator-skill"));
        install("failing-activator");
        try {
            join(registry.activateComponent("failing-activator"));
        } catch (Exception expected) {
            // counted as a failure below
        }
        for (int i = 0; i < 3; i++) {
            registry.getComponentInstance("calculator-skill");
        }

        int plugins = registry.listComponents().size();
        HealthStats health = registry.getHealthStats();
        assertThat(health.total()).isEqualTo(plugins);
        assertThat(health.error()).isEqualTo(1);
        assertThat(health.inactive()).isZero();
        assertThat(health.healthy()).isEqualTo(plugins - 1);
        assertThat(health.healthPercentage()).isEqualTo((plugins - 1) / (double) plugins);
        assertThat(registry.diagnostics().getHealthyComponents()).hasSize(plugins - 1);

        UsageStats usage = registry.diagnostics().getUsageStats();
        assertThat(usage.totalAccesses()).isEqualTo(3);
        assertThat(usage.mostAccessed()).isEqualTo("calculator-skill");
        assertThat(usage.activeComponents())
                .isEqualTo(
                        registry.getComponentsByStatus(ComponentStatus.ACTIVE).size());

        PerformanceMetrics perf = registry.diagnostics().getPerformanceMetrics();
        assertThat(perf.activations()).isEqualTo(4); // base-util, config-manager, logger, calculator-skill
        assertThat(perf.activationFailures()).isEqualTo(1);
        assertThat(perf.lookups()).isEqualTo(3);
        assertThat(perf.cacheHitRate()).isEqualTo(2 / 3.0);
        assertThat(perf.operations()).isEqualTo(2);
        assertThat(perf.operationFailures()).isEqualTo(1);
        assertThat(perf.maxActivationTime()).isGreaterThanOrEqualTo(perf.p50ActivationTime());
    }

    @Test
    void theGraphExportHasNodesEdgesAndTheirOrigins() throws Exception {
        join(registry.dependencies().addDependency("weather-skill", "base-util"));

        DependencyGraphView around = registry.dependencies().getDependencyGraph("calculator-skill");
        assertThat(around.nodes())
                .extracting(DependencyGraphView.Node::id)
                .containsExactly("base-util", "calculator-skill", "config-manager", "logger");
        assertThat(around.edges())
                .contains(new DependencyGraphView.Edge("calculator-skill", "logger", DependencyOrigin.DECLARED));

        DependencyGraphView whole = registry.dependencies().getDependencyGraph();
        assertThat(whole.edges())
                .contains(new DependencyGraphView.Edge("weather-skill", "base-util", DependencyOrigin.EXPLICIT));
        assertThat(registry.dependencies().exportDependencyGraph(GraphFormat.DOT, null))
                .startsWith("digraph")
                .contains("\"weather-skill\" -> \"base-util\"");
        assertThat(registry.dependencies().exportDependencyGraph(GraphFormat.MERMAID, "logger"))
                .startsWith("flowchart");
        assertThat(registry.dependencies().exportDependencyGraph(GraphFormat.JSON, "logger"))
                .contains("{\"from\":\"logger\",\"to\":\"config-manager\",\"origin\":\"declared\"}");
    }
}
