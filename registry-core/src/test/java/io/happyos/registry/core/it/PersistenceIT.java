package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** What the registry was told survives a restart, and the audit log says who did what. */
class PersistenceIT extends FrameworkTestSupport {

    private void restart() throws Exception {
        felix = felix.restart(Map.of());
        registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
    }

    @Test
    void registrationsDependenciesErrorsAndAccessCountsAreBackAfterARestartWithTheirAuditTrail() throws Exception {
        startRegistry();
        installDemo();
        Instant begin = Instant.now();
        String planner = join(registry.registerComponent(ComponentInfo.of("planner", "skill")));
        join(registry.dependencies().addDependency(planner, "logger"));
        join(registry.dependencies().addDependency("weather-skill", "base-util"));
        join(registry.activateComponent(planner));
        var factory = registry.instances().registerInstanceFactory("skill", entry -> "instance of " + entry.id());
        for (int i = 0; i < 3; i++) {
            registry.getComponentInstance(planner);
        }
        factory.close();
        join(registry.lifecycle().markComponentError("base-util", "disk full"));

        restart();

        RegistryEntry restored = registry.getComponent("planner");
        assertThat(restored.component().type()).isEqualTo("skill");
        assertThat(restored.hasBundle()).isFalse();
        assertThat(restored.accessCount()).isEqualTo(3);
        assertThat(restored.lastAccessed()).isNotNull();
        assertThat(registry.dependencies().getDependencyDetails("planner"))
                .containsExactly(new Dependency("logger", DependencyOrigin.EXPLICIT, null));
        assertThat(registry.dependencies().getDependencyDetails("weather-skill"))
                .contains(new Dependency("base-util", DependencyOrigin.EXPLICIT, null));
        RegistryEntry base = registry.getComponent("base-util");
        assertThat(base.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(base.errorHistory()).extracting(e -> e.message()).containsExactly("disk full");

        List<AuditRecord> log = registry.diagnostics().getAuditLog(AuditQuery.latest());
        List<String> steps = log.stream()
                .filter(r -> !r.at().isBefore(begin.minusSeconds(1)))
                .map(r -> r.operation() + " " + r.componentId())
                .toList();
        assertThat(steps)
                .containsSubsequence(
                        "mark-error base-util",
                        "activate planner",
                        "add-dependency weather-skill",
                        "add-dependency planner",
                        "register planner");
        assertThat(log).allSatisfy(r -> assertThat(r.actor()).isNotBlank());
        assertThat(log.get(0).sequence()).isGreaterThan(log.get(log.size() - 1).sequence());
    }

    @Test
    void theAuditLogAnswersEachFilter() throws Exception {
        startRegistry();
        installDemo();
        install("failing-activator");
        join(registry.activateComponent("logger"));
        assertThatThrownBy(() -> join(registry.activateComponent("failing-activator")));
        join(registry.deactivateComponent("logger"));

        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().forComponent("logger")))
                .extracting(AuditRecord::operation)
                .containsExactly("deactivate", "activate");
        List<AuditRecord> failed =
                registry.diagnostics().getAuditLog(new AuditQuery(null, null, null, null, null, true, 10));
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.componentId()).isEqualTo("failing-activator");
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("simulated start failure");
        });
        assertThat(registry.diagnostics().getAuditLog(new AuditQuery(null, "activate", null, null, null, false, 10)))
                .extracting(AuditRecord::componentId)
                .containsExactly("failing-activator", "logger");
        assertThat(registry.diagnostics()
                        .getAuditLog(
                                new AuditQuery(null, null, "bundle:org.apache.felix.framework", null, null, false, 10)))
                .hasSize(3);
        assertThat(registry.diagnostics().getAuditLog(new AuditQuery(null, null, "shell", null, null, false, 10)))
                .isEmpty();
        assertThat(registry.diagnostics()
                        .getAuditLog(
                                new AuditQuery(null, null, null, Instant.now().plusSeconds(60), null, false, 10)))
                .isEmpty();
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().limit(1)))
                .hasSize(1);
    }

    @Test
    void changesMadeBehindTheRegistrysBackAreAuditedAsTheFramework() throws Exception {
        startRegistry();
        installDemo();
        join(registry.activateComponent("base-util"));

        felix.context().getBundle(registry.getComponent("base-util").bundleId()).stop();

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> registry
                        .diagnostics()
                        .getAuditLog(AuditQuery.latest().forComponent("base-util"))
                        .stream()
                        .anyMatch(r ->
                                r.operation().equals("stopped") && r.actor().equals("framework")));
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().forComponent("base-util")))
                .extracting(AuditRecord::operation)
                .containsExactly("stopped", "activate");
    }

    @Test
    void everyAuditRecordOfAnOperationSaysWhatHappened() throws Exception {
        startRegistry();
        installDemo();
        String planner = join(registry.registerComponent(ComponentInfo.of("planner", "skill")));
        join(registry.activateComponent("logger"));
        join(registry.activateComponent("logger"));
        join(registry.deactivateComponent("logger"));
        join(registry.lifecycle().markComponentError("base-util", "disk full"));
        join(registry.lifecycle().clearComponentError("base-util"));
        join(registry.lifecycle().setComponentStatus("config-manager", ComponentStatus.ACTIVE));
        join(registry.dependencies().addDependency(planner, "logger"));
        join(registry.dependencies().removeDependency(planner, "logger"));
        join(registry.dependencies().validateDependencies(planner));
        join(registry.lifecycle().activateComponentsBatch(List.of("logger")));
        join(registry.unregisterComponent(planner));

        List<AuditRecord> log = registry.diagnostics().getAuditLog(AuditQuery.latest());
        assertThat(log)
                .hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(r -> assertThat(r.details())
                        .as(r.operation() + " " + r.componentId())
                        .isNotBlank());
        assertThat(log)
                .filteredOn(r -> r.operation().equals("mark-error"))
                .singleElement()
                .satisfies(r -> assertThat(r.details()).contains("disk full"));
        assertThat(log)
                .filteredOn(r -> r.operation().equals("set-status"))
                .singleElement()
                .satisfies(r -> assertThat(r.details()).contains("ACTIVE"));
    }

    @Test
    void recordsOfWorkDoneElsewhereAreAuditedUnderTheCallersActorAndKeptAcrossARestart() throws Exception {
        startRegistry();
        installDemo();
        registry.diagnostics().recordAudit("cluster:activate", "logger", true, null, "activated on node beta");
        registry.actingFor("node:alpha/shell")
                .diagnostics()
                .recordAudit("cluster:deactivate", null, false, "node beta is unreachable", null);
        assertThatThrownBy(() -> registry.diagnostics().recordAudit(" ", "logger", true, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.diagnostics().recordAudit(null, "logger", true, null, null))
                .isInstanceOf(NullPointerException.class);

        restart();

        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest()))
                .filteredOn(r -> r.operation().startsWith("cluster:"))
                .extracting(
                        AuditRecord::actor,
                        AuditRecord::operation,
                        AuditRecord::componentId,
                        AuditRecord::ok,
                        AuditRecord::error,
                        AuditRecord::details)
                .containsExactly(
                        tuple("node:alpha/shell", "cluster:deactivate", null, false, "node beta is unreachable", null),
                        tuple(
                                "bundle:org.apache.felix.framework",
                                "cluster:activate",
                                "logger",
                                true,
                                null,
                                "activated on node beta"));
    }

    @Test
    void anErrorSetByHandStaysAcrossARestartWhileItsBundleRunsUntilCleared() throws Exception {
        startRegistry();
        installDemo();
        install("echo-skill");
        join(registry.activateComponent("echo-skill"));
        join(registry.lifecycle().markComponentError("echo-skill", "boom"));

        restart();

        RegistryEntry echo = registry.getComponent("echo-skill");
        assertThat(felix.context().getBundle(echo.bundleId()).getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(echo.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(echo.errorHistory()).extracting(ErrorRecord::message).containsExactly("boom");
        Bundle bundle = felix.context().getBundle(echo.bundleId());
        bundle.stop();
        bundle.start();
        assertThat(registry.getComponent("echo-skill").status()).isEqualTo(ComponentStatus.ERROR);

        join(registry.lifecycle().clearComponentError("echo-skill"));
        assertThat(registry.getComponent("echo-skill").status()).isEqualTo(ComponentStatus.ACTIVE);
        restart();
        assertThat(registry.getComponent("echo-skill").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void aDatabaseDeletedWhileTheContainerRunsIsRecreatedAndNothingAcknowledgedIsLost() throws Exception {
        startRegistry();
        installDemo();
        join(registry.dependencies().addDependency("weather-skill", "base-util"));
        Path db;
        try (var files = Files.walk(felix.storage())) {
            db = files.filter(p -> p.getFileName().toString().equals("registry.db"))
                    .findFirst()
                    .orElseThrow();
        }

        Files.delete(db);
        join(registry.lifecycle().markComponentError("logger", "boom"));
        assertThat(db).exists();

        restart();

        assertThat(registry.dependencies().getDependencyDetails("weather-skill"))
                .contains(new Dependency("base-util", DependencyOrigin.EXPLICIT, null));
        assertThat(registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest()))
                .extracting(AuditRecord::operation)
                .contains("add-dependency", "mark-error");
    }

    @Test
    void headerIndexesAreKeptAcrossARestart() throws Exception {
        startRegistry();
        installDemo();
        registry.indexes().createHeaderIndex("by-version", "Bundle-Version");
        registry.indexes().createIndex("transient", e -> e.component().type());

        restart();

        assertThat(registry.indexes().getIndexNames()).containsExactly("by-version");
        assertThat(registry.indexes().getComponentsByIndex("by-version", "1.0.0"))
                .extracting(RegistryEntry::id)
                .containsAll(DEMO);
        assertThat(registry.indexes().dropIndex("by-version")).isTrue();
        restart();
        assertThat(registry.indexes().getIndexNames()).isEmpty();
    }
}
