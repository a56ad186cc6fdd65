package io.happyos.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            String resource = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("class file " + resource + " not found on the test class path");
                }
                entries.put(resource, in.readAllBytes());
            }
        }
        return ManifestOnlyBundle.write(dir, symbolicName, headers, entries);
    }
}
