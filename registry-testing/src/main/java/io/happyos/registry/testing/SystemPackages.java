package io.happyos.registry.testing;

import io.happyos.registry.DynamicRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;

/**
 * The packages the system bundle exports from the test's class path, at the versions the artifacts
 * there declare: the registry API (every package of registry-api's {@code Export-Package}) and SLF4J
 * (the packages slf4j-api exports at its own {@code Bundle-Version}; pitfall 1 of the engineering
 * notes). Read from the JARs (or build folders) the classes come from, so no version is written in
 * a test and a bump of the API is picked up by itself.
 */
final class SystemPackages {

    private SystemPackages() {}

    /** @return the value for {@code org.osgi.framework.system.packages.extra} */
    static String extra() {
        List<String> packages = new ArrayList<>(exportsAtBundleVersion(Logger.class));
        packages.addAll(exports(DynamicRegistry.class));
        return String.join(",", packages);
    }

    /**
     * The packages a class's artifact exports, each as {@code name;version=V}, without directives.
     *
     * @param type a class of the artifact
     * @return the clauses, in header order
     */
    static List<String> exports(Class<?> type) {
        Attributes main = manifestOf(type).getMainAttributes();
        List<String> result = new ArrayList<>();
        for (String clause : HeaderClauses.split(required(main, "Export-Package", type))) {
            result.add(HeaderClauses.name(clause) + ";version=" + HeaderClauses.attribute(clause, "version", "0.0.0"));
        }
        return result;
    }

    /** Like {@link #exports}, keeping only the packages at the artifact's Bundle-Version (slf4j-api also re-exports 1.7). */
    static List<String> exportsAtBundleVersion(Class<?> type) {
        Attributes main = manifestOf(type).getMainAttributes();
        String version = required(main, "Bundle-Version", type);
        return exports(type).stream()
                .filter(clause -> clause.endsWith(";version=" + version))
                .toList();
    }

    private static String required(Attributes main, String header, Class<?> type) {
        String value = main.getValue(header);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "the manifest of " + type.getName() + "'s artifact has no " + header + ": build it as a bundle");
        }
        return value;
    }

    private static Manifest manifestOf(Class<?> type) {
        Path location;
        try {
            location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
        try {
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                Manifest manifest = jar.getManifest();
                if (manifest == null) {
                    throw new IOException(location + " has no manifest");
                }
                return manifest;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the manifest of " + location, e);
        }
    }
}
