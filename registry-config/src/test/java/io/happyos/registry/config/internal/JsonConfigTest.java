package io.happyos.registry.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConfigTest {

    @Test
    void untypedValuesTakeTheirJsonKind() throws Exception {
        Map<String, Object> read = JsonConfig.parse("""
                {
                  // comments are allowed
                  "name": "web",
                  "port": 8080,
                  "ratio": 0.5,
                  "secure": true,
                  "hosts": ["a", "b"],
                  "ids": [1, 2],
                  "weights": [1, 2.5],
                  "flags": [true, false],
                  "none": []
                }
                """);

        assertThat(read.keySet())
                .containsExactly("name", "port", "ratio", "secure", "hosts", "ids", "weights", "flags", "none");
        assertThat(read.get("name")).isEqualTo("web");
        assertThat(read.get("port")).isEqualTo(8080L);
        assertThat(read.get("ratio")).isEqualTo(0.5d);
        assertThat(read.get("secure")).isEqualTo(Boolean.TRUE);
        assertThat(read.get("hosts")).isEqualTo(new String[] {"a", "b"});
        assertThat(read.get("ids")).isEqualTo(new Long[] {1L, 2L});
        assertThat(read.get("weights")).isEqualTo(new Double[] {1d, 2.5d});
        assertThat(read.get("flags")).isEqualTo(new Boolean[] {true, false});
        assertThat(read.get("none")).isEqualTo(new String[0]);
    }

    @Test
    void aTypeSuffixConverts() throws Exception {
        Map<String, Object> read = JsonConfig.parse("""
                {
                  "port:Integer": 8080,
                  "text:String": 42,
                  "timeout:Long": "30",
                  "ratio:Float": 1.5,
                  "small:Short": 7,
                  "tiny:byte": 1,
                  "letter:Character": "x",
                  "on:Boolean": "true",
                  "ports:Integer[]": [80, 443],
                  "raw:int[]": [1, 2],
                  "names:Collection<String>": ["a", "b"],
                  "one:Long[]": 5
                }
                """);

        assertThat(read.get("port")).isEqualTo(8080);
        assertThat(read.get("text")).isEqualTo("42");
        assertThat(read.get("timeout")).isEqualTo(30L);
        assertThat(read.get("ratio")).isEqualTo(1.5f);
        assertThat(read.get("small")).isEqualTo((short) 7);
        assertThat(read.get("tiny")).isEqualTo((byte) 1);
        assertThat(read.get("letter")).isEqualTo('x');
        assertThat(read.get("on")).isEqualTo(true);
        assertThat(read.get("ports")).isEqualTo(new Integer[] {80, 443});
        assertThat(read.get("raw")).isEqualTo(new int[] {1, 2});
        assertThat(read.get("names")).isEqualTo(List.of("a", "b"));
        assertThat(read.get("one")).isEqualTo(new Long[] {5L});
    }

    @Test
    void writtenValuesReadBackWithTheirTypes() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("s", "text \"quoted\" ☃");
        properties.put("l", 5L);
        properties.put("i", 5);
        properties.put("d", 2.0d);
        properties.put("f", 0.1f);
        properties.put("b", false);
        properties.put("c", 'z');
        properties.put("sa", new String[] {"x"});
        properties.put("ia", new int[] {3});
        properties.put("la", new Long[0]);
        properties.put("coll", List.of(1, 2));

        String written = JsonConfig.write(properties);
        Map<String, Object> read = JsonConfig.parse(written);

        assertThat(Configurations.same(read, properties)).as(written).isTrue();
        assertThat(written).contains("\"i:Integer\" : 5", "\"l\" : 5", "\"coll:Collection<Integer>\"");
    }

    @Test
    void errorsNameTheLineAndTheFix() {
        assertThatThrownBy(() -> JsonConfig.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).startsWith("malformed JSON");
                });
        assertThatThrownBy(() -> JsonConfig.parse("{\n\"port:Integer\": \"eighty\"}"))
                .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("\"eighty\" is not a Integer");
                });
        assertThatThrownBy(() -> JsonConfig.parse("{\"a:Widget\": 1}"))
                .isInstanceOfSatisfying(
                        ConfigSyntaxException.class, e -> assertThat(e.fix()).contains("Integer[]"));
        assertThatThrownBy(() -> JsonConfig.parse("{\"a\": [1, \"x\"]}"))
                .hasMessageContaining("mixes kinds")
                .hasMessageContaining("\"a:String[]\"");
        assertThatThrownBy(() -> JsonConfig.parse("{\"a\": {\"b\": 1}}")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> JsonConfig.parse("{\"a\": null}")).hasMessageContaining("is null");
        assertThatThrownBy(() -> JsonConfig.parse("[1]")).hasMessageContaining("not one JSON object");
        assertThatThrownBy(() -> JsonConfig.parse("{\"a\": 1, \"a:Long\": 2}")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> JsonConfig.parse("{\"n:Integer\": 3000000000}"))
                .hasMessageContaining("out of its range");
        assertThatThrownBy(() -> JsonConfig.parse("{\"n:Long\": 1.5}")).hasMessageContaining("whole number");
    }
}
