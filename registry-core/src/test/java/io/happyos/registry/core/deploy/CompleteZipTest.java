package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
    void zerosACommentOrAMissingFileAreNotKnownComplete() throws IOException {
        assertThat(CompleteZip.isComplete(write(new byte[4096]), 4096)).isFalse();
        byte[] commented = jar(1, "made by hand");
        assertThat(CompleteZip.isComplete(write(commented), commented.length)).isFalse();
        assertThat(CompleteZip.isComplete(dir.resolve("none.jar"), 100)).isFalse();
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
