package io.happyos.registry.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checksum of the JAR each folder bundle was installed from, kept in
 * {@code STORAGE/deploy-state.properties}, so that a start-up can tell which files changed while the
 * container was down. Written through a temporary file and a rename, so a crash leaves the old or
 * the new state, never half of one.
 */
final class DeployState {

    private static final Logger LOG = LoggerFactory.getLogger(DeployState.class);

    private final Path file;
    private final Properties checksums = new Properties();

    DeployState(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                checksums.load(in);
            } catch (IOException e) {
                LOG.warn("cannot read {}: every folder JAR will be treated as changed ({})", file, e.getMessage());
            }
        }
    }

    synchronized String checksum(String location) {
        return checksums.getProperty(location);
    }

    synchronized void put(String location, String sha256) {
        checksums.setProperty(location, sha256);
        save();
    }

    /** Records a checksum in memory only; {@link #save()} writes it, once for many JARs. */
    synchronized void putUnsaved(String location, String sha256) {
        checksums.setProperty(location, sha256);
    }

    synchronized void remove(String location) {
        if (checksums.remove(location) != null) {
            save();
        }
    }

    /** Writes the checksums to the file. */
    synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                checksums.store(out, "checksums of the bundles installed from the bundles folder");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.getMessage());
        }
    }
}
