package io.happyos.registry.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the shell's JSON output in tests, through Jackson and strictly: objects become maps in
 * their order, arrays lists, whole numbers {@code Long}, other numbers {@code Double}. Throws
 * {@link IllegalArgumentException} on anything RFC 8259 does not allow, trailing text included.
 */
public final class MiniJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MiniJson() {}

    /**
     * Parses one JSON value; only white space may surround it.
     *
     * @param text the text
     * @return the value
     */
    public static Object parse(String text) {
        try {
            return STRICT.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " in: " + text, e);
        }
    }
}
