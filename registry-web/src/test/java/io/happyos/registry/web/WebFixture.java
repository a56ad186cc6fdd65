package io.happyos.registry.web;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A container with the registry, Felix HTTP Jetty and the web bundle built by this module
 * ({@code it.web.bundle}), serving on 127.0.0.1 on a free port, with a bundles folder.
 */
final class WebFixture implements AutoCloseable {

    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";

    final EmbeddedFelix felix;
    final DynamicRegistry registry;
    final Path bundles;
    final URI base;
    final Bundle webBundle;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebFixture(EmbeddedFelix felix, Path bundles, Bundle webBundle) throws Exception {
        this.felix = felix;
        this.bundles = bundles;
        this.webBundle = webBundle;
        this.registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
        this.base = endpoint(felix);
    }

    static WebFixture start() throws Exception {
        return start(Map.of());
    }

    static WebFixture start(Map<String, String> more) throws Exception {
        Path storage = Files.createTempDirectory("happyos-web-");
        Path bundles = Files.createDirectories(storage.resolve("bundles"));
        Map<String, String> props = new HashMap<>();
        props.put("happyos.http", "127.0.0.1:0");
        props.put("org.osgi.service.http.port", "0");
        props.put("org.apache.felix.http.host", "127.0.0.1");
        props.put("happyos.bundles.dir", bundles.toString());
        props.put("happyos.bundles.watch", "true");
        props.putAll(more);
        EmbeddedFelix felix = EmbeddedFelix.start(storage, props);
        try {
            felix.withRegistry();
            felix.installRuntime(EmbeddedFelix.itBundle("org.apache.felix.http.servlet-api.jar"))
                    .start();
            felix.installRuntime(EmbeddedFelix.itBundle("org.apache.felix.http.jetty.jar"))
                    .start();
            Bundle web = felix.installRuntime(Paths.get(System.getProperty("it.web.bundle")));
            web.start();
            return new WebFixture(felix, bundles, web);
        } catch (Exception | AssertionError e) {
            felix.close();
            throw e;
        }
    }

    /** The base URI Jetty serves on, from the servlet runtime's {@code osgi.http.endpoint}. */
    static URI endpoint(EmbeddedFelix felix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = felix.context().getAllServiceReferences(RUNTIME, null);
            if (refs != null) {
                Object endpoint = refs[0].getProperty("osgi.http.endpoint");
                String first = endpoint instanceof String[] many ? many[0] : String.valueOf(endpoint);
                if (first != null && !first.contains(":0/") && !first.equals("null")) {
                    return URI.create(first.endsWith("/") ? first : first + "/");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Felix HTTP Jetty published no endpoint within 30 s");
    }

    String token() throws IOException {
        return Files.readString(felix.storage().resolve("http.token"), StandardCharsets.UTF_8)
                .strip();
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    @Override
    public void close() throws Exception {
        felix.close();
    }
}
