package io.happyos.registry.web.internal;

import io.happyos.registry.StatusChange;
import io.happyos.registry.text.JsonOutput;
import io.happyos.registry.text.RegistryJson;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code GET /api/events}: the registry's status changes as Server-Sent Events, the stream
 * {@code registry:events --follow --json} prints: {@code id} is the change's sequence number,
 * {@code event: status}, {@code data} the change as JSON. A client that reconnects with
 * {@code Last-Event-ID} gets the changes it missed first (as far as the registry keeps them; an
 * {@code event: reset} tells it when some are gone and it should read everything again). A comment
 * every 15 seconds keeps proxies from closing a quiet stream.
 */
final class EventStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final transient Supplier<EventHub> hub;

    EventStreamServlet(Supplier<EventHub> hub) {
        this.hub = hub;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventHub events = hub.get();
        if (events == null) {
            Responses.problem(response, HttpProblem.registryUnavailable());
            return;
        }
        long after;
        try {
            after = lastEventId(request);
        } catch (HttpProblem problem) {
            Responses.problem(response, problem);
            return;
        }
        EventHub.Subscriber subscriber = events.subscribe();
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=utf-8");
            response.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = response.getOutputStream();
            write(out, "retry: 2000\n\n");
            long sent = after;
            if (after > events.newest()) {
                // an id from an earlier run of the container: its numbers started again
                write(
                        out,
                        "event: reset\ndata: {\"reason\":\"event " + after + " is from an earlier run of the "
                                + "container: read the components again\"}\n\n");
                sent = -1;
            } else if (after >= 0) {
                if (events.lost(after)) {
                    write(
                            out,
                            "event: reset\ndata: {\"reason\":\"changes after " + after
                                    + " are no longer kept: read the components again\"}\n\n");
                }
                for (StatusChange change : events.since(after)) {
                    send(out, change);
                    sent = change.sequence();
                }
            } else {
                write(out, ": connected\n\n");
            }
            while (true) {
                StatusChange change = subscriber.next(KEEP_ALIVE);
                if (change == EventHub.END) {
                    return;
                }
                if (change == null) {
                    write(out, ": keep-alive\n\n");
                } else if (change.sequence() > sent) {
                    send(out, change);
                    sent = change.sequence();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // the client closed the stream
        } finally {
            events.unsubscribe(subscriber);
        }
    }

    private static long lastEventId(HttpServletRequest request) {
        String text = request.getHeader("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = request.getParameter("after");
        }
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new HttpProblem(
                HttpProblem.BAD_REQUEST, "Last-Event-ID must be an event's id (a whole number), not '" + text + "'");
    }

    private static void send(ServletOutputStream out, StatusChange change) throws IOException {
        write(
                out,
                "id: " + change.sequence() + "\nevent: status\ndata: "
                        + JsonOutput.text(RegistryJson.statusChange(change)) + "\n\n");
    }

    private static void write(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
