package io.happyos.registry.web.internal;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What registry-web reads from the framework properties the launcher sets.
 *
 * @param address {@code HOST:PORT} the container serves on, or {@code null} when the web is off
 * @param tokenFile the bearer token's file
 * @param bundlesDir the bundles folder uploads go to, or {@code null} when there is none
 * @param storageDir the container's storage folder (uploads are staged there)
 * @param maxUpload the largest JAR accepted by an upload, in bytes
 */
record WebSettings(String address, Path tokenFile, Path bundlesDir, Path storageDir, long maxUpload) {

    /** The address to serve on: {@code HOST:PORT}. Unset: registry-web does nothing. */
    static final String HTTP = "happyos.http";
    /** The bearer token's file; by default {@code STORAGE/http.token}. */
    static final String TOKEN_FILE = "happyos.http.token.file";
    /** The largest upload in bytes (default 64 MiB). */
    static final String MAX_UPLOAD = "happyos.http.upload.max";
    /** The bundles folder (read by registry-core too). */
    static final String BUNDLES_DIR = "happyos.bundles.dir";
    /** The storage folder (read by registry-core too). */
    static final String STORAGE_DIR = "happyos.storage.dir";

    static final long DEFAULT_MAX_UPLOAD = 64L << 20;

    /**
     * Reads the settings.
     *
     * @param property a framework property by name, or {@code null}
     * @return the settings; {@link #address()} is {@code null} when the web is off
     * @throws IllegalArgumentException for a value that cannot be used, naming the property
     */
    static WebSettings read(Function<String, String> property) {
        String address = blankToNull(property.apply(HTTP));
        String storageText = blankToNull(property.apply(STORAGE_DIR));
        Path storage = Path.of(storageText == null ? "." : storageText).toAbsolutePath();
        String tokenText = blankToNull(property.apply(TOKEN_FILE));
        Path token = tokenText == null
                ? storage.resolve("http.token")
                : Path.of(tokenText).toAbsolutePath();
        String bundles = blankToNull(property.apply(BUNDLES_DIR));
        long max = DEFAULT_MAX_UPLOAD;
        String maxText = blankToNull(property.apply(MAX_UPLOAD));
        if (maxText != null) {
            try {
                max = Long.parseLong(maxText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_UPLOAD + " must be a number of bytes, not '" + maxText + "'", e);
            }
            if (max < 1) {
                throw new IllegalArgumentException(MAX_UPLOAD + " must be at least 1 byte, not " + max);
            }
        }
        return new WebSettings(
                address, token, bundles == null ? null : Path.of(bundles).toAbsolutePath(), storage, max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
