package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.write("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(Json.write("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
    }

    @Test
    void escapesLineSeparatorsAndKeepsOtherUnicode() {
        assertThat(Json.write("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(Json.write("héllo ☃ \uD83D\uDE00 /")).isEqualTo("\"héllo ☃ \uD83D\uDE00 /\"");
    }

    @Test
    void writesLiteralsNumbersAndNonFiniteAsNull() {
        assertThat(Json.write(null)).isEqualTo("null");
        assertThat(Json.write(true)).isEqualTo("true");
        assertThat(Json.write(42L)).isEqualTo("42");
        assertThat(Json.write(-1.5)).isEqualTo("-1.5");
        assertThat(Json.write(Double.NaN)).isEqualTo("null");
        assertThat(Json.write(Float.POSITIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void writesObjectsInOrderAndArraysOfAnything() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList("x", null));
        map.put("at", Instant.parse("2025-01-02T03:04:05Z"));
        map.put("empty", Map.of());
        assertThat(Json.write(map))
                .isEqualTo("{\"z\":1,\"a\":[\"x\",null],\"at\":\"2025-01-02T03:04:05Z\",\"empty\":{}}");
        assertThat(Json.write(new Object[] {1, "b"})).isEqualTo("[1,\"b\"]");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void escapesKeys() {
        assertThat(Json.write(Map.of("k\"\n", "v"))).isEqualTo("{\"k\\\"\\n\":\"v\"}");
    }

    @Test
    void everyCharacterSurvivesARoundTrip() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        String text = all.toString();
        assertThat(MiniJson.parse(Json.write(List.of(text)))).isEqualTo(List.of(text));
    }
}
