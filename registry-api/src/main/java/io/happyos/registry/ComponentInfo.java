package io.happyos.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about a component independently of its state in the registry.
 *
 * <p>For a bundle, the registry fills this in from the manifest: {@code name} is the
 * Bundle-SymbolicName, {@code version} the Bundle-Version, {@code type} the
 * {@code HappyOS-Component-Type} header (default {@value DynamicRegistry#TYPE_BUNDLE}),
 * {@code path} the file the bundle was installed from and {@code metadata} the descriptive headers.
 *
 * @param name the component's name; never blank
 * @param type the component's type, for example {@code skill} or {@code service}; never blank
 * @param path the file the component comes from, or {@code null} when it has none
 * @param moduleName the module (for a bundle, its symbolic name) or {@code null}
 * @param lastModified when the component's file last changed, or {@code null} when unknown
 * @param version the component's version, or {@code null} when it has none
 * @param metadata descriptive key/value pairs; never {@code null}, copied and unmodifiable
 * @param error an error found while discovering the component, or {@code null}
 */
public record ComponentInfo(
        String name,
        String type,
        String path,
        String moduleName,
        Instant lastModified,
        String version,
        Map<String, String> metadata,
        String error) {

    /**
     * Checks and copies the fields.
     *
     * @param name the component's name; never blank
     * @param type the component's type, for example {@code skill} or {@code service}; never blank
     * @param path the file the component comes from, or {@code null} when it has none
     * @param moduleName the module (for a bundle, its symbolic name) or {@code null}
     * @param lastModified when the component's file last changed, or {@code null} when unknown
     * @param version the component's version, or {@code null} when it has none
     * @param metadata descriptive key/value pairs; never {@code null}, copied and unmodifiable
     * @param error an error found while discovering the component, or {@code null}
     * @throws IllegalArgumentException when {@code name} or {@code type} is null or blank
     */
    public ComponentInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("component name must not be blank");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("component type must not be blank (for example 'skill')");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A component with only a name and a type: no path, no version, no metadata.
     *
     * @param name the component's name
     * @param type the component's type
     * @return the new value
     * @throws IllegalArgumentException when {@code name} or {@code type} is blank
     */
    public static ComponentInfo of(String name, String type) {
        return new ComponentInfo(name, type, null, null, null, null, Map.of(), null);
    }

    /**
     * A bundle component: a JAR to install, whose name, type and version the registry reads from
     * its manifest when it installs it.
     *
     * @param path the JAR file
     * @return the new value, named after the file until it is installed
     */
    public static ComponentInfo ofJar(String path) {
        Objects.requireNonNull(path, "path");
        String file = path.replace('\\', '/');
        String name = file.substring(file.lastIndexOf('/') + 1);
        return new ComponentInfo(name, DynamicRegistry.TYPE_BUNDLE, path, null, null, null, Map.of(), null);
    }

    /**
     * A copy with another path.
     *
     * @param newPath the path, or {@code null} for none
     * @return the new value
     */
    public ComponentInfo withPath(String newPath) {
        return new ComponentInfo(name, type, newPath, moduleName, lastModified, version, metadata, error);
    }

    /**
     * A copy with another version.
     *
     * @param newVersion the version, or {@code null} for none
     * @return the new value
     */
    public ComponentInfo withVersion(String newVersion) {
        return new ComponentInfo(name, type, path, moduleName, lastModified, newVersion, metadata, error);
    }

    /**
     * A copy with other metadata.
     *
     * @param newMetadata the metadata, copied
     * @return the new value
     */
    public ComponentInfo withMetadata(Map<String, String> newMetadata) {
        return new ComponentInfo(name, type, path, moduleName, lastModified, version, newMetadata, error);
    }
}
