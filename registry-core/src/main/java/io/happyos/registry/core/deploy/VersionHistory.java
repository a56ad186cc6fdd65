package io.happyos.registry.core.deploy;

import io.happyos.registry.JarVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JARs the registry installed, kept under {@code STORAGE/history/SYMBOLICNAME/} as
 * {@code STOREDATMILLIS_VERSION_SHA256.jar}: the newest is the one installed now, the others are
 * what a rollback can reinstate. Names from manifests become file names through
 * {@link SafeFileName}, so no name leads outside the history folder or into another's. Only the newest {@code keep} (plus the current one) are kept.
 */
public final class VersionHistory {

    private static final Logger LOG = LoggerFactory.getLogger(VersionHistory.class);

    private final Path root;
    private final int keep;

    /**
     * @param root the history folder
     * @param keep how many earlier versions to keep per component
     */
    public VersionHistory(Path root, int keep) {
        this.root = root;
        this.keep = keep;
    }

    /**
     * Records a JAR as the version of a component installed now.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version its version
     * @param sha256 its checksum
     * @param jar the file to copy
     * @return the stored version
     * @throws IOException when it cannot be copied
     */
    public JarVersion record(String symbolicName, String version, String sha256, Path jar) throws IOException {
        List<JarVersion> existing = list(symbolicName);
        if (!existing.isEmpty() && existing.get(0).checksum().equals(sha256)) {
            return existing.get(0);
        }
        Path dir = Files.createDirectories(folderOf(symbolicName));
        long now = Instant.now().toEpochMilli();
        Path target = dir.resolve(
                now + "_" + SafeFileName.encode(version, false) + "_" + SafeFileName.encode(sha256, false) + ".jar");
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune(symbolicName);
        return parse(target);
    }

    /**
     * Makes a kept version the newest again: it is what is installed now, after a rollback.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version a version from {@link #list}
     */
    public void recordExisting(String symbolicName, JarVersion version) {
        try {
            record(symbolicName, version.version(), version.checksum() + "", Path.of(version.path()));
            Path source = Path.of(version.path());
            if (list(symbolicName).size() > 0
                    && !list(symbolicName).get(0).path().equals(version.path())) {
                Files.deleteIfExists(source);
            }
        } catch (IOException e) {
            LOG.warn("cannot record the rollback of {} to {}: {}", symbolicName, version.version(), e.getMessage());
        }
    }

    /**
     * Every version kept, newest first.
     *
     * @param symbolicName the bundle's symbolic name
     * @return the versions
     */
    public List<JarVersion> list(String symbolicName) {
        Path dir = folderOf(symbolicName);
        moveFromLegacyFolder(symbolicName, dir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JarVersion> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(f -> {
                JarVersion v = parse(f);
                if (v != null) {
                    versions.add(v);
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot read the version history in {}: {}", dir, e.getMessage());
        }
        versions.sort(Comparator.comparing(JarVersion::storedAt).reversed());
        return List.copyOf(versions);
    }

    /**
     * Opens a stored version.
     *
     * @param version the version
     * @return its bytes
     * @throws IOException when it cannot be read
     */
    public InputStream open(JarVersion version) throws IOException {
        return Files.newInputStream(Path.of(version.path()));
    }

    private void prune(String symbolicName) {
        List<JarVersion> versions = list(symbolicName);
        for (int i = keep + 1; i < versions.size(); i++) {
            try {
                Files.deleteIfExists(Path.of(versions.get(i).path()));
            } catch (IOException e) {
                LOG.warn("cannot delete old version {}: {}", versions.get(i).path(), e.getMessage());
            }
        }
    }

    private static JarVersion parse(Path file) {
        String name = file.getFileName().toString();
        String[] parts = name.substring(0, name.length() - ".jar".length()).split("_", 3);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new JarVersion(
                    SafeFileName.decode(parts[1]),
                    SafeFileName.decode(parts[2]),
                    Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    file.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Always a child of the root, whatever the name ({@code ..}, {@code a/b}), and one per name. */
    private Path folderOf(String symbolicName) {
        return root.resolve(SafeFileName.encode(symbolicName, true));
    }

    /**
     * Versions kept before names were mapped one to one sit in a folder named with every character
     * other than letters, digits, '.' and '-' turned into '-', which names such as {@code a_b} and
     * {@code a-b} share: the JARs whose manifest names this component move to its own folder.
     */
    private void moveFromLegacyFolder(String symbolicName, Path dir) {
        String legacy = symbolicName.replaceAll("[^A-Za-z0-9.\\-]", "-");
        Path legacyDir = root.resolve(legacy);
        if (legacy.startsWith(".") || legacyDir.equals(dir) || !Files.isDirectory(legacyDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(legacyDir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .toList()) {
                if (symbolicName.equals(JarInspector.symbolicNameOf(jar))) {
                    Files.createDirectories(dir);
                    Files.move(jar, dir.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            LOG.warn(
                    "cannot move the versions of {} kept in {} to {}: {}",
                    symbolicName,
                    legacyDir,
                    dir,
                    e.getMessage());
        }
    }
}
