package io.happyos.registry.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.core.provision.FeaturesDocument.Feature;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureBundle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSelectionTest {

    private static final String FILE = """
            <features xmlns="http://karaf.apache.org/xmlns/features/v1.3.0">
              <feature name="base" version="1.0.0"><bundle>mvn:g/base/1.0</bundle></feature>
              <feature name="base" version="2.1.0"><bundle>mvn:g/base/2.1</bundle></feature>
              <feature name="log" version="1.0.0">
                <feature version="[1,2)">base</feature>
                <bundle start-level="50">mvn:g/log-impl/1.0</bundle>
                <bundle start-level="10">mvn:g/log-api/1.0</bundle>
              </feature>
              <feature name="app" version="1.0.0" install="auto">
                <feature>log</feature>
                <feature>base</feature>
                <bundle>mvn:g/app/1.0</bundle>
                <bundle>mvn:g/log-api/1.0</bundle>
              </feature>
            </features>
            """;

    private final FeaturesDocument document = parse(FILE);
    private final FeatureSelection selection = new FeatureSelection(List.of(document));

    @Test
    void nestedFeaturesComeFirstEachLocationOnceByStartLevelWithinAFeature() {
        Feature app = selection.requested(document, List.of()).get(0);

        assertThat(selection.bundles(app))
                .extracting(FeatureBundle::location)
                .containsExactly(
                        "mvn:g/base/1.0", "mvn:g/log-api/1.0", "mvn:g/log-impl/1.0", "mvn:g/base/2.1", "mvn:g/app/1.0");
    }

    @Test
    void withoutNamesTheAutoFeaturesAreTakenElseAll() {
        assertThat(selection.requested(document, List.of()))
                .extracting(Feature::name)
                .containsExactly("app");
        FeaturesDocument noAuto = parse("<features><feature name='a'><bundle>mvn:g/a/1</bundle></feature>"
                + "<feature name='b'><bundle>mvn:g/b/1</bundle></feature></features>");
        assertThat(new FeatureSelection(List.of(noAuto)).requested(noAuto, List.of()))
                .extracting(Feature::name)
                .containsExactly("a", "b");
    }

    @Test
    void aNameTakesTheNewestVersionAndNameSlashVersionThatOne() {
        assertThat(selection.requested(document, List.of("base")))
                .extracting(Feature::key)
                .containsExactly("base/2.1.0");
        assertThat(selection.requested(document, List.of("base/1.0.0")))
                .extracting(Feature::key)
                .containsExactly("base/1.0.0");
    }

    @Test
    void anUnknownFeatureIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> selection.requested(document, List.of("nope")))
                .hasMessageContaining("no feature nope")
                .hasMessageContaining("base/1.0.0, base/2.1.0, log/1.0.0, app/1.0.0");
        assertThatThrownBy(() -> selection.requested(document, List.of("base/3.0")))
                .hasMessageContaining("in version 3.0");
    }

    @Test
    void featuresThatNeedEachOtherAreRefused() {
        FeaturesDocument circle = parse("<features><feature name='a'><feature>b</feature></feature>"
                + "<feature name='b'><feature>a</feature></feature></features>");
        FeatureSelection s = new FeatureSelection(List.of(circle));

        assertThatThrownBy(() -> s.bundles(circle.features().get(0)))
                .hasMessageContaining("features need each other in a circle: a/0.0.0 -> b/0.0.0 -> a/0.0.0");
    }

    @Test
    void versionsMatchAsRangesOrExactly() {
        assertThat(FeatureSelection.matches("1.5.0", "[1,2)")).isTrue();
        assertThat(FeatureSelection.matches("2.0.0", "[1,2)")).isFalse();
        assertThat(FeatureSelection.matches("1.0.0", "1.0")).isTrue();
        assertThat(FeatureSelection.matches("1.0.1", "1.0")).isFalse();
        assertThat(FeatureSelection.matches("7", "0.0.0")).isTrue();
        assertThat(FeatureSelection.version("1.0-SNAPSHOT")).hasToString("1.0.0.SNAPSHOT");
        assertThatThrownBy(() -> FeatureSelection.matches("1", "[1,")).hasMessageContaining("not a version range");
    }

    private static FeaturesDocument parse(String xml) {
        return FeaturesParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "features.xml");
    }
}
