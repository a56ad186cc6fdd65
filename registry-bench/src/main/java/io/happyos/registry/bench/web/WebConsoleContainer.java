package io.happyos.registry.bench.web;

import io.happyos.registry.testing.EmbeddedFelix;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;

/**
 * The anchor: a plain Felix with Felix HTTP Jetty and the Apache Felix Web Console, and the generated
 * bundles installed and started. The Web Console's manifest imports, besides the servlet API and the
 * whiteboard (both from Jetty's bundles), {@code org.apache.felix.inventory} (which imports the Log
 * Service API, {@code org.osgi.service.log}), {@code org.owasp.encoder} and {@code org.slf4j} at
 * {@code [1.7,2)}, which the system bundle exports from slf4j-api's own 1.7 compatibility clauses. Its credentials are set through its framework properties.
 */
final class WebConsoleContainer implements AutoCloseable {

    /** The console's bundles, by file name in the bench-bundles folder, in start order. */
    static final List<String> BUNDLES = List.of(
            "org.apache.felix.http.servlet-api.jar",
            "org.apache.felix.http.jetty.jar",
            "org.osgi.service.log.jar",
            "org.apache.felix.inventory.jar",
            "encoder.jar",
            "org.apache.felix.webconsole.jar");

    private static final String USER = "admin";
    private static final String PASSWORD = "bench-admin";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern SLF4J_17 = Pattern.compile("(org\\.slf4j[\\w.]*);version=\"(1\\.7\\.[0-9]+)\"");

    private final EmbeddedFelix felix;
    private final URI base;

    private WebConsoleContainer(EmbeddedFelix felix, URI base) {
        this.felix = felix;
        this.base = base;
    }

    /**
     * Starts the framework, the console and the bundles, and waits until {@link #bundlesJson()} answers.
     *
     * @param benchBundles the folder of bench bundles
     * @param generated the generated bundles, in a dependency order
     * @param client a client to probe the console with
     * @return the started container
     * @throws Exception when a bundle does not start or the console does not answer
     */
    static WebConsoleContainer start(Path benchBundles, List<Path> generated, HttpClient client) throws Exception {
        Map<String, String> properties = new HashMap<>(HttpEndpoint.loopbackAnyPort());
        properties.put(
                "org.osgi.framework.system.packages.extra",
                EmbeddedFelix.systemPackagesExtra() + "," + slf4jCompatibilityExports());
        properties.put("felix.webconsole.username", USER);
        properties.put("felix.webconsole.password", PASSWORD);
        EmbeddedFelix felix = EmbeddedFelix.start(properties);
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : BUNDLES) {
                bundles.add(felix.install(benchBundles.resolve(jar)));
            }
            for (Path jar : generated) {
                bundles.add(felix.install(jar));
            }
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            URI base = HttpEndpoint.await(felix.context(), TIMEOUT);
            WebConsoleContainer container = new WebConsoleContainer(felix, base);
            HttpEndpoint.awaitOk(client, container.bundlesJson(), TIMEOUT);
            return container;
        } catch (Exception | Error e) {
            felix.close();
            throw e;
        }
    }

    /** @return the request measured: the bundle list as the console's Bundles page loads it */
    HttpRequest bundlesJson() {
        String credentials =
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve("system/console/bundles.json"))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
    }

    /**
     * The clauses at which slf4j-api 2 also exports its packages for 1.7 importers, read from its
     * manifest: {@code org.slf4j;version=1.7.36,org.slf4j.helpers;version=1.7.36}.
     */
    private static String slf4jCompatibilityExports() throws IOException, URISyntaxException {
        Path jar = Path.of(
                Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(jar);
                JarInputStream stream = new JarInputStream(in)) {
            Manifest manifest = stream.getManifest();
            String exports =
                    manifest == null ? "" : manifest.getMainAttributes().getValue("Export-Package");
            List<String> clauses = new ArrayList<>();
            Matcher m = SLF4J_17.matcher(exports == null ? "" : exports);
            while (m.find()) {
                clauses.add(m.group(1) + ";version=" + m.group(2));
            }
            if (clauses.isEmpty()) {
                throw new IllegalStateException(jar + " exports no org.slf4j at 1.7, which the Web Console imports");
            }
            return String.join(",", clauses);
        }
    }

    /** Stops the framework and deletes its storage. */
    @Override
    public void close() throws Exception {
        felix.close();
    }
}
