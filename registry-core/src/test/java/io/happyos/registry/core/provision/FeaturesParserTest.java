package io.happyos.registry.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.core.provision.FeaturesDocument.Feature;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureBundle;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeaturesParserTest {

    /** Shaped like Karaf's own standard features file: namespace, repositories, nested features, config. */
    static final String KARAF_STYLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Licensed to the Apache Software Foundation (ASF) -->
            <features name="happyos-skills-1.0.0" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="http://karaf.apache.org/xmlns/features/v1.6.0 http://karaf.apache.org/xmlns/features/v1.6.0">
                <repository>mvn:org.apache.karaf.features/standard/4.4.6/xml/features</repository>
                <resource-repository>mvn:org.example/resources/1.0/json</resource-repository>
                <feature name="base" version="1.0.0" description="The base">
                    <details>What every skill needs</details>
                    <bundle start-level="30">mvn:io.happyos/base-util/1.0.0</bundle>
                    <bundle start-level="20" dependency="true">mvn:io.happyos/config-manager/1.0.0</bundle>
                    <config name="io.happyos.base">
                        greeting = hello
                    </config>
                    <configfile finalname="/etc/base.cfg">mvn:io.happyos/base/1.0.0/cfg</configfile>
                    <capability>osgi.service;objectClass=java.lang.Runnable</capability>
                </feature>
                <feature name="skills" version="1.0.0" install="auto">
                    <feature version="[1,2)">base</feature>
                    <feature prerequisite="true">scr</feature>
                    <bundle start="false">  mvn:io.happyos/weather-skill/1.0.0
                    </bundle>
                    <bundle><![CDATA[file:lib/calculator.jar]]></bundle>
                    <requirement>osgi.ee;filter:="(osgi.ee=JavaSE)"</requirement>
                    <conditional>
                        <condition>webconsole</condition>
                        <bundle>mvn:io.happyos/skills-web/1.0.0</bundle>
                    </conditional>
                </feature>
            </features>
            """;

    @Test
    void aKarafStyleFileIsReadWithItsNestedFeaturesAndTheIgnoredElementsNoted() {
        FeaturesDocument document = parse(KARAF_STYLE);

        assertThat(document.name()).isEqualTo("happyos-skills-1.0.0");
        assertThat(document.repositories())
                .containsExactly("mvn:org.apache.karaf.features/standard/4.4.6/xml/features");
        assertThat(document.features()).extracting(Feature::key).containsExactly("base/1.0.0", "skills/1.0.0");
        Feature base = document.features().get(0);
        assertThat(base.auto()).isFalse();
        assertThat(base.bundles())
                .containsExactly(
                        new FeatureBundle("mvn:io.happyos/base-util/1.0.0", 30, true, false),
                        new FeatureBundle("mvn:io.happyos/config-manager/1.0.0", 20, true, true));
        Feature skills = document.features().get(1);
        assertThat(skills.auto()).isTrue();
        assertThat(skills.dependencies()).containsExactly(new FeatureRef("base", "[1,2)"), new FeatureRef("scr", null));
        assertThat(skills.bundles())
                .containsExactly(
                        new FeatureBundle("mvn:io.happyos/weather-skill/1.0.0", 0, false, false),
                        new FeatureBundle("file:lib/calculator.jar", 0, true, false));
        assertThat(document.notes())
                .anyMatch(n -> n.startsWith("<config> in feature base"))
                .anyMatch(n -> n.startsWith("<configfile> in feature base"))
                .anyMatch(n -> n.startsWith("<capability> in feature base"))
                .anyMatch(n -> n.startsWith("<requirement> in feature skills"))
                .anyMatch(n -> n.startsWith("<conditional> in feature skills"))
                .anyMatch(n -> n.startsWith("<resource-repository> in the file"));
    }

    @Test
    void aFileWithoutNamespaceAndAFeatureWithoutVersionAreAccepted() {
        FeaturesDocument document =
                parse("<features><feature name='one'><bundle>mvn:g/a/1</bundle></feature></features>");

        assertThat(document.features()).extracting(Feature::key).containsExactly("one/0.0.0");
        assertThat(document.notes()).isEmpty();
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpandedAndNoOtherFileRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE features [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <features><feature name="x"><bundle>&secret;</bundle></feature></features>
                """;

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.xml line")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUnknownElementIsRefusedNamingItAndWhatIsSupported() {
        assertThatThrownBy(
                        () -> parse("<features>\n<feature name='x'>\n<bundel>mvn:g/a/1</bundel></feature></features>"))
                .hasMessageContaining("test.xml line 3")
                .hasMessageContaining("<bundel> is not supported")
                .hasMessageContaining("<bundle> and <feature>");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> parse("<project/>")).hasMessageContaining("not <features>");
        assertThatThrownBy(() -> parse("<features/>")).hasMessageContaining("no <feature>");
        assertThatThrownBy(() -> parse("<features><feature><bundle>mvn:g/a/1</bundle></feature></features>"))
                .hasMessageContaining("no name attribute");
        assertThatThrownBy(
                        () -> parse("<features><feature name='x'><bundle>wrap:mvn:g/a/1</bundle></feature></features>"))
                .hasMessageContaining("neither mvn:GROUP/ARTIFACT/VERSION nor file:PATH");
        assertThatThrownBy(() -> parse(
                        "<features><feature name='x'><bundle start='yes'>mvn:g/a/1</bundle></feature></features>"))
                .hasMessageContaining("start=\"yes\"");
        assertThatThrownBy(() -> parse("<f:features xmlns:f='urn:other'><f:feature name='x'/></f:features>"))
                .hasMessageContaining("not Karaf's");
        assertThatThrownBy(() -> parse("<features><feature name='x'>")).hasMessageContaining("not well-formed XML");
    }

    private static FeaturesDocument parse(String xml) {
        return FeaturesParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }
}
