package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.JarVersion;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/** The bundles folder, watched live: drops, slow writes, quarantine, reloads, rollbacks, removals. */
class BundlesFolderIT extends FrameworkTestSupport {

    @TempDir
    Path folder;

    private Path drop(Path jar, String name) throws Exception {
        return drop(jar, folder, name);
    }

    private void start() throws Exception {
        startWithFolder(folder, "happyos.reload.grace", "5s");
    }

    private void awaitVersion(String id, String version) {
        await().atMost(WAIT)
                .until(() -> registry.findComponent(id)
                        .filter(e -> e.status() == ComponentStatus.ACTIVE
                                && version.equals(e.component().version()))
                        .isPresent());
    }

    @Test
    void jarsDroppedTogetherInAnyOrderAreActivatedDependenciesFirst() throws Exception {
        start();
        for (String sample : List.of("weather-skill", "calculator-skill", "logger", "base-util", "config-manager")) {
            drop(EmbeddedFelix.sampleBundle(sample), sample + ".jar");
        }
        drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");

        for (String id :
                List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill", "echo-skill")) {
            awaitStatus(id, ComponentStatus.ACTIVE);
        }
        List<String> started = recorded("started");
        assertThat(started.indexOf("logger")).isGreaterThan(started.indexOf("config-manager"));
        assertThat(started.indexOf("calculator-skill")).isGreaterThan(started.indexOf("logger"));
        assertThat(started.indexOf("echo-skill")).isGreaterThan(started.indexOf("base-util"));
        assertThat(registry.findComponentByPath(folder.resolve("echo.jar").toString()))
                .contains("echo-skill");
    }

    @Test
    void jarsMovedInWithinAFewTensOfMillisecondsAreInstalledAsOneSetBeforeAnyIsStarted() throws Exception {
        start();
        List<String> lifecycle = new java.util.concurrent.CopyOnWriteArrayList<>();
        felix.context().addBundleListener((SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.INSTALLED || e.getType() == BundleEvent.STARTED) {
                lifecycle.add((e.getType() == BundleEvent.INSTALLED ? "installed " : "started ")
                        + e.getBundle().getSymbolicName());
            }
        });
        List<String> samples = List.of("config-manager", "logger", "base-util", "echo-skill");

        for (String sample : samples) { // dependencies first, each a moment after the other
            drop(EmbeddedFelix.sampleBundle(sample), sample + ".jar");
            Thread.sleep(60); // the user's pace, not a wait for the registry
        }

        for (String id : samples) {
            awaitStatus(id, ComponentStatus.ACTIVE);
        }
        List<String> events = List.copyOf(lifecycle);
        int lastInstall = events.stream()
                .filter(e -> e.startsWith("installed "))
                .mapToInt(events::indexOf)
                .max()
                .orElseThrow();
        int firstStart = events.stream()
                .filter(e -> e.startsWith("started "))
                .mapToInt(events::indexOf)
                .min()
                .orElseThrow();
        assertThat(lastInstall).as("one set: %s", events).isLessThan(firstStart);
        assertThat(recorded("started")).containsSubsequence("config-manager", "logger");
        assertThat(recorded("started")).containsSubsequence("base-util", "echo-skill");
    }

    @Test
    void aJarWhoseDependencyWaitsForARequirementIsActivatedWhenItArrives() throws Exception {
        start();
        // calculator-skill's own requirements are all there, but logger's (config-manager) is not yet
        for (String sample : List.of("base-util", "logger", "calculator-skill")) {
            drop(EmbeddedFelix.sampleBundle(sample), sample + ".jar");
        }
        awaitStatus("logger", ComponentStatus.ERROR);
        await().atMost(WAIT)
                .until(() -> registry.findComponent("calculator-skill")
                        .map(e -> e.status() != ComponentStatus.DISCOVERED && e.status() != ComponentStatus.REGISTERED)
                        .orElse(false));

        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");

        awaitStatus("logger", ComponentStatus.ACTIVE);
        awaitStatus("calculator-skill", ComponentStatus.ACTIVE);
    }

    @Test
    void aJarWhoseRequirementsArriveLaterIsActivatedWhenTheyDo() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ERROR);
        assertThat(registry.getComponent("echo-skill").lastError().message()).contains("happyos.service=util");

        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");

        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void aJarWrittenSlowlyIsNeverInstalledHalfWritten() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        awaitStatus("base-util", ComponentStatus.ACTIVE);
        byte[] bytes = Files.readAllBytes(EmbeddedFelix.sampleBundle("echo-skill"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("echo.jar"))) {
            int chunk = bytes.length / 8 + 1;
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
                out.flush();
                Thread.sleep(60); // the writer is slow on purpose; the settle time is 200 ms
            }
        }
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        assertThat(folder.resolve(".quarantine")).doesNotExist();
    }

    /** An outer JAR whose last entry is a stored inner JAR, and the outer JAR cut right after the inner JAR's end. */
    private static byte[][] outerJarAndItsCutCopy() {
        byte[] inner = TestBundle.builder("inner-identity").build();
        byte[] outer = TestBundle.builder("outer-identity")
                .entry("lib/inner.jar", inner)
                .stored()
                .build();
        for (int at = 0; at + inner.length <= outer.length; at++) {
            if (Arrays.equals(outer, at, at + inner.length, inner, 0, inner.length)) {
                return new byte[][] {outer, Arrays.copyOf(outer, at + inner.length)};
            }
        }
        throw new AssertionError("the inner JAR is not stored as it is");
    }

    @Test
    void aCopyCutRightAfterAStoredInnerJarIsNeverInstalledAsTheInnerJar() throws Exception {
        start();
        List<String> installed = new java.util.concurrent.CopyOnWriteArrayList<>();
        felix.context().addBundleListener((SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.INSTALLED) {
                installed.add(e.getBundle().getSymbolicName());
            }
        });
        byte[] cut = outerJarAndItsCutCopy()[1];
        Path reason = folder.resolve(".quarantine").resolve("outer.jar.reason.txt");

        try (OutputStream out = Files.newOutputStream(folder.resolve("outer.jar"))) {
            out.write(cut);
            out.flush(); // the copy pauses here for longer than the settle time
            await().atMost(WAIT).until(() -> Files.exists(reason) || !installed.isEmpty());
        }

        assertThat(installed).isEmpty();
        assertThat(Files.readString(reason)).contains("incomplete");
        assertThat(registry.findComponent("inner-identity")).isEmpty();
    }

    @Test
    void aFileQuarantinedWhileStillBeingWrittenIsDeployedOnceItIsComplete() throws Exception {
        start();
        byte[][] outer = outerJarAndItsCutCopy();
        Path quarantined = folder.resolve(".quarantine").resolve("outer.jar");

        try (OutputStream out = Files.newOutputStream(folder.resolve("outer.jar"))) {
            out.write(outer[1]);
            out.flush(); // a pause longer than the settle time: the part written so far is quarantined
            awaitStatus("outer.jar", ComponentStatus.ERROR);
            out.write(outer[0], outer[1].length, outer[0].length - outer[1].length);
        }

        awaitStatus("outer-identity", ComponentStatus.ACTIVE);
        await().atMost(WAIT).until(() -> registry.findComponent("outer.jar").isEmpty());
        assertThat(quarantined).doesNotExist();
        assertThat(folder.resolve(".quarantine").resolve("outer.jar.reason.txt"))
                .doesNotExist();
        assertThat(folder.resolve("outer.jar")).hasBinaryContent(outer[0]);
    }

    @Test
    void aQuarantinedFileThatChangesButIsStillBadGetsItsNewReason() throws Exception {
        start();
        Files.write(folder.resolve("bad.jar"), new byte[] {1, 2, 3});
        Path reason = folder.resolve(".quarantine").resolve("bad.jar.reason.txt");
        await().atMost(WAIT)
                .until(() -> Files.exists(reason) && Files.readString(reason).contains("not a ZIP"));

        TestBundle.plainJar()
                .entry("hello.txt", "hello")
                .withoutManifest()
                .writeTo(folder.resolve(".quarantine/bad.jar"));

        await().atMost(WAIT).until(() -> Files.readString(reason).contains("MANIFEST"));
        await().atMost(WAIT)
                .until(() ->
                        registry.getComponent("bad.jar").lastError().message().contains("MANIFEST"));
        assertThat(registry.getComponent("bad.jar").status()).isEqualTo(ComponentStatus.ERROR);
    }

    @Test
    void quarantinedFilesStayInErrorAcrossARestartUntilTheyAreRemoved() throws Exception {
        start();
        Files.write(folder.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        awaitStatus("corrupt.jar", ComponentStatus.ERROR);

        felix = felix.restart(folderProperties(folder));
        registry = felix.service(DynamicRegistry.class, WAIT);
        await().atMost(WAIT)
                .until(() -> felix.context()
                                .getServiceReferences(DynamicRegistry.class, "(happyos.registry.state=ready)")
                                .size()
                        == 1);

        RegistryEntry corrupt = awaitStatus("corrupt.jar", ComponentStatus.ERROR);
        assertThat(corrupt.lastError().message()).contains("quarantined").contains("not a ZIP");

        Files.delete(folder.resolve(".quarantine").resolve("corrupt.jar"));

        await().atMost(WAIT).until(() -> registry.findComponent("corrupt.jar").isEmpty());
    }

    @Test
    void aQuarantinedFileFixedWhileTheContainerWasDownIsDeployedAtTheNextStart() throws Exception {
        start();
        Files.write(folder.resolve("late.jar"), new byte[] {1, 2, 3, 4, 5});
        awaitStatus("late.jar", ComponentStatus.ERROR);
        felix.stopFramework();
        Files.copy(
                EmbeddedFelix.sampleBundle("base-util"),
                folder.resolve(".quarantine").resolve("late.jar"),
                StandardCopyOption.REPLACE_EXISTING);

        restartWithFolder(folder);

        awaitStatus("base-util", ComponentStatus.ACTIVE);
        assertThat(folder.resolve("late.jar")).exists();
        assertThat(registry.findComponent("late.jar")).isEmpty();
    }

    @Test
    void stoppingTheFrameworkInTheMiddleOfDeployingQuarantinesNothing() throws Exception {
        for (int i = 0; i < 150; i++) {
            TestBundle.builder("gen-" + i).writeToFolder(folder);
        }
        startRegistry(Map.of("happyos.bundles.dir", folder.toString(), "happyos.bundles.settle", "200ms"));
        await().atMost(WAIT)
                .until(() -> java.util.Arrays.stream(felix.context().getBundles())
                        .anyMatch(b -> b.getSymbolicName() != null
                                && b.getSymbolicName().startsWith("gen-")));
        long installed = java.util.Arrays.stream(felix.context().getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("gen-"))
                .count();

        felix.stopFramework();

        Path quarantine = folder.resolve(".quarantine");
        try (var quarantined =
                Files.exists(quarantine) ? Files.list(quarantine) : java.util.stream.Stream.<Path>empty()) {
            assertThat(quarantined.map(p -> p.getFileName().toString()).toList())
                    .as("quarantined while stopping after %d of 150 installs", installed)
                    .isEmpty();
        }
        try (var jars = Files.list(folder)) {
            assertThat(jars.filter(p -> p.toString().endsWith(".jar")).count()).isEqualTo(150);
        }
    }

    @Test
    void badFilesAreQuarantinedWithTheirReasonAndEverythingElseKeepsRunning() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        awaitStatus("base-util", ComponentStatus.ACTIVE);

        Files.write(folder.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        Path noManifest = folder.resolve("no-manifest.jar");
        TestBundle.plainJar().entry("hello.txt", "hello").withoutManifest().writeTo(noManifest);
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util-copy.jar");

        Path quarantine = folder.resolve(".quarantine");
        await().atMost(WAIT)
                .until(() -> Files.exists(quarantine.resolve("base-util-copy.jar.reason.txt"))
                        && Files.exists(quarantine.resolve("corrupt.jar.reason.txt"))
                        && Files.exists(quarantine.resolve("no-manifest.jar.reason.txt")));
        assertThat(Files.readString(quarantine.resolve("corrupt.jar.reason.txt")))
                .contains("not a ZIP");
        assertThat(Files.readString(quarantine.resolve("no-manifest.jar.reason.txt")))
                .contains("MANIFEST");
        assertThat(Files.readString(quarantine.resolve("base-util-copy.jar.reason.txt")))
                .contains("duplicate");
        RegistryEntry corrupt = awaitStatus("corrupt.jar", ComponentStatus.ERROR);
        assertThat(corrupt.lastError().message()).contains("quarantined").contains("not a ZIP");
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(recorded("stopped")).isEmpty();

        // replacing the bad file with a good one clears it
        drop(EmbeddedFelix.sampleBundle("echo-skill"), "corrupt.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        assertThat(registry.findComponent("corrupt.jar")).isEmpty();
    }

    @Test
    void aChangedJarReloadsExactlyTheAffectedComponentsAndKeepsTheOldVersionForRollback() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        Path echo = drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        awaitStatus("config-manager", ComponentStatus.ACTIVE);
        events.clear();

        drop(EmbeddedFelix.updateBundle("echo-skill-2.0.0.jar"), "echo.jar");

        awaitVersion("echo-skill", "2.0.0");
        assertThat(recorded("stopped")).containsExactly("echo-skill");
        assertThat(recorded("started")).containsExactly("echo-skill");
        List<JarVersion> history = registry.versions().getVersionHistory("echo-skill");
        assertThat(history).extracting(JarVersion::version).containsExactly("2.0.0", "1.0.0");
        assertThat(registry.dependencies().getImpact("base-util")).containsExactly("echo-skill", "base-util");

        assertThat(registry.versions()
                        .rollbackComponent("echo-skill")
                        .toCompletableFuture()
                        .get())
                .isEqualTo("1.0.0");
        awaitVersion("echo-skill", "1.0.0");
        assertThat(Files.readAllBytes(echo)).isEqualTo(Files.readAllBytes(EmbeddedFelix.sampleBundle("echo-skill")));
    }

    @Test
    void anUpdateThatFailsToStartIsRolledBackAutomatically() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        Path echo = drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);

        drop(EmbeddedFelix.updateBundle("echo-skill-3.0.0.jar"), "echo.jar");

        await().atMost(WAIT)
                .until(() -> registry.getComponent("echo-skill").errorHistory().stream()
                        .anyMatch(e -> e.message().contains("rolled back echo-skill to 1.0.0")));
        awaitVersion("echo-skill", "1.0.0");
        assertThat(registry.getComponent("echo-skill").errorHistory())
                .extracting(e -> e.message())
                .anyMatch(m -> m.contains("broken on purpose"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Files.readAllBytes(echo))
                        .isEqualTo(Files.readAllBytes(EmbeddedFelix.sampleBundle("echo-skill"))));
    }

    @Test
    void aReloadedComponentThatGoesToErrorWithinTheGracePeriodIsRolledBack() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        drop(EmbeddedFelix.updateBundle("echo-skill-2.0.0.jar"), "echo.jar");
        awaitVersion("echo-skill", "2.0.0");

        registry.lifecycle()
                .markComponentError("echo-skill", "crashed right after the reload")
                .toCompletableFuture()
                .get();

        await().atMost(WAIT)
                .until(() -> registry.getComponent("echo-skill").errorHistory().stream()
                        .anyMatch(e -> e.message().contains("rolled back echo-skill to 1.0.0")
                                && e.message().contains("went to ERROR within 5 s")));
        awaitVersion("echo-skill", "1.0.0");
    }

    @Test
    void aRemovedJarIsUnregisteredAfterItsDependents() throws Exception {
        start();
        Path base = drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);

        Files.delete(base);

        await().atMost(WAIT).until(() -> registry.findComponent("base-util").isEmpty());
        // stopped first, and now waiting for what it needs to come back, saying why
        RegistryEntry echo = registry.getComponent("echo-skill");
        assertThat(echo.status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(echo.lastError().message()).contains("missing requirement").contains("activated when it arrives");
        assertThat(felix.context().getBundle(echo.bundleId()).getState())
                .isNotEqualTo(org.osgi.framework.Bundle.ACTIVE);
    }

    @Test
    void manyRapidRewritesGiveOneReloadWithTheLastContent() throws Exception {
        start();
        drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        Path echo = drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        AtomicInteger updates = new AtomicInteger();
        felix.context().addBundleListener((SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.UPDATED) {
                updates.incrementAndGet();
            }
        });

        byte[] v1 = Files.readAllBytes(EmbeddedFelix.sampleBundle("echo-skill"));
        byte[] v2 = Files.readAllBytes(EmbeddedFelix.updateBundle("echo-skill-2.0.0.jar"));
        for (int i = 0; i < 20; i++) {
            Files.write(echo, i % 2 == 0 ? v1 : v2);
        }

        awaitVersion("echo-skill", "2.0.0");
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> updates.get() == 1);
    }

    @Test
    void changesMadeWhileTheContainerWasDownAreReconciledAtStart(@TempDir Path spare) throws Exception {
        start();
        Path base = drop(EmbeddedFelix.sampleBundle("base-util"), "base-util.jar");
        Path echo = drop(EmbeddedFelix.sampleBundle("echo-skill"), "echo.jar");
        drop(EmbeddedFelix.sampleBundle("config-manager"), "config-manager.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        awaitStatus("config-manager", ComponentStatus.ACTIVE);
        felix.stopFramework();

        Files.copy(EmbeddedFelix.updateBundle("echo-skill-2.0.0.jar"), echo, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(folder.resolve("config-manager.jar"));
        Files.copy(TestBundle.builder("late-arrival").writeToFolder(spare), folder.resolve("late.jar"));

        felix = felix.restart(Map.of("happyos.bundles.dir", folder.toString(), "happyos.bundles.settle", "200ms"));
        registry = felix.service(DynamicRegistry.class, WAIT);
        await().atMost(WAIT)
                .until(() -> felix.context()
                                .getServiceReferences(DynamicRegistry.class, "(happyos.registry.state=ready)")
                                .size()
                        == 1);

        awaitVersion("echo-skill", "2.0.0");
        assertThat(registry.findComponent("config-manager")).isEqualTo(Optional.empty());
        assertThat(registry.getComponent("late-arrival").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(base).exists();
    }
}
