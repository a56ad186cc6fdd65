package io.happyos.registry.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A client's subscription to a Server-Sent Events URI: one GET kept open, its body split into lines by
 * the JDK client as they arrive, each event handed to a consumer (on the client's thread) with the time
 * its last line was read. Closing it cancels the body, which closes the connection.
 */
final class EventStream implements AutoCloseable {

    private final LineSink sink;
    private final CompletableFuture<?> ended;

    private EventStream(LineSink sink, CompletableFuture<?> ended) {
        this.sink = sink;
        this.ended = ended;
    }

    /**
     * Subscribes: returns once the server has answered 200 with {@code text/event-stream}.
     *
     * @param client the client
     * @param uri the stream's URI
     * @param lastEventId sent as {@code Last-Event-ID} to resume after it, or {@code null}
     * @param consumer takes each event, on a thread of the client's
     * @param timeout how long to wait for the answer
     * @return the open stream
     * @throws IOException when the request fails
     * @throws IllegalStateException when the answer is not a 200 event stream, with its status and body
     */
    static EventStream open(
            HttpClient client, URI uri, String lastEventId, Consumer<ServerSentEvent> consumer, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        LineSink sink = new LineSink(consumer);
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(request.build(), info -> {
            boolean stream = info.statusCode() == 200
                    && info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            accepted.complete(stream);
            return stream
                    ? HttpResponse.BodySubscribers.fromLineSubscriber(sink, s -> "", StandardCharsets.UTF_8, null)
                    : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        try {
            if (!accepted.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                HttpResponse<String> refused = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String body = refused.body();
                throw new IllegalStateException(uri + " answered " + refused.statusCode() + " "
                        + refused.headers().firstValue("Content-Type").orElse("") + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
        } catch (ExecutionException e) {
            throw new IOException("subscribing to " + uri + " failed", e.getCause());
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new IOException(uri + " did not answer within " + timeout, e);
        }
        CompletableFuture<?> ended = response.whenComplete((r, error) -> sink.ended(error));
        return new EventStream(sink, ended);
    }

    /** @return why the stream ended before it was closed, if it did */
    Optional<Throwable> failure() {
        return Optional.ofNullable(sink.failure.get());
    }

    /** Cancels the body, which closes the connection. */
    @Override
    public void close() {
        sink.cancel();
        ended.cancel(false);
    }

    /** Receives the lines of the body and parses them. */
    private static final class LineSink implements Flow.Subscriber<String> {

        private final EventStreamParser parser = new EventStreamParser();
        private final Consumer<ServerSentEvent> consumer;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
        private volatile boolean cancelled;

        LineSink(Consumer<ServerSentEvent> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
            // closed before the body started: cancel() found no subscription to cancel
            if (cancelled) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            // the JDK calls onNext serially, so the parser sees one line at a time
            parser.line(line, System.nanoTime()).ifPresent(consumer);
        }

        @Override
        public void onError(Throwable error) {
            ended(error);
        }

        @Override
        public void onComplete() {
            ended(null);
        }

        void ended(Throwable error) {
            if (!cancelled) {
                failure.compareAndSet(null, error != null ? error : new IOException("the server ended the stream"));
            }
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription.getNow(null);
            if (s != null) {
                s.cancel();
            }
        }
    }
}
