package io.happyos.registry.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Maven repository layout in a folder, made by a test: artifacts and the checksums beside them. */
public final class TestRepository {

    private final Path root;

    /** @param root the repository's folder */
    public TestRepository(Path root) {
        this.root = root;
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    /**
     * Puts an artifact in, with a {@code .sha1} beside it.
     *
     * @param url its {@code mvn:} URL
     * @param content its bytes
     * @return its file
     */
    public Path put(String url, byte[] content) throws IOException {
        return put(url, content, Checksum.SHA1);
    }

    /**
     * Puts an artifact in with the checksums given beside it (none when none are given).
     *
     * @param url its {@code mvn:} URL
     * @param content its bytes
     * @param checksums the checksum files to write
     * @return its file
     */
    public Path put(String url, byte[] content, Checksum... checksums) throws IOException {
        Path file = root.resolve(MavenUrl.parse(url).path());
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        for (Checksum checksum : checksums) {
            Files.writeString(checksumFile(file, checksum), checksum.of(file) + "  " + file.getFileName());
        }
        return file;
    }

    /**
     * The file of a checksum of an artifact.
     *
     * @param file the artifact
     * @param checksum the checksum
     * @return its file
     */
    public static Path checksumFile(Path file, Checksum checksum) {
        return file.resolveSibling(file.getFileName() + "." + checksum.extension());
    }
}
