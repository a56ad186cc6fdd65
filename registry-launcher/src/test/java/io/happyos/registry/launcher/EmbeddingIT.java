package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.text.ProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The container started from Java code ({@link RegistryContainer}) in this JVM, on a copy of the
 * sample bundles folder: the registry typed, the skill runner's results, completion through a real
 * Gogo session, the start-up progress line, stopping.
 */
class EmbeddingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private Path plugins;
    private Path storage;
    private RegistryContainer container;

    @BeforeEach
    void copySamples() throws IOException {
        plugins = Files.createDirectories(work.resolve("plugins"));
        storage = work.resolve("storage");
        try (Stream<Path> jars = Files.list(LauncherProcess.sampleBundles())) {
            for (Path jar : jars.filter(jar -> jar.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        assertThat(plugins.resolve("skill-runner-1.0.0.jar"))
                .as("sample-bundles built")
                .exists();
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> copy = new java.util.TreeMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), String.valueOf(value)));
        return copy;
    }

    private RegistryContainer.Builder builder() {
        return RegistryContainer.builder()
                .bundlesDir(plugins)
                .storageDir(storage)
                .watch(false);
    }

    @Test
    void theReadmeExampleRunsTheSkillsOfTheSampleFolder() throws Exception {
        Map<String, String> said = strings(EmbeddingExample.run(plugins, storage));

        assertThat(said)
                .containsEntry("calculator-skill", "12.5 * 4 = 50")
                .containsEntry("greeting", "Hello, HappyOS!")
                .containsEntry("echo-skill", "hello from skill-runner")
                .containsEntry("greeting-skill", "no instance")
                .doesNotContainKey("farewell") // a skill, but disabled: only active ones run
                .doesNotContainKey("skill-runner"); // type service
        assertThat(said.get("weather-skill")).startsWith("Stockholm ").endsWith(" C");
        // the example's container has stopped and let go of the storage folder
        container = builder().start();
        assertThat(container.isRunning()).isTrue();
    }

    @Test
    void theSkillRunnerRunsTheSkillsThroughTheRegistryOnceItIsReady() throws Exception {
        container = builder().start();
        DynamicRegistry registry = container.registry();

        assertThat(container.sharesRegistryApi()).isTrue();
        assertThat(registry.getComponent("skill-runner").status()).isEqualTo(ComponentStatus.ACTIVE);
        // its first run went through getComponentInstance, which counts accesses
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(registry.getComponent("calculator-skill").accessCount()).isPositive();
            assertThat(registry.getComponent("weather-skill").accessCount()).isPositive();
            assertThat(registry.getComponent("greeting").accessCount()).isPositive();
        });
        assertThat(registry.getComponentInstance("skill-runner").toString())
                .startsWith("skill-runner ran 5 skills: ")
                .contains("calculator-skill -> 12.5 * 4 = 50", "greeting -> Hello, HappyOS!");
        long before = registry.getComponent("echo-skill").accessCount();
        Supplier<?> runner = registry.getComponentInstance("skill-runner", Supplier.class);
        assertThat(strings((Map<?, ?>) runner.get())).containsEntry("echo-skill", "hello from skill-runner");
        assertThat(registry.getComponent("echo-skill").accessCount()).isEqualTo(before + 1);
    }

    @Test
    void theBundleContextIsTheFrameworksAndTheApiBundleIsNotInstalledWhenShared() throws Exception {
        container = builder().start();

        List<String> names = Arrays.stream(container.bundleContext().getBundles())
                .map(Bundle::getSymbolicName)
                .toList();
        assertThat(names)
                .contains("org.apache.felix.framework", "io.happyos.registry.core", "skill-runner")
                .doesNotContain("io.happyos.registry.api");
        ServiceReference<?> reference = container.bundleContext().getServiceReference(DynamicRegistry.class.getName());
        assertThat(reference.getBundle().getSymbolicName()).isEqualTo("io.happyos.registry.core");
        assertThat(reference.getProperty(DynamicRegistry.STATE_PROPERTY)).isEqualTo(DynamicRegistry.STATE_READY);
    }

    @Test
    void withoutSharingTheApiTheBundleIsInstalledAndTheRegistryIsReachedByName() throws Exception {
        container = builder().shareRegistryApi(false).start();

        assertThat(container.sharesRegistryApi()).isFalse();
        assertThatThrownBy(container::registry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("put io.happyos.registry:registry-api on its class path");
        // the test's own DynamicRegistry is not the bundles': only the "all services" lookups see it
        assertThat(container.bundleContext().getServiceReference(DynamicRegistry.class.getName()))
                .isNull();
        ServiceReference<?> reference =
                container.bundleContext().getAllServiceReferences(DynamicRegistry.class.getName(), null)[0];
        Object service = container.bundleContext().getService(reference);
        assertThat(service).isNotInstanceOf(DynamicRegistry.class); // another class loader's DynamicRegistry
        assertThat(Arrays.stream(container.bundleContext().getBundles()).map(Bundle::getSymbolicName))
                .contains("io.happyos.registry.api");
        container.stop();

        // the same storage, shared this time: the API bundle of the first start is uninstalled
        container = builder().start();
        assertThat(Arrays.stream(container.bundleContext().getBundles()).map(Bundle::getSymbolicName))
                .doesNotContain("io.happyos.registry.api");
        assertThat(container.registry().getComponent("skill-runner").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void stopStopsTheFrameworkAndASecondContainerOnTheStorageIsRefusedMeanwhile() throws Exception {
        container = builder().start();

        assertThatThrownBy(() -> builder().start())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(
                        "another container (pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining(storage.toString());
        assertThat(container.isRunning()).isTrue();

        assertThat(container.stop()).isTrue();
        assertThat(container.isRunning()).isFalse();
        assertThatThrownBy(container::registry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the container has stopped");
    }

    @Test
    void badSettingsAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> builder().readyTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero (do not wait) or positive");
        assertThatThrownBy(() -> builder().bundlesDir(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("bundlesDir must not be null");
    }

    @Test
    void tabCompletionAsksTheShellThroughTheSessionsOfARealContainer() throws Exception {
        container = builder().start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (GogoCommands gogo = GogoCommands.open(container.bundleContext(), print, print)) {
            assertThat(gogo.complete("registry:info calc")).containsExactly("calculator-skill");
            assertThat(gogo.complete("registry:activate skill-r")).containsExactly("skill-runner");
            assertThat(gogo.complete("registry:ac")).containsExactly("registry:activate");
            assertThat(gogo.complete("registry:list --type sk")).containsExactly("skill");
            // a line with quotes and a $ reaches the command as it is
            assertThat(gogo.complete("echo '$x' | registry:info gree")).containsExactly("greeting", "greeting-skill");

            GogoCompleter completer = new GogoCompleter(gogo::complete);
            ParsedLine line = new DefaultParser().parse("registry:deps wea", "registry:deps wea".length());
            List<Candidate> candidates = new ArrayList<>();
            completer.complete(null, line, candidates);
            assertThat(candidates).extracting(Candidate::value).containsExactly("weather-skill");
            assertThat(candidates)
                    .allSatisfy(candidate -> assertThat(candidate.complete()).isTrue());

            // the user's commands still run in the same session, and print as before
            assertThat(gogo.run("registry:complete 'registry:info we'")).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("weather-skill" + System.lineSeparator());
        }
    }

    @Test
    void ctrlCEndsTheRunningCommandWithoutAnErrorAndTheSessionGoesOn() throws Exception {
        container = builder().start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (GogoCommands gogo = GogoCommands.open(
                container.bundleContext(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            CompletableFuture<Boolean> watch =
                    CompletableFuture.supplyAsync(() -> gogo.run("registry:watch --interval 100"));
            await().atMost(WAIT)
                    .until(() -> out.toString(StandardCharsets.UTF_8).contains("skill-runner"));

            await().atMost(WAIT).until(gogo::interrupt); // as the shell does on Ctrl-C

            assertThat(watch.get(30, TimeUnit.SECONDS)).isFalse();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(gogo.run("registry:info logger")).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Status         ACTIVE");
        }
    }

    @Test
    void theStartUpProgressCountsTheFoldersBundlesToTheEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StartupProgress progress =
                StartupProgress.forFolder(plugins, new PrintStream(out, true, StandardCharsets.UTF_8), () -> 100);
        container = builder().beforeStart(progress::attach).start();
        progress.finish();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").endsWith(System.lineSeparator());
        assertThat(text.strip()).isEqualTo(ProgressBar.ascii().line("Starting bundles", 10, 10, null, 100));
    }
}
