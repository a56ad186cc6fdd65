package io.happyos.registry.bench.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code data} of a {@code status} event of {@code GET /api/events}:
 * {@code {"sequence","id","from","to","at"}}; only what the lag measurement matches on is kept.
 *
 * @param sequence the event's sequence number
 * @param id the component's id
 * @param to the status it changed to
 * @param arrivedNanos when the event was read by the client
 */
record StatusEvent(long sequence, String id, String to, long arrivedNanos) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Reads a status event.
     *
     * @param event the server-sent event, of type {@code status}
     * @return the status event
     * @throws IllegalArgumentException when its data is not a status object
     */
    static StatusEvent of(ServerSentEvent event) {
        long sequence = -1;
        String id = null;
        String to = null;
        try (JsonParser json = JSON.createParser(event.data())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + event.data());
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "sequence" -> sequence = json.getValueAsLong(-1);
                    case "id" -> id = json.getValueAsString();
                    case "to" -> to = json.getValueAsString();
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading status event " + event.data(), e);
        }
        if (id == null || to == null) {
            throw new IllegalArgumentException("a status event without id or to: " + event.data());
        }
        return new StatusEvent(sequence, id, to, event.arrivedNanos());
    }
}
