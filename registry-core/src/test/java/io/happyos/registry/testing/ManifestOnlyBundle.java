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
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
