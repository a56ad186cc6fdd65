package io.happyos.registry.core.it;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/** A fresh Felix with the registry for every test, and the means to watch what it does. */
abstract class FrameworkTestSupport {

    static final List<String> DEMO =
            List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill");

    EmbeddedFelix felix;
    DynamicRegistry registry;
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    void startRegistry(Map<String, String> properties) throws Exception {
        startRegistry(properties, false);
    }

    void startRegistry(Map<String, String> properties, boolean withScr) throws Exception {
        felix = EmbeddedFelix.start(properties);
        felix.context().addBundleListener((SynchronousBundleListener) this::record);
        if (withScr) {
            felix.withScr();
        }
        felix.withRegistry();
        registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
    }

    void startRegistry() throws Exception {
        startRegistry(Map.of());
    }

    private void record(BundleEvent event) {
        if (event.getBundle().getLocation().startsWith(EmbeddedFelix.RUNTIME_LOCATION_PREFIX)) {
            return;
        }
        String name = event.getBundle().getSymbolicName();
        switch (event.getType()) {
            case BundleEvent.STARTED -> events.add("started " + name);
            case BundleEvent.STOPPED -> events.add("stopped " + name);
            default -> {
                // only starts and stops are checked
            }
        }
    }

    List<String> recorded(String kind) {
        synchronized (events) {
            return events.stream()
                    .filter(e -> e.startsWith(kind + " "))
                    .map(e -> e.substring(kind.length() + 1))
                    .toList();
        }
    }

    Bundle install(String sample) throws Exception {
        return felix.install(EmbeddedFelix.sampleBundle(sample));
    }

    void installDemo() throws Exception {
        for (String sample : DEMO) {
            install(sample);
        }
    }

    static <T> T join(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How long a test waits for the registry to get somewhere. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The properties of a watched bundles folder with short settle and rescan times. */
    static Map<String, String> folderProperties(java.nio.file.Path folder, String... more) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "happyos.bundles.dir",
                folder.toString(),
                "happyos.bundles.settle",
                "200ms",
                "happyos.bundles.rescan",
                "500ms"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    /**
     * Starts the registry on a watched bundles folder and waits until its start-up deployment is done.
     *
     * @param folder the bundles folder
     * @param more more framework properties, as key, value, key, value...
     */
    void startWithFolder(java.nio.file.Path folder, String... more) throws Exception {
        startRegistry(folderProperties(folder, more));
        awaitReady();
    }

    /**
     * Stops the container and starts it again on the same storage and bundles folder, as a restart
     * does, and waits until the registry is ready.
     *
     * @param folder the bundles folder
     */
    void restartWithFolder(java.nio.file.Path folder) throws Exception {
        felix = felix.restart(folderProperties(folder));
        registry = felix.service(DynamicRegistry.class, WAIT);
        awaitReady();
    }

    /** Waits until the registry service says its start-up deployment is done. */
    void awaitReady() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> felix.context()
                                .getServiceReferences(DynamicRegistry.class, "(happyos.registry.state=ready)")
                                .size()
                        == 1);
    }

    /**
     * Puts a JAR into a folder as careful writers do: copied under a temporary name, then renamed.
     *
     * @param jar the JAR
     * @param folder the bundles folder
     * @param name its name there
     * @return the file in the folder
     */
    static java.nio.file.Path drop(java.nio.file.Path jar, java.nio.file.Path folder, String name) throws Exception {
        java.nio.file.Path part = folder.resolve(name + ".part");
        java.nio.file.Files.copy(jar, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return java.nio.file.Files.move(
                part,
                folder.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until a component has a status, and returns its entry then. */
    io.happyos.registry.RegistryEntry awaitStatus(String id, io.happyos.registry.ComponentStatus status) {
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> registry.findComponent(id)
                                .map(io.happyos.registry.RegistryEntry::status)
                                .orElse(null)
                        == status);
        return registry.getComponent(id);
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }
}
