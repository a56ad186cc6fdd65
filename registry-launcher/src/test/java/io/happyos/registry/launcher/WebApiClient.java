package io.happyos.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The container's HTTP API through the JDK's HttpClient, with the bearer token for changes. */
final class WebApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    WebApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * Reads a JSON document.
     *
     * @param path the path and query, from the root ({@code /api/components})
     * @return the document
     * @throws IOException when the answer is not 200
     */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * A header of the answer to a GET.
     *
     * @param path the path, from the root
     * @param name the header's name
     * @return its value, empty when absent
     */
    String header(String path, String name) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue(name).orElse("");
    }

    /** The status a component has now, as the API says. */
    String status(String id) throws IOException, InterruptedException {
        return get("/api/components/" + id).get("status").asText();
    }

    /**
     * POSTs a change with the token and no body.
     *
     * @param path the path, from the root ({@code /api/components/logger/deactivate})
     * @throws IOException when the answer is not 200
     */
    void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
