package io.happyos.registry.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The one way the registry writes JSON: Jackson's streaming {@link JsonGenerator}, set up once.
 *
 * <p>The text is compact (no white space), RFC 8259, and also valid JavaScript: besides what RFC 8259
 * requires, U+007F, U+2028 and U+2029 are written as {@code \}{@code u} escapes, and so is a lone
 * surrogate (which UTF-8 cannot encode); escapes use lower-case hex digits. Other characters,
 * including pairs of surrogates, are written as they are.
 *
 * <p>Thread-safe: the factory is shared, each call gets its own generator.
 */
public final class JsonOutput {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new Escapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            // pairs as one 4-byte UTF-8 sequence; only a lone surrogate is escaped
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonOutput() {}

    /** What writes one JSON value through a generator. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes one value.
         *
         * @param json the generator
         * @throws IOException from the generator, e.g. for a field written outside an object
         */
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * The JSON text that a body writes.
     *
     * @param body writes exactly one value
     * @return the text, on one line, without a line feed
     * @throws IllegalStateException when the body writes no value or an incomplete one
     */
    public static String text(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
            if (!json.getOutputContext().inRoot() || json.getOutputContext().getEntryCount() != 1) {
                throw new IllegalStateException("a JSON text holds exactly one complete value");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The JSON text of a Java value. Maps become objects (keys by {@code toString}, in the map's
     * order), iterables and arrays of objects become arrays, numbers and booleans stay as they are
     * ({@code toString} of the number), {@code null} and non-finite numbers become {@code null}, and
     * everything else (strings, enums, instants) becomes a string.
     *
     * @param value the value
     * @return its JSON text, on one line, without a line feed
     */
    public static String text(Object value) {
        return text(json -> value(json, value));
    }

    /**
     * Writes a Java value as {@link #text(Object)} describes.
     *
     * @param json the generator
     * @param value the value
     * @throws IOException from the generator
     */
    public static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Number number) {
            number(json, number);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                value(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            value(json, Arrays.asList(items));
        } else {
            json.writeString(value.toString());
        }
    }

    /**
     * Writes a number as Java prints it, or {@code null} when it is not finite.
     *
     * @param json the generator
     * @param number the number
     * @throws IOException from the generator
     */
    public static void number(JsonGenerator json, Number number) throws IOException {
        if (number instanceof Double d && !Double.isFinite(d) || number instanceof Float f && !Float.isFinite(f)) {
            json.writeNull();
        } else if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            json.writeNumber(number.intValue());
        } else if (number instanceof Long l) {
            json.writeNumber(l);
        } else if (number instanceof Double d) {
            json.writeNumber(d);
        } else if (number instanceof Float f) {
            json.writeNumber(f);
        } else if (number instanceof BigDecimal || number instanceof BigInteger) {
            json.writeNumber(number.toString());
        } else {
            // AtomicLong, LongAdder and the like: their toString is the plain number
            json.writeNumber(number.toString());
        }
    }

    /** RFC 8259's escapes plus U+007F, U+2028 and U+2029. */
    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        Escapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
