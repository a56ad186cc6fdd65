package io.happyos.registry.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into plain values: objects as {@link LinkedHashMap}s (in the text's order),
 * arrays as {@link ArrayList}s, strings, {@link Long}s or {@link Double}s, booleans and {@code null}.
 * The counterpart of {@link JsonOutput}, through Jackson's streaming parser. Thread-safe.
 */
public final class JsonInput {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonInput() {}

    /**
     * Parses one JSON value.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException when the text is not one well-formed JSON value
     */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON text");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value at " + parser.currentLocation());
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a JSON object.
     *
     * @param text the JSON text
     * @return its fields
     * @throws IllegalArgumentException when the text is not one JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        if (!(parse(text) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text));
        }
        return (Map<String, Object>) map;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException(
                        "unexpected JSON token " + token + " at " + parser.currentLocation());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
