package io.happyos.registry.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonOutput.text("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(JsonOutput.text("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(JsonOutput.text("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
    }

    @Test
    void escapesLineSeparatorsAndKeepsOtherUnicode() {
        assertThat(JsonOutput.text("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(JsonOutput.text("héllo ☃ \uD83D\uDE00 /")).isEqualTo("\"héllo ☃ \uD83D\uDE00 /\"");
    }

    @Test
    void escapesLoneSurrogatesSoThatTheTextIsValidUtf8() {
        assertThat(JsonOutput.text("a\uD800b")).isEqualTo("\"a\\ud800b\"");
        assertThat(JsonOutput.text("\uDC00")).isEqualTo("\"\\udc00\"");
        assertThat(JsonOutput.text("end \uD83D")).isEqualTo("\"end \\ud83d\"");
        assertThat(JsonOutput.text("\uDE00\uD83D")).isEqualTo("\"\\ude00\\ud83d\"");
        String text = JsonOutput.text(Map.of("k\uD800", "v\uDFFF"));
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text)).isTrue();
    }

    @Test
    void writesLiteralsNumbersAndNonFiniteAsNull() {
        assertThat(JsonOutput.text((Object) null)).isEqualTo("null");
        assertThat(JsonOutput.text(true)).isEqualTo("true");
        assertThat(JsonOutput.text(42L)).isEqualTo("42");
        assertThat(JsonOutput.text(7)).isEqualTo("7");
        assertThat(JsonOutput.text(-1.5)).isEqualTo("-1.5");
        assertThat(JsonOutput.text(1e20)).isEqualTo("1.0E20");
        assertThat(JsonOutput.text(0.25f)).isEqualTo("0.25");
        assertThat(JsonOutput.text(new BigDecimal("12.340"))).isEqualTo("12.340");
        assertThat(JsonOutput.text(new AtomicLong(9))).isEqualTo("9");
        assertThat(JsonOutput.text(Double.NaN)).isEqualTo("null");
        assertThat(JsonOutput.text(Float.POSITIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void writesObjectsInOrderAndArraysOfAnything() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList("x", null));
        map.put("at", Instant.parse("2025-01-02T03:04:05Z"));
        map.put("empty", Map.of());
        assertThat(JsonOutput.text(map))
                .isEqualTo("{\"z\":1,\"a\":[\"x\",null],\"at\":\"2025-01-02T03:04:05Z\",\"empty\":{}}");
        assertThat(JsonOutput.text(new Object[] {1, "b"})).isEqualTo("[1,\"b\"]");
        assertThat(JsonOutput.text(List.of())).isEqualTo("[]");
    }

    @Test
    void escapesKeys() {
        assertThat(JsonOutput.text(Map.of("k\"\n", "v"))).isEqualTo("{\"k\\\"\\n\":\"v\"}");
    }

    @Test
    void aBodyWritesExactlyOneCompleteValue() {
        assertThat(JsonOutput.text(json -> {
                    json.writeStartObject();
                    json.writeStringField("id", "a");
                    json.writeNumberField("n", 1);
                    json.writeEndObject();
                }))
                .isEqualTo("{\"id\":\"a\",\"n\":1}");
        assertThatThrownBy(() -> JsonOutput.text(json -> {})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonOutput.text(json -> json.writeStartArray()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCharacterSurvivesARoundTrip() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        all.append("\uD83D\uDE00");
        String text = all.toString();
        assertThat(STRICT.readValue(JsonOutput.text(List.of(text)), List.class)).isEqualTo(List.of(text));
        assertThat(STRICT.readValue(JsonOutput.text(Map.of(text, 1)), Map.class))
                .isEqualTo(Map.of(text, 1));
        // Jackson's reader takes escaped lone surrogates in values (not in field names)
        String lone = "\uD800 \uDFFF";
        assertThat(STRICT.readValue(JsonOutput.text(List.of(lone)), List.class)).isEqualTo(List.of(lone));
    }
}
