package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Every thread the registry makes is named {@code happyos-…} and is gone once the registry bundle
 * stops, however busy it was: folder watching, batches, retries, listeners, the database writer.
 */
class ThreadsIT extends FrameworkTestSupport {

    private static Set<Thread> happyosThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("happyos-"))
                .collect(Collectors.toSet());
    }

    @Test
    void stoppingTheRegistryLeavesNoThreadOfItsOwn() throws Exception {
        Set<Thread> before = happyosThreads();
        Path folder = Files.createTempDirectory("threads-folder-");
        startWithFolder(folder);
        installDemo();
        List<String> seen = new CopyOnWriteArrayList<>();
        registry.lifecycle().addStatusListener((id, from, to) -> seen.add(id));
        join(registry.lifecycle().activateComponentsBatch(DEMO));
        join(registry.lifecycle()
                .activateComponent("weather-skill", RetryPolicy.exponential(2, Duration.ofMillis(10))));
        drop(EmbeddedFelix.sampleBundle("echo-skill"), folder, "echo-skill.jar");
        awaitStatus("echo-skill", ComponentStatus.ACTIVE);
        registry.instances().enableInstanceCaching(16, Duration.ofMinutes(1));
        assertThat(happyosThreads())
                .as("the registry's threads while it runs")
                .anyMatch(t -> t.getName().equals("happyos-registry-lifecycle"))
                .anyMatch(t -> t.getName().equals("happyos-registry-folder-watcher"))
                .anyMatch(t -> t.getName().equals("happyos-registry-db-writer"));

        Bundle core = registryBundle();
        core.stop();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Thread> left = happyosThreads();
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = happyosThreads();
            left.removeAll(before);
        }
        assertThat(left)
                .as("threads left after the registry stopped")
                .extracting(Thread::getName)
                .isEmpty();
        assertThat(seen).isNotEmpty();
    }

    private Bundle registryBundle() {
        for (Bundle bundle : felix.context().getBundles()) {
            if ("io.happyos.registry.core".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no registry bundle installed");
    }
}
