package io.happyos.registry.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a bundle JAR that is nothing but a manifest: enough for the resolver to work on. */
public final class ManifestOnlyBundle {

    private ManifestOnlyBundle() {
    }

    /**
     * Writes {@code DIR/SYMBOLICNAME.jar}.
     *
     * @param dir the folder
     * @param symbolicName the Bundle-SymbolicName
     * @param headers more headers (Require-Capability, Provide-Capability, ...)
     * @return the file
     */
    public static Path write(Path dir, String symbolicName, Map<String, String> headers) throws IOException {
        return write(dir, symbolicName, headers, Map.of());
    }

    /**
     * Writes {@code DIR/SYMBOLICNAME.jar} with entries besides the manifest.
     *
     * @param dir the folder
     * @param symbolicName the Bundle-SymbolicName (Bundle-Version 1.0.0 unless the headers say otherwise)
     * @param headers more headers
     * @param entries the entries, by path in the JAR ({@code OSGI-INF/x.xml}, {@code com/acme/X.class})
     * @return the file
     */
    public static Path write(Path dir, String symbolicName, Map<String, String> headers, Map<String, byte[]> entries)
            throws IOException {
        return write(dir, symbolicName, headers, entries, false);
    }

    /**
     * Writes {@code DIR/SYMBOLICNAME.jar} with entries besides the manifest, compressed or stored.
     *
     * @param dir the folder
     * @param symbolicName the Bundle-SymbolicName (Bundle-Version 1.0.0 unless the headers say otherwise)
     * @param headers more headers
     * @param entries the entries, by path in the JAR, written in name order
     * @param stored true to store the entries uncompressed (as an embedded JAR often is), so their
     *     bytes appear as they are in the file
     * @return the file
     */
    public static Path write(Path dir, String symbolicName, Map<String, String> headers, Map<String, byte[]> entries,
            boolean stored) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(jar));
                JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                java.util.jar.JarEntry jarEntry = new java.util.jar.JarEntry(entry.getKey());
                if (stored) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(entry.getValue());
                    jarEntry.setMethod(java.util.zip.ZipEntry.STORED);
                    jarEntry.setSize(entry.getValue().length);
                    jarEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(jarEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }
}
