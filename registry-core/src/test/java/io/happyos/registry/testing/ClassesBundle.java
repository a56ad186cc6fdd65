package io.happyos.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a bundle JAR from a manifest and classes compiled with the tests (an activator, an
 * interface): the bundle loads them from its own content, as it would from a real plugin JAR.
 */
public final class ClassesBundle {

    private ClassesBundle() {
    }

    /**
     * Writes {@code DIR/SYMBOLICNAME.jar}.
     *
     * @param dir the folder
     * @param symbolicName the Bundle-SymbolicName
     * @param headers more headers (Bundle-Activator, Import-Package, ...)
     * @param classes the classes to put in it, each as its {@code .class} file
     * @return the file
     */
    public static Path write(Path dir, String symbolicName, Map<String, String> headers, Class<?>... classes)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Class<?> type : classes) {
                String resource = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("class file " + resource + " not found on the test class path");
                    }
                    zip.putNextEntry(new JarEntry(resource));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }
}
