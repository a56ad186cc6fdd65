package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Components that wait for a requirement are activated as soon as it arrives, however it arrives:
 * a later drop, an install through the API, an activation by hand, a restart.
 */
class WaitingForRequirementsIT extends FrameworkTestSupport {

    @TempDir
    Path folder;

    @TempDir
    Path jars;

    private void start() throws Exception {
        startWithFolder(folder);
    }

    /** A bundle exporting and importing packages: {@code exports} and {@code imports} comma-separated or empty. */
    private Path bundle(String name, String exports, String imports) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>();
        if (!exports.isEmpty()) {
            headers.put("Export-Package", exports);
        }
        if (!imports.isEmpty()) {
            headers.put("Import-Package", imports);
        }
        return TestBundle.builder(name).headers(headers).writeToFolder(jars);
    }

    private void drop(Path jar) throws Exception {
        drop(jar, folder, jar.getFileName().toString());
    }

    private Bundle bundleOf(String id) {
        return felix.context().getBundle(registry.getComponent(id).bundleId());
    }

    @Test
    void aChainDroppedDependentsFirstInSeparateScansEndsActive() throws Exception {
        start();
        drop(bundle("c", "", "pkg.b"));
        awaitStatus("c", ComponentStatus.ERROR);
        drop(bundle("b", "pkg.b", "pkg.a"));
        awaitStatus("b", ComponentStatus.ERROR);

        drop(bundle("a", "pkg.a", ""));

        for (String id : List.of("a", "b", "c")) {
            awaitStatus(id, ComponentStatus.ACTIVE);
            assertThat(bundleOf(id).getState()).as(id).isEqualTo(Bundle.ACTIVE);
        }
        assertThat(registry.diagnostics().explain("c").rootCauses()).isEmpty();
    }

    @Test
    void aMutualImportGroupDroppedInTwoScansIsActivatedTogether() throws Exception {
        start();
        drop(bundle("cyc1", "cyc.one", "cyc.two"));
        awaitStatus("cyc1", ComponentStatus.ERROR);

        drop(bundle("cyc2", "cyc.two", "cyc.one"));

        awaitStatus("cyc1", ComponentStatus.ACTIVE);
        awaitStatus("cyc2", ComponentStatus.ACTIVE);
        assertThat(registry.dependencies().findCircularDependencies())
                .anySatisfy(cycle -> assertThat(cycle).containsExactlyInAnyOrder("cyc1", "cyc2"));
    }

    @Test
    void anInstallThroughTheApiBringsUpWhatWaitsForIt() throws Exception {
        start();
        drop(bundle("consumer", "", "pkg.p"));
        awaitStatus("consumer", ComponentStatus.ERROR);

        join(registry.registerComponent(
                ComponentInfo.ofJar(bundle("provider", "pkg.p", "").toString())));

        awaitStatus("consumer", ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("provider").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void aDependentIsActivatedWhenItsDependencyInErrorIsActivatedByHand() throws Exception {
        start();
        join(registry.registerComponent(
                ComponentInfo.ofJar(bundle("dep", "pkg.d", "").toString())));
        join(registry.lifecycle().markComponentError("dep", "broken on purpose"));
        drop(bundle("user", "", "pkg.d"));
        awaitStatus("user", ComponentStatus.ERROR);
        assertThat(registry.getComponent("user").lastError().message()).contains("dep");

        join(registry.lifecycle().clearComponentError("dep"));
        join(registry.activateComponent("dep"));

        awaitStatus("user", ComponentStatus.ACTIVE);
    }

    @Test
    void aComponentWaitingWhenTheContainerStoppedIsActivatedWhenItsRequirementArrivesAfterTheRestart()
            throws Exception {
        start();
        drop(bundle("late-user", "", "pkg.late"));
        awaitStatus("late-user", ComponentStatus.ERROR);

        restartWithFolder(folder);
        // still waiting, and saying why, without the reason recorded twice
        assertThat(registry.getComponent("late-user").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.getComponent("late-user").errorHistory()).hasSize(1);
        assertThat(registry.getHealthStats().healthy())
                .isLessThan(registry.getHealthStats().total());
        drop(bundle("late-provider", "pkg.late", ""));

        awaitStatus("late-provider", ComponentStatus.ACTIVE);
        try {
            awaitStatus("late-user", ComponentStatus.ACTIVE);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "late-user: " + registry.getComponent("late-user") + "; waiting files: " + waitingFiles()
                            + "; audit: " + registry.diagnostics().getAuditLog(io.happyos.registry.AuditQuery.latest()),
                    e);
        }
    }

    private String waitingFiles() throws Exception {
        try (var files = Files.walk(felix.storage())) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().equals("waiting.txt"))
                    .toList()) {
                text.append(file).append('=').append(Files.readAllLines(file)).append(' ');
            }
            return text.toString();
        }
    }

    @Test
    void realBundlesThatImportEachOtherDroppedOneByOneEndActive() throws Exception {
        start();
        // slf4j-api 1.7 imports org.slf4j.impl from logback-classic, which imports org.slf4j from it
        drop(io.happyos.registry.testing.EmbeddedFelix.itBundle("slf4j-api-1.7.jar"));
        awaitStatus("slf4j.api", ComponentStatus.ERROR);
        drop(io.happyos.registry.testing.EmbeddedFelix.itBundle("logback-core-1.2.jar"));
        awaitStatus("ch.qos.logback.core", ComponentStatus.ACTIVE);

        drop(io.happyos.registry.testing.EmbeddedFelix.itBundle("logback-classic-1.2.jar"));

        for (String id : List.of("slf4j.api", "ch.qos.logback.core", "ch.qos.logback.classic")) {
            awaitStatus(id, ComponentStatus.ACTIVE);
            assertThat(bundleOf(id).getState()).as(id).isEqualTo(Bundle.ACTIVE);
        }
        assertThat(registry.dependencies().findCircularDependencies())
                .anySatisfy(cycle -> assertThat(cycle).contains("slf4j.api", "ch.qos.logback.classic"));
    }

    @Test
    void realBundlesDroppedDependentsFirstEndActive() throws Exception {
        start();
        for (String jar : List.of(
                "org.apache.felix.scr.jar",
                "org.osgi.service.component.jar",
                "org.osgi.util.promise.jar",
                "org.osgi.util.function.jar")) {
            drop(io.happyos.registry.testing.EmbeddedFelix.itBundle(jar));
            Thread.sleep(700); // each file in a scan of its own: the gaps are the input
        }
        for (String id : List.of(
                "org.osgi.util.function",
                "org.osgi.util.promise",
                "org.osgi.service.component",
                "org.apache.felix.scr")) {
            awaitStatus(id, ComponentStatus.ACTIVE);
        }
    }

    @Test
    void afterARestartTheFrameworkDoesNotStartWhatADependencyInErrorBlocks() throws Exception {
        start();
        drop(bundle("base", "pkg.base", ""));
        drop(bundle("user", "", "pkg.base"));
        awaitStatus("user", ComponentStatus.ACTIVE);
        join(registry.lifecycle().markComponentError("base", "broken on purpose"));

        restartWithFolder(folder);

        assertThat(registry.getComponent("user").status()).isNotEqualTo(ComponentStatus.ACTIVE);
        assertThat(bundleOf("user").getState()).isNotEqualTo(Bundle.ACTIVE);
        join(registry.lifecycle().clearComponentError("base"));
        awaitStatus("user", ComponentStatus.ACTIVE);
        assertThat(bundleOf("user").getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void deactivatingAWaitingComponentEndsItsWaitAndItsErrorAndItStaysDownWhenTheRequirementArrives() throws Exception {
        start();
        drop(bundle("told-off", "", "pkg.told"));
        awaitStatus("told-off", ComponentStatus.ERROR);

        join(registry.deactivateComponent("told-off"));

        assertThat(registry.getComponent("told-off").status()).isEqualTo(ComponentStatus.REGISTERED);
        drop(bundle("told-provider", "pkg.told", ""));
        awaitStatus("told-provider", ComponentStatus.ACTIVE);
        join(registry.dependencies().validateDependencies("told-off")); // after any retry the arrival queued
        assertThat(registry.getComponent("told-off").status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(registry.getHealthStats().down()).isZero();
    }

    @Test
    void aProviderPutBackWhileTheContainerWasDownIsUpWithItsDependentsWhenTheRegistryIsReady() throws Exception {
        start();
        drop(bundle("back-base", "pkg.back", ""));
        drop(bundle("back-user", "", "pkg.back"));
        awaitStatus("back-user", ComponentStatus.ACTIVE);
        Path aside = Files.move(folder.resolve("back-base.jar"), jars.resolve("aside.jar"));
        restartWithFolder(folder);
        assertThat(registry.findComponent("back-base")).isEmpty();

        felix.stopFramework();
        Files.move(aside, folder.resolve("back-base.jar"));
        restartWithFolder(folder);

        // no waiting: once ready, both are up, and nothing was recorded as a failure
        for (String id : List.of("back-base", "back-user")) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.ACTIVE);
            assertThat(bundleOf(id).getState()).as(id).isEqualTo(Bundle.ACTIVE);
        }
        assertThat(registry.getComponent("back-base").errorHistory()).isEmpty();
    }

    @Test
    void healthCountsWhatShouldBeRunningAndIsNot() throws Exception {
        start();
        join(registry.registerComponent(
                ComponentInfo.ofJar(bundle("runs", "", "").toString())));
        join(registry.activateComponent("runs"));
        join(registry.registerComponent(
                ComponentInfo.ofJar(bundle("marked", "", "").toString())));
        assertThat(registry.getHealthStats().down()).isZero();
        assertThat(registry.getHealthStats().healthPercentage()).isEqualTo(1.0);

        // marked to start, but its start level is above the framework's: it should run and does not
        Bundle marked = bundleOf("marked");
        marked.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).setStartLevel(50);
        marked.start();

        var health = registry.getHealthStats();
        assertThat(registry.getComponent("marked").status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(health.down()).isEqualTo(1);
        assertThat(health.healthy()).isEqualTo(health.total() - 1);
        assertThat(health.healthPercentage()).isLessThan(1.0);
    }
}
