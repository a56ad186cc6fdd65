package io.happyos.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream and its resume, uploads, the graph's formats, a cycle refused, and health in trouble. */
class WebBehaviourIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static WebFixture web;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start();
        TestBundle.builder("lower").exportPackage("lower.api").writeToFolder(web.bundles);
        TestBundle.builder("upper").importPackage("lower.api").writeToFolder(web.bundles);
        await().atMost(Duration.ofSeconds(30)).until(() -> active("upper"));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    static boolean active(String id) {
        return web.registry
                .findComponent(id)
                .map(e -> e.status() == ComponentStatus.ACTIVE)
                .orElse(false);
    }

    /** Reads an event stream on a thread of its own: each event's id and data, as they come. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        final InputStream body;
        final Thread reader;

        Stream(String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(web.uri("/api/events"));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response =
                    web.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            body = response.body();
            reader = new Thread(this::read, "test-sse");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new String[] {id, event, line.substring(6)});
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        String[] next() throws InterruptedException {
            String[] e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void statusChangesArriveAsTheyHappenAndAReconnectResumesAfterLastEventId() throws Exception {
        String seen;
        try (Stream stream = new Stream(null)) {
            web.registry.deactivateComponent("upper").toCompletableFuture().get(30, TimeUnit.SECONDS);
            String[] event = stream.next();
            while (!event[2].contains("\"id\":\"upper\"")) {
                event = stream.next();
            }
            assertThat(event[1]).isEqualTo("status");
            JsonNode data = JSON.readTree(event[2]);
            assertThat(data.get("to").asText()).isEqualTo("INACTIVE");
            assertThat(data.get("sequence").asText()).isEqualTo(event[0]);
            seen = event[0];
        }
        // missed while disconnected
        web.registry.activateComponent("upper").toCompletableFuture().get(30, TimeUnit.SECONDS);
        try (Stream resumed = new Stream(seen)) {
            String[] first = resumed.next();
            assertThat(Long.parseLong(first[0])).isGreaterThan(Long.parseLong(seen));
            List<String> data = new ArrayList<>();
            data.add(first[2]);
            while (data.stream().noneMatch(d -> d.contains("\"id\":\"upper\"") && d.contains("\"to\":\"ACTIVE\""))) {
                data.add(resumed.next()[2]);
            }
        }
        // an id from an earlier run of the container (its numbers started again): read everything again
        try (Stream earlier = new Stream("999999999")) {
            String[] reset = earlier.next();
            assertThat(reset[1]).isEqualTo("reset");
            web.registry.deactivateComponent("upper").toCompletableFuture().get(30, TimeUnit.SECONDS);
            String[] next = earlier.next();
            while (!next[2].contains("\"id\":\"upper\"")) {
                next = earlier.next();
            }
            assertThat(next[2]).contains("\"to\":\"INACTIVE\"");
            web.registry.activateComponent("upper").toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        assertThat(web.send(HttpRequest.newBuilder(web.uri("/api/events")).header("Last-Event-ID", "yesterday"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anUploadedBundleIsInstalledThroughTheFolderAndAudited() throws Exception {
        byte[] jar = TestBundle.builder("uploaded").build();
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/bundles/uploaded-1.0.0.jar"))
                .header("Authorization", "Bearer " + web.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jar)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode entry = JSON.readTree(r.body());
        assertThat(entry.get("id").asText()).isEqualTo("uploaded");
        assertThat(entry.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(web.bundles.resolve("uploaded-1.0.0.jar")).exists();
        assertThat(web.registry.diagnostics().getAuditLog(AuditQuery.latest())).anySatisfy(a -> {
            assertThat(a.operation()).isEqualTo("upload");
            assertThat(a.actor()).isEqualTo("http:127.0.0.1");
        });
    }

    @Test
    void anUploadTheFolderQuarantinesIs422WithItsReasonAndOneThatWaitsSaysWhy() throws Exception {
        // the same symbolic name and version as a bundle already in the folder: the folder refuses it
        HttpResponse<String> duplicate = web.send(HttpRequest.newBuilder(web.uri("/api/bundles/lower-copy.jar"))
                .header("Authorization", "Bearer " + web.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        TestBundle.builder("lower").exportPackage("lower.api").build())));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(422);
        assertThat(JSON.readTree(duplicate.body()).get("error").asText())
                .startsWith("lower-copy.jar was quarantined: ");
        assertThat(web.bundles.resolve("lower-copy.jar")).doesNotExist();
        assertThat(active("lower")).isTrue();
        // counted once (the audit record is written just after the reason), however often it is scraped
        await().atMost(Duration.ofSeconds(10)).until(() -> quarantines() >= 1.0);
        double first = quarantines();
        assertThat(quarantines()).isEqualTo(first);

        long started = System.nanoTime();
        HttpResponse<String> waiting = web.send(HttpRequest.newBuilder(web.uri("/api/bundles/needy.jar"))
                .header("Authorization", "Bearer " + web.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        TestBundle.builder("needy").importPackage("nowhere.api").build())));
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        JsonNode entry = JSON.readTree(waiting.body());
        assertThat(entry.get("status").asText()).isNotEqualTo("ACTIVE");
        assertThat(entry.get("why").asText()).isNotBlank();
    }

    private static double quarantines() throws Exception {
        // a meter whose state only Micrometer (weakly) holds would read NaN after a collection
        System.gc();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^happyos_quarantines_total (\\S+)$")
                .matcher(web.get("/metrics").body());
        assertThat(m.find()).as("happyos_quarantines_total in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aDependencyThatWouldCloseACycleIs409AndAnUnknownOneIs404() throws Exception {
        HttpResponse<String> cycle = web.send(HttpRequest.newBuilder(web.uri("/api/components/lower/dependencies"))
                .header("Authorization", "Bearer " + web.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dependency\":\"upper\"}")));
        assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(409);
        assertThat(JSON.readTree(cycle.body()).get("error").asText())
                .contains("circular dependency lower -> upper -> lower");
        assertThat(web.registry.dependencies().getDependencies("lower")).doesNotContain("upper");
        HttpResponse<String> unknown = web.send(HttpRequest.newBuilder(web.uri("/api/components/lower/dependencies"))
                .header("Authorization", "Bearer " + web.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"dependency\":\"nobody\"}")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> bad = web.send(HttpRequest.newBuilder(web.uri("/api/components/lower/dependencies"))
                .header("Authorization", "Bearer " + web.token())
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void theGraphInEachFormatAndTheOrder() throws Exception {
        JsonNode graph = JSON.readTree(web.get("/api/graph?format=json").body());
        assertThat(graph.get("nodes").findValuesAsText("id")).contains("lower", "upper");
        assertThat(graph.get("edges").toString()).contains("\"from\":\"upper\"", "\"to\":\"lower\"");
        assertThat(web.get("/api/graph?format=dot").body()).contains("digraph");
        assertThat(web.get("/api/graph?format=mermaid").body()).contains("upper");
        assertThat(web.get("/api/graph?format=png").statusCode()).isEqualTo(400);
        List<String> order = new ArrayList<>();
        JSON.readTree(web.get("/api/order").body()).forEach(n -> order.add(n.asText()));
        assertThat(order.indexOf("lower")).isLessThan(order.indexOf("upper"));
        JsonNode why = JSON.readTree(web.get("/api/components/upper/why").body());
        assertThat(why.has("roots")).isTrue();
        assertThat(JSON.readTree(web.get("/api/components/lower/tree?direction=dependents")
                                .body())
                        .toString())
                .contains("upper");
    }

    @Test
    void healthIs503WithTheReasonWhileAComponentIsInError() throws Exception {
        assertThat(web.get("/health").statusCode()).isEqualTo(200);
        TestBundle.builder("broken").activator(FailingActivator.class).writeToFolder(web.bundles);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> web.registry
                        .findComponent("broken")
                        .map(e -> e.status() == ComponentStatus.ERROR)
                        .orElse(false));
        HttpResponse<String> health = web.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("reasons").toString()).contains("\"id\":\"broken\"");
        assertThat(web.get("/metrics").body()).contains("happyos_components{status=\"ERROR\"} 1.0");
        java.nio.file.Files.delete(web.bundles.resolve(java.nio.file.Files.list(web.bundles)
                .filter(p -> p.getFileName().toString().startsWith("broken"))
                .findFirst()
                .orElseThrow()
                .getFileName()));
        await().atMost(Duration.ofSeconds(30)).until(() -> web.get("/health").statusCode() == 200);
    }
}
