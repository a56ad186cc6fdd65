package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import io.happyos.registry.testing.ManifestOnlyBundle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompleteZipTest {

    @TempDir
    Path dir;

    static byte[] jar(int entries, String comment) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new JarEntry("x/E" + i + ".txt"));
                out.write(("entry " + i).repeat(i + 1).getBytes());
                out.closeEntry();
            }
            if (comment != null) {
                out.setComment(comment);
            }
        }
        return bytes.toByteArray();
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("x.jar"), content);
    }

    @Test
    void aWholeJarIsComplete() throws IOException {
        byte[] content = jar(3, null);
        assertThat(CompleteZip.isComplete(write(content), content.length)).isTrue();
    }

    @Test
    void aJarWhoseSizeIsNotTheOneSeenIsNot() throws IOException {
        byte[] content = jar(3, null);
        assertThat(CompleteZip.isComplete(write(content), content.length - 1)).isFalse();
    }

    @Test
    void zerosOrAMissingFileAreNotKnownComplete() throws IOException {
        assertThat(CompleteZip.isComplete(write(new byte[4096]), 4096)).isFalse();
        assertThat(CompleteZip.isComplete(dir.resolve("none.jar"), 100)).isFalse();
    }

    @Test
    void aWholeJarWithAnArchiveCommentIsComplete() throws IOException {
        byte[] commented = jar(2, "made by hand");
        assertThat(CompleteZip.isComplete(write(commented), commented.length)).isTrue();
        byte[] withoutTheLastCommentByte = Arrays.copyOf(commented, commented.length - 1);
        assertThat(CompleteZip.isComplete(write(withoutTheLastCommentByte), withoutTheLastCommentByte.length))
                .isFalse();
    }

    @Test
    void aWholeZip64JarIsComplete() throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        for (int i = 0; i < 0x10000; i++) { // more entries than a plain end record can count
            entries.put("e/" + i, new byte[0]);
        }
        Path jar = ManifestOnlyBundle.write(dir, "many", Map.of(), entries, true);
        assertThat(CompleteZip.isComplete(jar, Files.size(jar))).isTrue();
        byte[] content = Files.readAllBytes(jar);
        byte[] shifted = new byte[content.length + 3];
        System.arraycopy(content, 0, shifted, 3, content.length);
        assertThat(CompleteZip.isComplete(write(shifted), shifted.length)).isFalse();
    }

    /**
     * An outer JAR whose last entry is a stored inner JAR, cut right after the inner JAR's end
     * record: what a copy half done looks like. The prefix ends like a whole ZIP.
     */
    static byte[] outerCutAfterItsInnerJar(Path dir) throws IOException {
        Path work = Files.createDirectories(dir.resolve("outer-work"));
        byte[] inner = Files.readAllBytes(ManifestOnlyBundle.write(work, "inner-identity", Map.of()));
        byte[] outer = Files.readAllBytes(ManifestOnlyBundle.write(work, "outer-identity", Map.of(),
                Map.of("lib/inner.jar", inner), true));
        int at = indexOf(outer, inner);
        assertThat(at).as("the inner JAR is stored as it is").isPositive();
        return Arrays.copyOf(outer, at + inner.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anOuterJarCutRightAfterItsStoredInnerJarIsNotComplete() throws IOException {
        byte[] prefix = outerCutAfterItsInnerJar(dir);
        assertThat(CompleteZip.isComplete(write(prefix), prefix.length)).isFalse();
    }

    @Test
    void aJarWithBytesBeforeItIsNotComplete() throws IOException {
        byte[] content = jar(2, null);
        byte[] shifted = new byte[content.length + 10];
        System.arraycopy(content, 0, shifted, 10, content.length);
        assertThat(CompleteZip.isComplete(write(shifted), shifted.length)).isFalse();
    }

    /** A JAR written front to back is never complete before its last byte is there. */
    @Property(tries = 40)
    void noProperPrefixOfAJarIsComplete(@ForAll @IntRange(min = 0, max = 6) int entries) throws IOException {
        byte[] content = jar(entries, null);
        Path file = Files.createTempFile("prefix", ".jar");
        try {
            for (int length = 0; length < content.length; length++) {
                Files.write(file, Arrays.copyOf(content, length));
                assertThat(CompleteZip.isComplete(file, length)).as("prefix of %d bytes", length).isFalse();
            }
            Files.write(file, content);
            assertThat(CompleteZip.isComplete(file, content.length)).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
