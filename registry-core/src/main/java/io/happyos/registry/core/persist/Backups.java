package io.happyos.registry.core.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The copies written beside the database before an upgrade: {@code registry.db.bak-vN}. */
final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private Backups() {}

    /**
     * @param database the database file
     * @param version the schema version it had
     * @return where the copy of that version goes
     */
    static Path pathFor(Path database, int version) {
        return database.resolveSibling(database.getFileName() + ".bak-v" + version);
    }

    /**
     * Copies the database before it is upgraded: checkpoints the WAL into the main file first, so
     * the copy holds every committed transaction.
     *
     * @param writer the only connection writing to it
     * @param database the database file
     * @param version its schema version now
     * @return the copy
     * @throws SQLException when the checkpoint fails
     * @throws StartupRefusedException when the checkpoint cannot complete or the copy cannot be written
     */
    static Path write(Connection writer, Path database, int version) throws SQLException {
        try (Statement s = writer.createStatement();
                var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw StartupRefusedException.inUse(database, null);
            }
        }
        Path backup = pathFor(database, version);
        Path temp = backup.resolveSibling(backup.getFileName() + ".tmp");
        try {
            Files.copy(database, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw StartupRefusedException.unusable(
                    database,
                    "cannot write the backup " + backup.getFileName() + " before upgrading it (" + e + ")",
                    "free some disk space or make the folder writable, "
                            + "then start again; the database was not changed",
                    e);
        }
        LOG.info("copied {} (schema version {}) to {} before upgrading it", database, version, backup);
        return backup;
    }

    /**
     * @param database the database file
     * @return the backup of the highest version beside it, or {@code null} when there is none
     */
    static Path newest(Path database) {
        Path folder = database.toAbsolutePath().getParent();
        String prefix = database.getFileName() + ".bak-v";
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> versionOf(p, prefix) >= 0)
                    .max(Comparator.comparingInt(p -> versionOf(p, prefix)))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path file, String prefix) {
        String name = file.getFileName().toString();
        if (!name.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
