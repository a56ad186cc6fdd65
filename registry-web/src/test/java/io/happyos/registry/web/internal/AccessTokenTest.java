package io.happyos.registry.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceOwnerOnlyAndKept() throws Exception {
        Path file = dir.resolve("sub/http.token");
        AccessToken first = AccessToken.load(file);
        String text = Files.readString(file).strip();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.matches(text)).isTrue();
        assertThat(first.matches(text + "x")).isFalse();
        assertThat(first.matches(null)).isFalse();
        assertThat(AccessToken.load(file).matches(text)).isTrue();
    }

    @Test
    void unusableFilesAreRefusedSayingWhatToDo() throws Exception {
        Path open = Files.writeString(dir.resolve("open"), "a-token-of-enough-length\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AccessToken.load(open))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("chmod 600");
        Path empty = Files.createFile(
                dir.resolve("empty"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertThatThrownBy(() -> AccessToken.load(empty)).hasMessageContaining("is empty");
        Path shortToken = Files.createFile(
                dir.resolve("short"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(shortToken, "abc");
        assertThatThrownBy(() -> AccessToken.load(shortToken)).hasMessageContaining("at least 16");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> AccessToken.load(folder)).hasMessageContaining("is not a file");
    }
}
