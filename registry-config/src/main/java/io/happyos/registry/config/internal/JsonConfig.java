package io.happyos.registry.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code .config} file: one JSON object whose fields are the configuration's properties, typed as
 * the OSGi Configurator types them. A key may end with {@code :TYPE} ({@code "port:Integer": 8080},
 * {@code "hosts:String[]": ["a", "b"]}, {@code "ids:Collection<Long>": [1, 2]}; see
 * {@link ConfigValues#TYPES}); without one, a JSON string gives a String, a whole number a Long,
 * another number a Double, true/false a Boolean, and an array an array of the one kind its elements
 * are (String[], Long[], Double[] when a number has a fraction, Boolean[]; an empty array is a
 * String[]). Comments ({@code //} and {@code /* *}{@code /}) are allowed. Null values, nested
 * objects and arrays of mixed kinds are errors. Written back as JSON, keys sorted, with a type
 * suffix wherever the JSON form alone would not give the same type back.
 */
final class JsonConfig {

    private static final JsonFactory FACTORY =
            new JsonFactoryBuilder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private JsonConfig() {}

    /**
     * Reads a {@code .config} text.
     *
     * @param text the file's text
     * @return the properties, in the file's order
     * @throws ConfigSyntaxException naming the line of the first error and its fix
     */
    static Map<String, Object> parse(String text) throws ConfigSyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ConfigSyntaxException(
                        line(parser),
                        "the file is not one JSON object",
                        "write the properties as {\"key\": value, ...}");
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = line(parser);
                Object raw = value(parser, parser.nextToken(), field);
                int colon = field.indexOf(':');
                String key = colon < 0 ? field : field.substring(0, colon);
                if (key.isEmpty()) {
                    throw new ConfigSyntaxException(
                            line, "\"" + field + "\" has no key", "write a key name before the colon");
                }
                Object value =
                        colon < 0 ? untyped(raw, field, line) : typed(raw, field.substring(colon + 1), field, line);
                if (properties.put(key, value) != null) {
                    throw new ConfigSyntaxException(line, "the key " + key + " is given twice", "keep one of them");
                }
            }
            if (parser.nextToken() != null) {
                throw new ConfigSyntaxException(
                        line(parser), "more text after the JSON object", "put every property inside the one object");
            }
            return properties;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigSyntaxException(
                    line,
                    "malformed JSON: " + e.getOriginalMessage(),
                    "correct the JSON (a missing comma or quote is the usual cause)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentLocation().getLineNr();
    }

    private static Object value(JsonParser parser, JsonToken token, String field)
            throws IOException, ConfigSyntaxException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case START_ARRAY:
                List<Object> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    Object item = value(parser, next, field);
                    if (item instanceof List<?>) {
                        throw new ConfigSyntaxException(
                                line(parser),
                                "\"" + field + "\" holds an array in an array",
                                "configuration values are flat: use one array");
                    }
                    items.add(item);
                }
                return items;
            case VALUE_NULL:
                throw new ConfigSyntaxException(
                        line(parser), "\"" + field + "\" is null", "give it a value, or remove the key");
            default:
                throw new ConfigSyntaxException(
                        line(parser),
                        "\"" + field + "\" holds a JSON object",
                        "configuration values are strings, numbers, booleans or arrays of them;"
                                + " put nested data in a String");
        }
    }

    private static Object typed(Object raw, String type, String field, int line) throws ConfigSyntaxException {
        if (!ConfigValues.isType(type.strip())) {
            throw new ConfigSyntaxException(
                    line, "\"" + field + "\" names the unknown type " + type, "use " + ConfigValues.TYPES);
        }
        try {
            return ConfigValues.convert(raw, type.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigSyntaxException(
                    line, "\"" + field + "\": " + e.getMessage(), "give a value of that type, or change the type");
        }
    }

    private static Object untyped(Object raw, String field, int line) throws ConfigSyntaxException {
        if (!(raw instanceof List<?> items)) {
            return raw;
        }
        if (items.isEmpty() || items.stream().allMatch(String.class::isInstance)) {
            return items.toArray(new String[0]);
        }
        if (items.stream().allMatch(Long.class::isInstance)) {
            return items.toArray(new Long[0]);
        }
        if (items.stream().allMatch(Number.class::isInstance)) {
            return items.stream().map(n -> ((Number) n).doubleValue()).toArray(Double[]::new);
        }
        if (items.stream().allMatch(Boolean.class::isInstance)) {
            return items.toArray(new Boolean[0]);
        }
        throw new ConfigSyntaxException(
                line,
                "\"" + field + "\" mixes kinds of values in one array",
                "use one kind, or give the type, e.g. \"" + field + ":String[]\"");
    }

    /**
     * Writes properties as a {@code .config} text: keys sorted, two-space indent, a type suffix
     * where needed (see the class comment), a final newline.
     *
     * @param properties the configuration's properties
     * @return the text
     */
    static String write(Map<String, Object> properties) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(pretty);
            json.writeStartObject();
            for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
                Object value = property.getValue();
                String type = ConfigValues.typeName(value);
                json.writeFieldName(type == null ? property.getKey() : property.getKey() + ":" + type);
                List<Object> items = ConfigValues.items(value);
                if (items == null) {
                    scalar(json, value);
                } else {
                    json.writeStartArray();
                    for (Object item : items) {
                        scalar(json, item);
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Writes a scalar value as the JSON type that gives it back (a Float or Double as a number with a point). */
    static void scalar(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Float f) {
            json.writeNumber(f);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Number n) {
            json.writeNumber(n.longValue());
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
