package io.happyos.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.DynamicRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class SystemPackagesTest {

    @Test
    void slf4jIsExportedAtTheVersionOfTheJarOnTheClassPathAndOnlyThatOne() {
        String version = Logger.class.getPackage().getImplementationVersion();

        assertThat(version).isNotBlank();
        assertThat(SystemPackages.exportsAtBundleVersion(Logger.class))
                .contains("org.slf4j;version=" + version, "org.slf4j.spi;version=" + version)
                .allMatch(p -> p.endsWith(";version=" + version));
    }

    @Test
    void everyPackageOfTheRegistryApiIsExportedWithAVersionAndNoDirective() {
        List<String> exports = SystemPackages.exports(DynamicRegistry.class);

        assertThat(exports)
                .anyMatch(p -> p.matches("io\\.happyos\\.registry;version=\\d+\\.\\d+\\.\\d+"))
                .allMatch(p -> p.startsWith("io.happyos.registry") && !p.contains(":="));
        assertThat(SystemPackages.extra()).contains(String.join(",", exports)).contains("org.slf4j;version=");
    }

    @Test
    void headerClausesKeepQuotedCommasAndUnquoteAttributes() {
        List<String> clauses = HeaderClauses.split("a.b;uses:=\"x,y\";version=\"1.2.0\", c ;version=2,d");

        assertThat(clauses).containsExactly("a.b;uses:=\"x,y\";version=\"1.2.0\"", "c ;version=2", "d");
        assertThat(clauses).extracting(HeaderClauses::name).containsExactly("a.b", "c", "d");
        assertThat(HeaderClauses.attribute(clauses.get(0), "version", "0.0.0")).isEqualTo("1.2.0");
        assertThat(HeaderClauses.attribute(clauses.get(1), "version", "0.0.0")).isEqualTo("2");
        assertThat(HeaderClauses.attribute(clauses.get(2), "version", "0.0.0")).isEqualTo("0.0.0");
        assertThat(HeaderClauses.attribute("a;uses:=\"version\"", "uses", "none"))
                .isEqualTo("none");
    }
}
