package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;

/**
 * A real Felix with the registry, Gogo and this shell bundle, some samples installed, and a Gogo
 * session to type into: what the shell's integration tests start from.
 */
final class ShellInFelix implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final EmbeddedFelix felix;
    final GogoSession shell;
    /** Bundle number of each sample installed. */
    final Map<String, Long> bundleIds = new HashMap<>();

    private ShellInFelix(EmbeddedFelix felix, GogoSession shell) {
        this.felix = felix;
        this.shell = shell;
    }

    /**
     * Starts everything and waits until {@code registry:list} shows the last sample.
     *
     * @param samples the sample bundles to install, by symbolic name
     * @return the running fixture
     */
    static ShellInFelix start(List<String> samples) throws Exception {
        EmbeddedFelix felix = EmbeddedFelix.start(Map.of()).withRegistry();
        felix.installRuntime(EmbeddedFelix.itBundle("org.apache.felix.gogo.runtime.jar"))
                .start();
        felix.installRuntime(Paths.get(System.getProperty("it.shell.bundle"))).start();
        Map<String, Long> ids = new HashMap<>();
        for (String sample : samples) {
            Bundle b = felix.install(EmbeddedFelix.sampleBundle(sample));
            ids.put(sample, b.getBundleId());
        }
        ShellInFelix fixture = new ShellInFelix(felix, GogoSession.open(felix.context(), WAIT));
        fixture.bundleIds.putAll(ids);
        String last = samples.get(samples.size() - 1);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(fixture.shell.ok("registry:list --json")).contains("\"id\":\"" + last + "\""));
        return fixture;
    }

    @Override
    public void close() throws Exception {
        try {
            shell.close();
        } finally {
            felix.close();
        }
    }
}
