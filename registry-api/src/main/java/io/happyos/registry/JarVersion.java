package io.happyos.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a component's JAR, kept by the registry for rollback.
 *
 * @param version the Bundle-Version
 * @param checksum the SHA-256 of the JAR, in hex
 * @param storedAt when the registry installed it
 * @param path where the registry keeps the copy
 */
public record JarVersion(String version, String checksum, Instant storedAt, String path) {

    /**
     * Checks the fields.
     *
     * @param version the Bundle-Version
     * @param checksum the SHA-256 in hex
     * @param storedAt when it was installed
     * @param path where the copy is
     * @throws NullPointerException when a field is null
     */
    public JarVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(path, "path");
    }
}
