package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.JarVersion;
import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionHistoryTest {

    @TempDir
    Path storage;

    private Path root() {
        return storage.resolve("history");
    }

    private VersionHistory history() throws IOException {
        Files.createDirectories(root()); // as once any component has been kept
        return new VersionHistory(root(), 3);
    }

    private Path jar(String name) throws IOException {
        Path dir = Files.createDirectories(storage.resolve("jars"));
        return TestBundle.builder("jar-" + Math.abs(name.hashCode()))
                .header("X-Name", name)
                .writeToFolder(dir);
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
    }

    @Test
    void aBundleNamedDotDotKeepsItsCopiesUnderTheHistoryFolder() throws IOException {
        VersionHistory history = history();

        JarVersion kept = history.record("..", "1.0.0", "aa", jar(".."));

        assertThat(Path.of(kept.path()).toAbsolutePath().normalize()).startsWith(root().toAbsolutePath());
        assertThat(Path.of(kept.path()).getParent().getParent()).isEqualTo(root());
        assertThat(jarsIn(storage)).isEmpty();
        assertThat(history.list("..")).containsExactly(kept);
    }

    @Test
    void namesThatWouldBePathsStayOneFolderBelowTheRootAndNeverMeet() throws IOException {
        VersionHistory history = history();
        List<String> names = List.of("..", ".", "../x", "a/b", "a\\b", "a_b", "a-b", "%2E%2E", ".hidden", "ü");
        for (String name : names) {
            history.record(name, "1.0.0", "sha" + names.indexOf(name), jar(name));
        }
        for (String name : names) {
            List<JarVersion> versions = history.list(name);
            assertThat(versions).as(name).extracting(JarVersion::checksum).containsExactly("sha" + names.indexOf(name));
            assertThat(Path.of(versions.get(0).path()).getParent().getParent())
                    .as(name)
                    .isEqualTo(root());
        }
    }

    @Test
    void normalNamesKeepTheirReadableFolderAndVersionsComeBackExactly() throws IOException {
        VersionHistory history = history();

        JarVersion kept = history.record("com.acme.echo-skill", "1.0.0.build_7", "ab12", jar("x"));

        assertThat(Path.of(kept.path()).getParent()).isEqualTo(root().resolve("com.acme.echo-skill"));
        assertThat(history.list("com.acme.echo-skill"))
                .extracting(JarVersion::version)
                .containsExactly("1.0.0.build_7");
    }

    @Test
    void versionsKeptBeforeNamesWereMappedOneToOneAreStillListed() throws IOException {
        Path normal = Files.createDirectories(root().resolve("com.acme.echo-skill"));
        Files.copy(jar("old"), normal.resolve("1700000000000_1.0.0_ab12.jar"));
        Path shared = Files.createDirectories(root().resolve("my-bundle"));
        Files.copy(
                TestBundle.builder("my_bundle").writeToFolder(storage.resolve("a")),
                shared.resolve("1700000000000_1.0.0_cd34.jar"));
        Files.copy(
                TestBundle.builder("my-bundle").writeToFolder(storage.resolve("b")),
                shared.resolve("1700000000001_2.0.0_ef56.jar"));
        VersionHistory history = history();

        assertThat(history.list("com.acme.echo-skill"))
                .extracting(JarVersion::checksum)
                .containsExactly("ab12");
        assertThat(history.list("my_bundle")).extracting(JarVersion::checksum).containsExactly("cd34");
        assertThat(history.list("my-bundle")).extracting(JarVersion::checksum).containsExactly("ef56");
    }

    @Test
    void fileNamesMapOneToOneAndBack() {
        for (String name : List.of("..", ".", "a/b", "a_b", "a-b", "%41", "ü", "x y", "1.0.0.q_1")) {
            for (boolean keepUnderscore : List.of(true, false)) {
                String fileName = SafeFileName.encode(name, keepUnderscore);
                assertThat(fileName).matches("[A-Za-z0-9%._-]+").doesNotStartWith(".");
                assertThat(SafeFileName.decode(fileName)).isEqualTo(name);
            }
        }
        assertThat(SafeFileName.encode("a_b", false)).doesNotContain("_");
    }
}
