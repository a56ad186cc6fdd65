package io.happyos.registry.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything is handed to the framework, that a file of the bundles folder is a
 * complete OSGi bundle JAR: it is a whole ZIP (see {@link CompleteZip}, so a half-copied file is
 * caught) that opens, has a manifest,
 * and the manifest names the bundle with a usable symbolic name and version. Never throws: every
 * problem ends up in {@link JarCheck#reason()}.
 */
public final class JarInspector {

    private static final Logger LOG = LoggerFactory.getLogger(JarInspector.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private JarInspector() {}

    /**
     * What {@link #inspect(Path)} found.
     *
     * @param valid true when the file can be installed as a bundle
     * @param symbolicName the Bundle-SymbolicName without directives; null when not found
     * @param version the Bundle-Version, normalized ({@code "1.0"} gives {@code "1.0.0"}),
     *     {@code "0.0.0"} when the header is absent; null when not found or invalid
     * @param sha256 the lowercase hex SHA-256 of the file's bytes; null only when the file cannot
     *     be read at all
     * @param reason null when valid; otherwise one sentence naming the problem and the fix
     */
    public record JarCheck(boolean valid, String symbolicName, String version, String sha256, String reason) {}

    /**
     * Inspects one file.
     *
     * @param file the candidate bundle JAR
     * @return the result; never null, and never throws for a bad or unreadable file
     */
    public static JarCheck inspect(Path file) {
        String sha256;
        try {
            sha256 = sha256(file);
        } catch (IOException e) {
            return invalid(
                    file,
                    null,
                    null,
                    null,
                    "the file cannot be read (" + e.getClass().getSimpleName() + ": " + describe(e)
                            + "): check that it exists and is readable");
        }
        Manifest manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = manifestEntry(zip);
            if (entry == null) {
                return invalid(
                        file, null, null, sha256, "no META-INF/MANIFEST.MF: build the JAR as an OSGi bundle (bnd)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = new Manifest(in);
            } catch (IOException e) {
                return invalid(
                        file,
                        null,
                        null,
                        sha256,
                        "META-INF/MANIFEST.MF cannot be read (" + describe(e)
                                + "): rebuild the bundle or copy a complete JAR");
            }
        } catch (IOException e) {
            return invalid(
                    file,
                    null,
                    null,
                    sha256,
                    "not a ZIP/JAR file (the central directory cannot be read: " + describe(e)
                            + "): copy a complete bundle JAR");
        }
        if (!isWholeZip(file)) {
            return invalid(
                    file,
                    null,
                    null,
                    sha256,
                    "incomplete ZIP/JAR file (its end record does not point at a"
                            + " central directory where it says, or bytes come before the ZIP): copy the complete bundle JAR"
                            + " again, under a temporary name then renamed");
        }
        return checkHeaders(file, manifest.getMainAttributes(), sha256);
    }

    /**
     * ZipFile alone is not enough: it accepts bytes before the ZIP, so a copy cut right after the
     * end record of a JAR stored inside the one being copied opens as that inner JAR.
     */
    private static boolean isWholeZip(Path file) {
        try {
            return CompleteZip.isComplete(file, Files.size(file));
        } catch (IOException e) {
            return false;
        }
    }

    private static JarCheck checkHeaders(Path file, Attributes headers, String sha256) {
        String symbolicName = symbolicName(headers.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (symbolicName == null) {
            return invalid(
                    file,
                    null,
                    null,
                    sha256,
                    "the manifest has no Bundle-SymbolicName: add one (bnd sets it from the project)");
        }
        String manifestVersion = headers.getValue(Constants.BUNDLE_MANIFESTVERSION);
        if (manifestVersion != null && !"2".equals(manifestVersion.trim())) {
            return invalid(
                    file,
                    symbolicName,
                    null,
                    sha256,
                    "Bundle-ManifestVersion '" + manifestVersion
                            + "' is not supported: use 2 (or leave it out) and rebuild the bundle");
        }
        String rawVersion = headers.getValue(Constants.BUNDLE_VERSION);
        String version;
        try {
            version = Version.parseVersion(rawVersion == null ? null : rawVersion.trim())
                    .toString();
        } catch (IllegalArgumentException e) {
            return invalid(
                    file,
                    symbolicName,
                    null,
                    sha256,
                    "Bundle-Version '" + rawVersion
                            + "' is not a valid OSGi version (" + e.getMessage()
                            + "): use major.minor.micro[.qualifier], e.g. 1.2.3");
        }
        String syntax = HeaderSyntax.problem(headers);
        if (syntax != null) {
            return invalid(file, symbolicName, version, sha256, syntax);
        }
        return new JarCheck(true, symbolicName, version, sha256, null);
    }

    /**
     * Reads only the manifest of a JAR (no checksum, no checks).
     *
     * @param jar the file
     * @return its Bundle-SymbolicName without directives; null when it has none or cannot be read
     */
    static String symbolicNameOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest == null
                    ? null
                    : symbolicName(manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME));
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the symbolic name without its directives and attributes, or null when blank. */
    private static String symbolicName(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        String name = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        return name.isEmpty() ? null : name;
    }

    /** The manifest entry; like JarFile, accepts any case for the name. */
    private static ZipEntry manifestEntry(ZipFile zip) {
        ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
        if (entry != null) {
            return entry;
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry candidate = entries.nextElement();
            if (candidate.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                return candidate;
            }
        }
        return null;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static JarCheck invalid(Path file, String symbolicName, String version, String sha256, String reason) {
        LOG.debug("{} is not a usable bundle: {}", file, reason);
        return new JarCheck(false, symbolicName, version, sha256, reason);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
