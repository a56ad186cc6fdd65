package io.happyos.registry.core.persist;

import io.happyos.registry.RegistryException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the database back at its path after the file was deleted or replaced while open. The open
 * connections still reach the old file (unlinked, with its WAL), which holds every committed
 * change: it is copied whole ({@code VACUUM INTO}) to a new file, synced, and renamed into place.
 * Its WAL and shared-memory files, if still at their paths, belong to the old file and are removed
 * before the new one is opened (applied to it, they would corrupt it). A file that replaced the
 * database is moved aside, not overwritten. Runs on the writer thread, outside a transaction.
 */
final class DatabaseRecreation {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRecreation.class);

    private DatabaseRecreation() {}

    /**
     * Writes a copy of the database, from the old write connection, where the file should be.
     *
     * @param oldWriter the write connection to the deleted or replaced file, still open
     * @param file the database's path
     * @throws RegistryException when the copy cannot be written; the old connections are unchanged
     */
    static void copyInPlace(Connection oldWriter, Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".recreating");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temp);
            try (PreparedStatement s = oldWriter.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, temp.toString());
                s.execute();
            }
            try (FileChannel copy = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                copy.force(true);
            }
            moveAsideWhatReplacedIt(file);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(file.getParent());
        } catch (IOException | SQLException e) {
            deleteQuietly(temp);
            throw new RegistryException(
                    file + " was deleted or replaced while the container ran and cannot be"
                            + " re-created (" + e.getMessage()
                            + "); changes are refused until it can be: make the storage"
                            + " folder writable and free some disk space",
                    e);
        }
    }

    /**
     * Removes the old file's WAL and shared-memory files, once no connection to it is open.
     *
     * @param file the database's path
     * @throws IOException when they cannot be removed
     */
    static void removeOldWal(Path file) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static void moveAsideWhatReplacedIt(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path aside = file.resolveSibling(file.getFileName() + ".replaced-" + System.currentTimeMillis());
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn(
                "{} was replaced by another file while the container ran: that file is kept as {}, and the"
                        + " registry's database is put back in its place",
                file,
                aside.getFileName());
    }

    /** Makes the rename durable; some file systems cannot sync a folder, which is then left to the OS. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync the folder {}: {}", folder, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
