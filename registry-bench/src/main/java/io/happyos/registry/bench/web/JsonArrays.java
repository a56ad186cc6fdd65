package io.happyos.registry.bench.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Counts the entries of a JSON answer, to check once that both sides list every bundle. */
final class JsonArrays {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonArrays() {}

    /**
     * @param json a JSON array
     * @return how many elements it has
     * @throws IllegalArgumentException when it is not an array
     */
    static int length(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not a JSON array: " + excerpt(json));
            }
            return elements(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json a JSON object
     * @param field the name of one of its top-level fields, an array
     * @return how many elements that array has
     * @throws IllegalArgumentException when there is no such array
     */
    static int length(String json, String field) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + excerpt(json));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(field);
                if (parser.nextToken() == JsonToken.START_ARRAY && wanted) {
                    return elements(parser);
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("no array \"" + field + "\" in " + excerpt(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int elements(JsonParser parser) throws IOException {
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }

    private static String excerpt(String json) {
        return json.substring(0, Math.min(200, json.length()));
    }
}
