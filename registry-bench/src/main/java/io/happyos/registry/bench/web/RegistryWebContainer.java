package io.happyos.registry.bench.web;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ours: a framework as a container started with {@code --http 127.0.0.1:0} runs it: the registry
 * (persistence on, as by default) deploying the generated bundles from its bundles folder, and the web
 * bundles the launcher adds, Felix HTTP Jetty with the servlet API and registry-web, installed as
 * runtime bundles.
 */
final class RegistryWebContainer implements AutoCloseable {

    /** The web bundles, by file name in the bench-bundles folder, in start order (as the launcher's). */
    static final List<String> BUNDLES =
            List.of("org.apache.felix.http.servlet-api.jar", "org.apache.felix.http.jetty.jar", "registry-web.jar");

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final EmbeddedFelix felix;
    private final DynamicRegistry registry;
    private final StatusClock clock;
    private final URI base;

    private RegistryWebContainer(EmbeddedFelix felix, DynamicRegistry registry, StatusClock clock, URI base) {
        this.felix = felix;
        this.registry = registry;
        this.clock = clock;
        this.base = base;
    }

    /**
     * Starts the framework, waits until every generated component is ACTIVE and the API answers.
     *
     * @param benchBundles the folder of bench bundles
     * @param folder the bundles folder with the generated bundles
     * @param ids their component ids
     * @param client a client to probe the API with
     * @return the started container
     * @throws Exception when a bundle does not start, a component does not become ACTIVE or the API does
     *     not answer
     */
    static RegistryWebContainer start(Path benchBundles, Path folder, Collection<String> ids, HttpClient client)
            throws Exception {
        for (String jar : BUNDLES) {
            if (!Files.isRegularFile(benchBundles.resolve(jar))) {
                throw new IllegalStateException("no " + jar + " in " + benchBundles
                        + ": build registry-bench with its dependencies (-pl registry-bench -am)");
            }
        }
        Map<String, String> properties = new HashMap<>(HttpEndpoint.loopbackAnyPort());
        properties.put("happyos.bundles.dir", folder.toString());
        properties.put("happyos.http", "127.0.0.1:0");
        EmbeddedFelix felix = EmbeddedFelix.start(properties);
        try {
            felix.withRegistry();
            DynamicRegistry registry = felix.service(DynamicRegistry.class, TIMEOUT);
            // before registry-web, so that its status listener is called after the clock's
            StatusClock clock = new StatusClock(registry);
            for (String jar : BUNDLES) {
                felix.installRuntime(benchBundles.resolve(jar)).start();
            }
            awaitActive(registry, ids);
            URI base = HttpEndpoint.await(felix.context(), TIMEOUT);
            RegistryWebContainer container = new RegistryWebContainer(felix, registry, clock, base);
            HttpEndpoint.awaitOk(client, container.components(), TIMEOUT);
            return container;
        } catch (Exception | Error e) {
            felix.close();
            throw e;
        }
    }

    /** @return the request measured: every component, as the console's table loads it */
    HttpRequest components() {
        return HttpRequest.newBuilder(base.resolve("api/components")).GET().build();
    }

    /** @return the status event stream's URI */
    URI events() {
        return base.resolve("api/events");
    }

    /** @return the registry, to change statuses through */
    DynamicRegistry registry() {
        return registry;
    }

    /** @return when the registry's status listeners heard of each change, ahead of registry-web's */
    StatusClock clock() {
        return clock;
    }

    private static void awaitActive(DynamicRegistry registry, Collection<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> pending = new ArrayList<>(ids);
        while (true) {
            pending.removeIf(id -> registry.findComponent(id)
                    .map(RegistryEntry::status)
                    .filter(s -> s == ComponentStatus.ACTIVE)
                    .isPresent());
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        pending.size() + " components not ACTIVE within " + TIMEOUT + ", e.g. " + pending.get(0));
            }
            Thread.sleep(20);
        }
    }

    /** Stops the framework and deletes its storage. */
    @Override
    public void close() throws Exception {
        felix.close();
    }
}
