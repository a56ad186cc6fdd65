package io.happyos.registry.bench.web;

import io.happyos.registry.bench.Latencies;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: N clients, each a JDK {@link HttpClient} of its own (one HTTP/1.1 keep-alive
 * connection) on a thread of its own, send the same GET one after another, each as soon as the last
 * answer's body has been read to its end. The first {@code warmup} is not counted; of the window
 * after it, every request that started and ended inside it is: requests per second (completed
 * requests / window) and the latency of each, from sending to the body's last byte. Bodies are
 * counted, not kept, so that a large answer costs the client reading it and no copying.
 */
final class ClosedLoopLoad {

    /**
     * The figures of one window.
     *
     * @param requests requests completed inside the window
     * @param seconds the window's length
     * @param bodyBytes the size of the last body read
     * @param failures answers other than 200, and I/O errors, in the whole run
     * @param firstFailure the first of them, or ""
     */
    record Window(long requests, double seconds, long bodyBytes, long failures, String firstFailure) {

        /** @return requests per second */
        double throughput() {
            return requests / seconds;
        }
    }

    private ClosedLoopLoad() {}

    /**
     * Runs the load.
     *
     * @param request the request every client sends
     * @param clients how many clients at once
     * @param warmup the time not counted
     * @param window the time counted after it
     * @param latencies where each counted request's latency is added
     * @return the window's figures
     * @throws Exception when a client thread fails in a way other than a failed request
     */
    static Window run(HttpRequest request, int clients, Duration warmup, Duration window, Latencies latencies)
            throws Exception {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + window.toNanos();
        AtomicLong completed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastBytes = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(() -> {
                    HttpClient client = newClient();
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= windowEnd) {
                            return null;
                        }
                        try {
                            HttpResponse<Long> response = client.send(request, ClosedLoopLoad::countingBody);
                            long t1 = System.nanoTime();
                            if (response.statusCode() != 200) {
                                fail(failures, firstFailure, "HTTP " + response.statusCode());
                            } else if (t0 >= windowStart && t1 <= windowEnd) {
                                completed.incrementAndGet();
                                latencies.add(t1 - t0);
                                lastBytes.set(response.body());
                            }
                        } catch (IOException e) {
                            fail(failures, firstFailure, e.toString());
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return new Window(completed.get(), window.toNanos() / 1e9, lastBytes.get(), failures.get(), firstFailure.get());
    }

    /** @return a client as the load uses it: HTTP/1.1, a pooled keep-alive connection */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static void fail(AtomicLong failures, AtomicReference<String> first, String what) {
        if (failures.getAndIncrement() == 0) {
            first.set(what);
        }
    }

    /** Reads a body to its end, counting its bytes. */
    private static HttpResponse.BodySubscriber<Long> countingBody(HttpResponse.ResponseInfo info) {
        return HttpResponse.BodySubscribers.fromSubscriber(new ByteCounter(), ByteCounter::bytes);
    }

    /** A body subscriber that only counts. */
    private static final class ByteCounter implements Flow.Subscriber<List<ByteBuffer>> {

        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private long count;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                count += b.remaining();
            }
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(count);
        }

        long bytes() {
            return done.join();
        }
    }
}
