package io.happyos.registry.bench.web;

import java.util.Optional;

/**
 * Turns the lines of a {@code text/event-stream} into events, as the HTML standard's "interpreting an
 * event stream" says: {@code field: value} lines (one space after the colon dropped), a line starting
 * with a colon is a comment, a blank line dispatches the event (none when it had no data), the last
 * {@code id} carries over to the events after it. Not thread-safe: one reader feeds it.
 */
final class EventStreamParser {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type = "";
    private String lastId = "";

    /**
     * Feeds one line, without its line terminator.
     *
     * @param line the line
     * @param nanos when it was read ({@link System#nanoTime()})
     * @return the event this line completes, if it is the blank line after one
     */
    Optional<ServerSentEvent> line(String line, long nanos) {
        if (line.isEmpty()) {
            return dispatch(nanos);
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> type = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // "retry" and unknown fields: nothing a measuring client needs
            }
        }
        return Optional.empty();
    }

    private Optional<ServerSentEvent> dispatch(long nanos) {
        Optional<ServerSentEvent> event = hasData
                ? Optional.of(new ServerSentEvent(lastId, type.isEmpty() ? "message" : type, data.toString(), nanos))
                : Optional.empty();
        data.setLength(0);
        hasData = false;
        type = "";
        return event;
    }
}
