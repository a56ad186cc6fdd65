package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompleteZipTest {

    @TempDir
    Path dir;

    static byte[] jar(int entries, String comment) throws IOException {
        TestBundle.Builder jar = TestBundle.plainJar().header("Bundle-SymbolicName", "x");
        for (int i = 0; i < entries; i++) {
            jar.entry("x/E" + i + ".txt", ("entry " + i).repeat(i + 1));
        }
        if (comment != null) {
            jar.comment(comment);
        }
        return jar.build();
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
        Path jar = TestBundle.builder("many").entries(entries).stored().writeToFolder(dir);
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
    static byte[] outerCutAfterItsInnerJar() {
        byte[] inner = TestBundle.builder("inner-identity").build();
        byte[] outer = TestBundle.builder("outer-identity")
                .entry("lib/inner.jar", inner)
                .stored()
                .build();
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
        byte[] prefix = outerCutAfterItsInnerJar();
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
                assertThat(CompleteZip.isComplete(file, length))
                        .as("prefix of %d bytes", length)
                        .isFalse();
            }
            Files.write(file, content);
            assertThat(CompleteZip.isComplete(file, content.length)).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
