package io.happyos.registry.bench.web;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.bench.Latencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lag from a status change to its Server-Sent Event at a client: a client subscribes to
 * {@code GET /api/events}, then components are deactivated and activated in turn through the registry
 * API, one change at a steady pace, each awaited before the next. Two clocks per change, both
 * {@link System#nanoTime()} in this JVM, to the moment the client has read the event's last line: from
 * the status change itself, as the registry's status listeners hear of it ({@link StatusClock}, called
 * before registry-web's), and from just before the {@code activateComponent} /
 * {@code deactivateComponent} call, which includes the registry stopping or starting the bundle.
 */
final class StatusChangeLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The figures.
     *
     * @param fromChange from the status listener to the event, per change
     * @param fromCall from just before the call to the event, per change
     * @param changes the changes measured
     * @param otherEvents events read that were not the ones awaited (other components' or statuses)
     */
    record Result(Latencies fromChange, Latencies fromCall, int changes, int otherEvents) {}

    private StatusChangeLag() {}

    /**
     * Runs the measurement.
     *
     * @param registry the registry to change statuses through
     * @param clock the registry's clock of status changes
     * @param client the client that subscribes
     * @param events the event stream's URI
     * @param ids the components changed, in turn; each ACTIVE at the start and without dependents, so
     *     that a change is one event
     * @param warmups changes not measured, first
     * @param changes changes measured
     * @param pace the time from one change's start to the next's (longer when a change takes longer)
     * @return the lags
     * @throws Exception when an event does not come within 10 s or a change fails
     */
    static Result run(
            DynamicRegistry registry,
            StatusClock clock,
            HttpClient client,
            URI events,
            List<String> ids,
            int warmups,
            int changes,
            Duration pace)
            throws Exception {
        BlockingQueue<StatusEvent> arrivals = new LinkedBlockingQueue<>();
        Map<String, ComponentStatus> current = new HashMap<>();
        for (String id : ids) {
            current.put(id, registry.getComponent(id).status());
        }
        Latencies fromChange = new Latencies();
        Latencies fromCall = new Latencies();
        int others = 0;
        try (EventStream stream = EventStream.open(
                client,
                events,
                null,
                e -> {
                    if (e.type().equals("status")) {
                        arrivals.add(StatusEvent.of(e));
                    }
                },
                TIMEOUT)) {
            for (int i = 0; i < warmups + changes; i++) {
                String id = ids.get(i % ids.size());
                ComponentStatus target =
                        current.get(id) == ComponentStatus.ACTIVE ? ComponentStatus.INACTIVE : ComponentStatus.ACTIVE;
                clock.forget(id, target);
                long start = System.nanoTime();
                CompletionStage<?> done = target == ComponentStatus.ACTIVE
                        ? registry.activateComponent(id)
                        : registry.deactivateComponent(id);
                StatusEvent event;
                while (true) {
                    event = arrivals.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (event == null) {
                        throw new TimeoutException("no status event " + id + " → " + target + " within " + TIMEOUT
                                + stream.failure()
                                        .map(f -> "; the stream ended: " + f)
                                        .orElse(""));
                    }
                    if (event.id().equals(id) && event.to().equals(target.name())) {
                        break;
                    }
                    others++;
                }
                Object result = done.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (Boolean.FALSE.equals(result)) {
                    throw new IllegalStateException("the registry did not activate " + id);
                }
                long changed = clock.await(id, target, TIMEOUT);
                if (i >= warmups) {
                    fromCall.add(event.arrivedNanos() - start);
                    fromChange.add(event.arrivedNanos() - changed);
                }
                current.put(id, target);
                long next = start + pace.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
        return new Result(fromChange, fromCall, changes, others);
    }
}
