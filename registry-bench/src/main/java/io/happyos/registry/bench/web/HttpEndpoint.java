package io.happyos.registry.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Where Felix HTTP Jetty serves in a framework: the {@code osgi.http.endpoint} property of its
 * Jakarta {@code HttpServiceRuntime} service, which carries the port Jetty bound (the frameworks here
 * ask for port 0). Read by name, so that the bench needs none of the whiteboard's classes.
 */
final class HttpEndpoint {

    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";

    private HttpEndpoint() {}

    /**
     * The framework properties that make Felix HTTP Jetty serve on a free port of 127.0.0.1. Jetty
     * reads the address from {@code org.apache.felix.http.host} (its {@code JettyConfig.FELIX_HOST});
     * without it, it binds every interface.
     *
     * @return the properties
     */
    static Map<String, String> loopbackAnyPort() {
        return Map.of("org.osgi.service.http.port", "0", "org.apache.felix.http.host", "127.0.0.1");
    }

    /**
     * Waits for Jetty's runtime service to name an endpoint with a port.
     *
     * @param context a bundle context of the framework
     * @param timeout how long to wait
     * @return the base URI, e.g. {@code http://127.0.0.1:41234/}
     * @throws IllegalStateException when no endpoint appears in time
     */
    static URI await(BundleContext context, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = Map.of();
        while (System.nanoTime() < deadline) {
            for (ServiceReference<?> ref : references(context)) {
                last = properties(ref);
                for (String endpoint : strings(ref.getProperty(ENDPOINT))) {
                    URI uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
                    if (uri.getPort() > 0) {
                        return uri;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + RUNTIME + " with a port within " + timeout + "; last seen: " + last);
    }

    /**
     * Waits until a GET of the URI answers 200, as a servlet registered through the whiteboard is
     * served a moment after its service appears.
     *
     * @param client the client
     * @param request the request
     * @param timeout how long to wait
     * @return the first 200 answer's body
     * @throws IllegalStateException with the last status and body when it does not come
     */
    static String awaitOk(HttpClient client, HttpRequest request, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                String body = response.body();
                last = response.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(request.uri() + " did not answer 200 within " + timeout + ": " + last);
    }

    private static ServiceReference<?>[] references(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(RUNTIME, null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> map = new TreeMap<>();
        for (String key : ref.getPropertyKeys()) {
            Object value = ref.getProperty(key);
            map.put(key, value instanceof String[] array ? List.of(array) : value);
        }
        return map;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
