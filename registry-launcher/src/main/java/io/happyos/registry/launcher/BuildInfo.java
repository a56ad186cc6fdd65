package io.happyos.registry.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts fixed at build time, from the filtered resource {@code launcher.properties}.
 *
 * @param version the project version
 * @param slf4jVersion the version of the slf4j-api on the launcher's class path, exported to bundles
 */
record BuildInfo(String version, String slf4jVersion) {

    private static final String RESOURCE = "launcher.properties";

    /**
     * Reads the resource.
     *
     * @return the build info
     * @throws IllegalStateException when the resource is missing or incomplete (a broken build)
     */
    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " in the launcher JAR");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new BuildInfo(required(properties, "version"), required(properties, "slf4j.version"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("Resource " + RESOURCE + " has no value for " + key);
        }
        return value;
    }
}
