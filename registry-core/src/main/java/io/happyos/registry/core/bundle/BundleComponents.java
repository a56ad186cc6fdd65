package io.happyos.registry.core.bundle;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;

/** How a bundle reads as a component: its preferred id, name, type, path and metadata. */
public final class BundleComponents {

    /** Location prefix of the bundles the container itself carries and installs. */
    public static final String RUNTIME_LOCATION_PREFIX = "happyos-runtime:";

    private BundleComponents() {}

    /**
     * The id a bundle asks for: its symbolic name.
     *
     * @param bundle the bundle
     * @return the symbolic name, or {@code bundle-N} when it has none
     */
    public static String preferredId(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name == null ? "bundle-" + bundle.getBundleId() : name;
    }

    /**
     * What the registry knows of a bundle, from its headers.
     *
     * @param bundle the bundle
     * @return the component information
     */
    public static ComponentInfo info(Bundle bundle) {
        Dictionary<String, String> headers = bundle.getHeaders("");
        Map<String, String> metadata = new TreeMap<>();
        for (Enumeration<String> keys = headers.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (isDescriptive(key) && headers.get(key) != null) {
                metadata.put(key, headers.get(key));
            }
        }
        return new ComponentInfo(
                preferredId(bundle),
                type(bundle, headers),
                path(bundle.getLocation()),
                bundle.getSymbolicName(),
                Instant.ofEpochMilli(bundle.getLastModified()),
                bundle.getVersion().toString(),
                metadata,
                null);
    }

    private static boolean isDescriptive(String header) {
        return header.equals(Constants.BUNDLE_NAME)
                || header.equals(Constants.BUNDLE_VENDOR)
                || header.equals(Constants.BUNDLE_DESCRIPTION)
                || header.regionMatches(true, 0, "HappyOS-", 0, "HappyOS-".length());
    }

    private static String type(Bundle bundle, Dictionary<String, String> headers) {
        if (isSystem(bundle)) {
            return DynamicRegistry.TYPE_SYSTEM;
        }
        String declared = headers.get(DynamicRegistry.COMPONENT_TYPE_HEADER);
        return declared == null || declared.isBlank() ? DynamicRegistry.TYPE_BUNDLE : declared.trim();
    }

    /**
     * Whether a bundle is part of the container: the system bundle, or one the launcher installed.
     *
     * @param bundle the bundle
     * @return {@code true} for the container's own bundles
     */
    public static boolean isSystem(Bundle bundle) {
        return bundle.getBundleId() == 0 || bundle.getLocation().startsWith(RUNTIME_LOCATION_PREFIX);
    }

    /**
     * Whether the framework has marked a bundle to start (its persistent autostart setting), so that
     * it starts the bundle itself when the framework starts.
     *
     * @param bundle the bundle
     * @return {@code true} when marked to start
     */
    public static boolean isMarkedToStart(Bundle bundle) {
        org.osgi.framework.startlevel.BundleStartLevel level =
                bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    /**
     * Whether a bundle is a fragment, which attaches to a host and is never started itself.
     *
     * @param bundle the bundle
     * @return {@code true} for a fragment
     */
    public static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /**
     * The file a location names: a {@code file:} URI becomes a path; other locations are kept as
     * they are; the container's runtime bundles have none.
     *
     * @param location a bundle location
     * @return the path, or {@code null}
     */
    public static String path(String location) {
        if (location.startsWith(RUNTIME_LOCATION_PREFIX)) {
            return null;
        }
        if (location.startsWith("file:")) {
            try {
                return Path.of(URI.create(location)).toString();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return location;
            }
        }
        return location;
    }
}
