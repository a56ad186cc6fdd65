package io.happyos.registry.core.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The checksums Maven repositories publish beside an artifact, strongest first. */
public enum Checksum {
    /** {@code .sha512} */
    SHA512("sha512", "SHA-512", 128),
    /** {@code .sha256} */
    SHA256("sha256", "SHA-256", 64),
    /** {@code .sha1}, which every Maven repository publishes. */
    SHA1("sha1", "SHA-1", 40);

    /** Every checksum, strongest first. */
    public static final List<Checksum> ALL = List.of(values());

    private final String extension;
    private final String algorithm;
    private final int hexLength;

    Checksum(String extension, String algorithm, int hexLength) {
        this.extension = extension;
        this.algorithm = algorithm;
        this.hexLength = hexLength;
    }

    /** @return the extension of its file, without the dot */
    public String extension() {
        return extension;
    }

    /** @return the algorithm's name, as in {@code SHA-1} */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The digest of a file.
     *
     * @param file the file
     * @return the digest in lower-case hex
     * @throws IOException when the file cannot be read
     */
    public String of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The digest a checksum file holds: its first word (some tools write the file name after it).
     *
     * @param text the checksum file's content
     * @return the digest in lower-case hex, or empty when the file holds no digest of this kind
     */
    public Optional<String> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String first = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (first.length() != hexLength || !first.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(first);
    }

    /**
     * Checks a file against the digest a checksum file holds.
     *
     * @param file the artifact
     * @param text the checksum file's content
     * @param artifact the artifact's name, for the error
     * @param where where the artifact and the checksum came from, for the error
     * @throws ChecksumMismatchException when the file's digest is another, or the checksum file holds none
     * @throws IOException when the file cannot be read
     */
    public void verify(Path file, String text, String artifact, String where) throws IOException {
        String actual = of(file);
        String expected = parse(text).orElse(null);
        if (!actual.equals(expected)) {
            throw new ChecksumMismatchException(artifact + ": checksum mismatch for " + where + ": the " + algorithm
                    + " published in " + where + "." + extension + " is "
                    + (expected == null ? "not a " + algorithm + " digest ('" + abbreviate(text) + "')" : expected)
                    + ", the file's is " + actual
                    + "; the file was refused. Someone may have tampered with it, or the repository is broken:"
                    + " try again later, or fix the repository");
        }
    }

    private static String abbreviate(String text) {
        String s = text == null ? "" : text.strip();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A file whose digest is not the one published for it. */
    public static final class ChecksumMismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        ChecksumMismatchException(String message) {
            super(message);
        }
    }
}
