package io.happyos.registry.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CfgDocumentTest {

    private static final String FILE = """
            # The HTTP service
            ! another comment style

            port = 8080
            host:localhost
            greeting   Hello, world
            path = C:\\\\data\\\\files
            multi = one, \\
                    two, \\
                    three
            accent = caf\\u00e9 and café
            tab\\ key = a\\tb
            """;

    @Test
    void readsWhatPropertiesReads() throws Exception {
        Properties reference = new Properties();
        reference.load(new StringReader(FILE));

        Map<String, String> read = CfgDocument.parse(FILE).properties();

        assertThat(read).containsExactlyInAnyOrderEntriesOf(toMap(reference));
        assertThat(read.keySet()).containsExactly("port", "host", "greeting", "path", "multi", "accent", "tab key");
        assertThat(read).containsEntry("accent", "café and café").containsEntry("multi", "one, two, three");
    }

    @Test
    void changingOneKeyRewritesOnlyItsLine() throws Exception {
        Map<String, String> changed =
                new LinkedHashMap<>(CfgDocument.parse(FILE).properties());
        changed.put("port", "9090");

        String written = CfgDocument.parse(FILE).withProperties(changed);

        assertThat(written).isEqualTo(FILE.replace("port = 8080", "port = 9090"));
    }

    @Test
    void newKeysAreAppendedAndRemovedKeysLoseTheirLines() throws Exception {
        Map<String, String> changed =
                new LinkedHashMap<>(CfgDocument.parse(FILE).properties());
        changed.remove("multi");
        changed.put("added", "yes");

        String written = CfgDocument.parse(FILE).withProperties(changed);

        assertThat(written).startsWith("# The HTTP service\n! another comment style\n\nport = 8080\n");
        assertThat(written)
                .doesNotContain("multi")
                .doesNotContain("three")
                .endsWith("tab\\ key = a\\tb\nadded = yes\n");
        assertThat(CfgDocument.parse(written).properties()).isEqualTo(changed);
    }

    @Test
    void theSamePropertiesGiveTheSameText() throws Exception {
        CfgDocument document = CfgDocument.parse(FILE);

        assertThat(document.withProperties(document.properties())).isEqualTo(FILE);
    }

    @Test
    void awkwardValuesReadBackTheSame() throws Exception {
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("key with = and : and spaces", "  leading spaces, a \\ backslash");
        awkward.put("#not a comment", "line\nbreak\r\ttab");
        awkward.put("unicode ☃", "snow ☃ and \u0001 control");
        awkward.put("empty", "");

        String written = CfgDocument.empty().withProperties(awkward);
        Properties reference = new Properties();
        reference.load(new StringReader(written));

        assertThat(CfgDocument.parse(written).properties()).isEqualTo(awkward);
        assertThat(toMap(reference)).isEqualTo(awkward);
    }

    @Test
    void windowsLineEndingsAreKept() throws Exception {
        String text = "# c\r\na = 1\r\nb = 2\r\n";

        String written = CfgDocument.parse(text).withProperties(Map.of("a", "1", "b", "3"));

        assertThat(written).isEqualTo("# c\r\na = 1\r\nb = 3\r\n");
    }

    @Test
    void aLineWithNoKeyIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> CfgDocument.parse("a = 1\n\n= orphan\n"))
                .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("line 3", "no key", "write KEY = VALUE");
                });
    }

    @Test
    void aMalformedUnicodeEscapeIsAnError() {
        assertThatThrownBy(() -> CfgDocument.parse("a = 1\nb = \\u12x4\n"))
                .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.fix()).contains("four hexadecimal digits");
                });
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
