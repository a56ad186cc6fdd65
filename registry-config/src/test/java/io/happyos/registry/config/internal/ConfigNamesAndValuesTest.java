package io.happyos.registry.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigNamesAndValuesTest {

    @Test
    void fileNames() {
        assertThat(ConfigFileName.parse("org.example.http.cfg"))
                .contains(new ConfigFileName("org.example.http", null, null, ConfigFileName.Format.CFG));
        assertThat(ConfigFileName.parse("org.example.pool-main.config"))
                .contains(new ConfigFileName(
                        "org.example.pool~main", "org.example.pool", "main", ConfigFileName.Format.JSON));
        assertThat(ConfigFileName.parse("a-b-c.cfg"))
                .hasValueSatisfying(n -> assertThat(n.name()).isEqualTo("b-c"));
        for (String ignored : List.of(
                ".hidden.cfg",
                "a.cfg~",
                "a~.cfg",
                "a.cfg.tmp",
                "a.txt",
                ".cfg",
                "-x.cfg",
                "x-.cfg",
                "happyos.properties")) {
            assertThat(ConfigFileName.parse(ignored)).as(ignored).isEmpty();
        }
        assertThat(ConfigFileName.fileNameOf("org.example.pool~main", "org.example.pool", ConfigFileName.Format.CFG))
                .isEqualTo("org.example.pool-main.cfg");
        assertThat(ConfigFileName.fileNameOf("a.b", null, ConfigFileName.Format.JSON))
                .isEqualTo("a.b.config");
    }

    @Test
    void aCfgTextKeepsTheTypeTheKeyHasWhenItConverts() {
        assertThat(ConfigValues.keepType("9090", 8080)).isEqualTo(9090);
        assertThat(ConfigValues.keepType("nine", 8080)).isEqualTo("nine");
        assertThat(ConfigValues.keepType("true", Boolean.FALSE)).isEqualTo(true);
        assertThat(ConfigValues.keepType("1, 2", new Integer[] {5})).isEqualTo(new Integer[] {1, 2});
        assertThat(ConfigValues.keepType("a,b", List.of("x"))).isEqualTo(List.of("a", "b"));
        assertThat(ConfigValues.keepType("text", null)).isEqualTo("text");
        assertThat(ConfigValues.text(new int[] {1, 2})).isEqualTo("1,2");
    }
}
