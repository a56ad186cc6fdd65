package io.happyos.registry.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenUrlTest {

    @Test
    void threePartsAreAJarInTheMavenLayout() {
        MavenUrl url = MavenUrl.parse("mvn:org.apache.felix/org.apache.felix.scr/2.2.10");

        assertThat(url.groupId()).isEqualTo("org.apache.felix");
        assertThat(url.artifactId()).isEqualTo("org.apache.felix.scr");
        assertThat(url.version()).isEqualTo("2.2.10");
        assertThat(url.type()).isEqualTo("jar");
        assertThat(url.classifier()).isNull();
        assertThat(url.snapshot()).isFalse();
        assertThat(url.path())
                .isEqualTo("org/apache/felix/org.apache.felix.scr/2.2.10/org.apache.felix.scr-2.2.10.jar");
        assertThat(url).hasToString("mvn:org.apache.felix/org.apache.felix.scr/2.2.10");
    }

    @Test
    void typeAndClassifierAreTheFourthAndFifthParts() {
        MavenUrl url = MavenUrl.parse(" mvn:org.apache.karaf.features/standard/4.4.6/xml/features ");

        assertThat(url.path()).isEqualTo("org/apache/karaf/features/standard/4.4.6/standard-4.4.6-features.xml");
        assertThat(url).hasToString("mvn:org.apache.karaf.features/standard/4.4.6/xml/features");
        assertThat(MavenUrl.parse("mvn:g/a/1.0/jar")).hasToString("mvn:g/a/1.0");
        assertThat(MavenUrl.parse("mvn:g/a/1.0//tests").path()).isEqualTo("g/a/1.0/a-1.0-tests.jar");
    }

    @Test
    void aSnapshotIsRecognised() {
        assertThat(MavenUrl.parse("mvn:g/a/1.0-SNAPSHOT").snapshot()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "g/a/1.0",
                "mvn:g/a",
                "mvn:g/a/1.0/jar/c/extra",
                "mvn:g//1.0",
                "mvn:g/a/../../etc",
                "mvn:g/a/1 0",
                "http://repo/g/a/1.0"
            })
    void malformedUrlsAreRefusedShowingTheExpectedForm(String text) {
        assertThatThrownBy(() -> MavenUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Maven URL")
                .hasMessageContaining("mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]");
    }

    @Test
    void aRepositoryInTheUrlAndMetaVersionsAreRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> MavenUrl.parse("mvn:https://repo.example.com/maven2!g/a/1.0"))
                .hasMessageContaining("happyos.maven.repositories");
        assertThatThrownBy(() -> MavenUrl.parse("mvn:g/a/LATEST")).hasMessageContaining("give a version");
    }
}
