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

    static final List<String> DEMO = List.of("config-manager", "logger", "base-util", "calculator-skill", "weather-skill");

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
            return events.stream().filter(e -> e.startsWith(kind + " ")).map(e -> e.substring(kind.length() + 1)).toList();
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

    @AfterEach
    void stopFramework() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }
}
