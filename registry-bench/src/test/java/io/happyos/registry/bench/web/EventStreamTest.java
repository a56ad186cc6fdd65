package io.happyos.registry.bench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE client against a stub server (the JDK's) that streams events as the contract describes them. */
class EventStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CountDownLatch firstSeen = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final BlockingQueue<String> lastEventIds = new LinkedBlockingQueue<>();
    private HttpServer server;
    private URI base;
    private final HttpClient client = ClosedLoopLoad.newClient();

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/events", this::events);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    /** Streams one event, waits until the client has it, then a second one with CRLF line ends, then holds on. */
    private void events(HttpExchange exchange) throws IOException {
        lastEventIds.add(exchange.getRequestHeaders().getFirst("Last-Event-ID") + "");
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, ": connected\n\n");
            write(
                    out,
                    "id: 5\nevent: status\ndata: {\"sequence\":5,\"id\":\"a\",\"from\":\"ACTIVE\",\"to\":\"INACTIVE\"}\n\n");
            if (!firstSeen.await(10, TimeUnit.SECONDS)) {
                return;
            }
            write(
                    out,
                    "id: 6\r\nevent: status\r\ndata: {\"sequence\":6,\"id\":\"a\",\"from\":\"INACTIVE\",\"to\":\"ACTIVE\"}\r\n\r\n");
            clientGone.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client closed the stream
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void eventsArriveAsTheyAreWrittenNotWhenTheResponseEnds() throws Exception {
        BlockingQueue<StatusEvent> events = new LinkedBlockingQueue<>();
        try (EventStream stream = EventStream.open(
                client, base.resolve("api/events"), "4", e -> events.add(StatusEvent.of(e)), TIMEOUT)) {
            StatusEvent first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.sequence()).isEqualTo(5);
            assertThat(first.to()).isEqualTo("INACTIVE");
            long before = System.nanoTime();
            firstSeen.countDown();

            StatusEvent second = events.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.sequence()).isEqualTo(6);
            assertThat(second.to()).isEqualTo("ACTIVE");
            assertThat(second.arrivedNanos()).isGreaterThan(before);
            assertThat(stream.failure()).isEmpty();
        } finally {
            clientGone.countDown();
        }
        assertThat(lastEventIds.poll()).isEqualTo("4");
    }

    @Test
    void anAnswerThatIsNotAnEventStreamIsRefusedWithItsStatus() {
        assertThatThrownBy(() -> EventStream.open(client, base.resolve("api/missing"), null, e -> {}, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("404");
    }

    @Test
    void aStreamTheServerEndsIsReported() throws Exception {
        firstSeen.countDown();
        clientGone.countDown();
        try (EventStream stream = EventStream.open(client, base.resolve("api/events"), null, e -> {}, TIMEOUT)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (stream.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(stream.failure()).isPresent();
        }
    }
}
