package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.slf4j.LoggerFactory;

/**
 * The samples that show the cluster (skill-locator, scheduler) in a container started on the demo
 * folder without a cluster, as the quick start runs it: no registry-cluster bundle is installed, so
 * skill-locator's optional import of the cluster's API stays unwired.
 */
class StandaloneClusterSamplesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCHEDULER_THREAD = "scheduler-tick";

    @TempDir
    Path work;

    private RegistryContainer container;
    private final ListAppender<ILoggingEvent> samplesLog = new ListAppender<>();
    private final Logger samplesLogger = (Logger) LoggerFactory.getLogger("io.happyos.samples");

    @BeforeEach
    void startOnTheSampleFolder() throws IOException, StartupException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> jars = Files.list(LauncherProcess.sampleBundles())) {
            for (Path jar : jars.filter(jar -> jar.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        // the samples' INFO lines, kept here and off the console
        samplesLog.start();
        samplesLogger.addAppender(samplesLog);
        samplesLogger.setLevel(Level.INFO);
        samplesLogger.setAdditive(false);
        container = RegistryContainer.builder()
                .bundlesDir(plugins)
                .storageDir(work.resolve("storage"))
                .watch(false)
                .start();
    }

    @AfterEach
    void stop() {
        try {
            if (container != null) {
                container.stop();
            }
        } finally {
            samplesLogger.detachAppender(samplesLog);
            samplesLogger.setLevel(null);
            samplesLogger.setAdditive(true);
        }
    }

    @Test
    void skillLocatorResolvesWithoutTheClusterAndLocatesTheLocalSkillWithItsEndpoint() throws Exception {
        DynamicRegistry registry = container.registry();
        assertThat(Arrays.stream(container.bundleContext().getBundles()).map(Bundle::getSymbolicName))
                .doesNotContain("io.happyos.registry.cluster");
        assertThat(registry.getComponent("skill-locator").status()).isEqualTo(ComponentStatus.ACTIVE);
        String host = InetAddress.getLocalHost().getHostName();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (GogoCommands gogo = GogoCommands.open(
                container.bundleContext(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(gogo.run("samples:locate calculator-skill")).isTrue();
            assertThat(gogo.run("samples:locate weather-skill least-accessed")).isTrue();
            assertThat(lines(out))
                    .containsExactly(
                            "local calculator-skill http://" + host + ":8080/calc",
                            "local weather-skill http://" + host + ":8080/weather");

            // by type, round-robin: each ACTIVE skill in turn
            List<String> activeSkills = registry.getComponentsByType("skill").stream()
                    .filter(e -> e.status() == ComponentStatus.ACTIVE)
                    .map(RegistryEntry::id)
                    .toList();
            out.reset();
            for (int i = 0; i < activeSkills.size(); i++) {
                assertThat(gogo.run("samples:locate skill")).isTrue();
            }
            assertThat(lines(out))
                    .extracting(line -> line.split(" ")[1])
                    .containsExactlyInAnyOrderElementsOf(activeSkills);

            assertThat(gogo.run("samples:locate skill fastest")).isFalse();
            assertThat(gogo.run("samples:locate no-such-skill")).isFalse();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("unknown strategy 'fastest'")
                    .contains("no ACTIVE instance of no-such-skill in this container");
        }
        assertThat(messages()).filteredOn(m -> m.contains("no cluster")).hasSize(1);
    }

    @Test
    void schedulerTicksWhileActiveAndLeavesNoThreadBehindWhenStopped() throws Exception {
        DynamicRegistry registry = container.registry();
        assertThat(registry.getComponent("scheduler").status()).isEqualTo(ComponentStatus.ACTIVE);
        await().atMost(WAIT).until(() -> messages().contains("scheduler tick on node standalone"));
        assertThat(schedulerThreads()).hasSize(1);

        registry.deactivateComponent("scheduler").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // stop() waited for the executor to terminate; the thread itself ends a moment later
        await().atMost(Duration.ofSeconds(5)).until(() -> schedulerThreads().isEmpty());
        assertThat(messages()).contains("scheduler stopped");

        registry.activateComponent("scheduler").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(schedulerThreads()).hasSize(1);
        container.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> schedulerThreads().isEmpty());
    }

    private List<String> messages() {
        List<ILoggingEvent> events;
        synchronized (samplesLog) { // the lock under which AppenderBase appends
            events = new ArrayList<>(samplesLog.list);
        }
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static List<Thread> schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(SCHEDULER_THREAD) && t.isAlive())
                .toList();
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
