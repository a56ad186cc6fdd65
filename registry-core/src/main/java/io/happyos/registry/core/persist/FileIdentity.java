package io.happyos.registry.core.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which file a path names now: its file key (device and inode on Unix). A database file deleted or
 * replaced while open has another identity, or none, than the one it was opened with.
 *
 * @param key the file key, or {@code null} when the file system has none (only a missing file is
 *     then noticed)
 */
record FileIdentity(Object key) {

    /**
     * @param file a path
     * @return the identity of the file it names, or {@code null} when there is none
     */
    static FileIdentity of(Path file) {
        try {
            return new FileIdentity(
                    Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // cannot tell: assume it is still there rather than re-create a file that may be in use
            return new FileIdentity(null);
        }
    }

    /**
     * @param now the identity of the path now ({@link #of}), or {@code null} when it names no file
     * @return whether the path still names this file
     */
    boolean sameAs(FileIdentity now) {
        return now != null && (key == null || now.key == null || Objects.equals(key, now.key));
    }
}
