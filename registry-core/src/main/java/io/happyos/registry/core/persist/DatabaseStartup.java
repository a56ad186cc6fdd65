package io.happyos.registry.core.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the registry database at start-up, or refuses to. The checks come before anything that
 * could change the file: a refused file is left exactly as it was.
 *
 * <ol>
 * <li>take {@code registry.db.lock} (another container holds it: in use);
 * <li>an existing file is read through a read-only connection: empty (0 bytes), not a database,
 * {@code quick_check} not "ok" or tables the registry never creates: not usable;
 * {@code user_version} above {@link Schema#LATEST}: newer; locked: in use (only a missing file is
 * created);
 * <li>the write connection begins and rolls back an immediate transaction without waiting
 * (busy: in use);
 * <li>a database with data and an older version is copied to {@code registry.db.bak-vN};
 * <li>WAL and {@code synchronous=NORMAL} are set and the migrations applied.
 * </ol>
 */
final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

    private DatabaseStartup() {}

    static RegistryDatabase open(Path file) {
        Path db = file.toAbsolutePath().normalize();
        createFolder(db);
        ContainerLock lock = ContainerLock.acquire(db);
        Connection writer = null;
        Connection reader = null;
        try {
            if (Files.exists(db)) {
                checkExisting(db);
            }
            writer = Connections.open(db, false);
            Connections.execute(writer, "BEGIN IMMEDIATE");
            Connections.execute(writer, "ROLLBACK");
            int version = Connections.userVersion(writer);
            if (version > Schema.LATEST) {
                throw StartupRefusedException.newer(db, version, Schema.LATEST, Backups.newest(db));
            }
            if (version < Schema.LATEST && hasData(writer, version)) {
                Backups.write(writer, db, version);
            }
            useWal(writer, db);
            upgrade(writer, db, version);
            Connections.execute(writer, "PRAGMA busy_timeout = " + Connections.BUSY_TIMEOUT_MILLIS);
            reader = openReader(db);
            LOG.info("registry database {} opened at schema version {}", db, Schema.LATEST);
            return new RegistryDatabase(db, lock, writer, reader);
        } catch (SQLException e) {
            closeAll(reader, writer, lock);
            throw SqliteErrors.refusal(db, e);
        } catch (RuntimeException e) {
            closeAll(reader, writer, lock);
            throw e;
        }
    }

    private static void createFolder(Path db) {
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw StartupRefusedException.unusable(
                    db, "cannot create its folder (" + e + ")", "check the storage folder's permissions", e);
        }
    }

    /**
     * Looks at an existing file without writing to it: a read-only connection never checkpoints.
     * Only a missing file is a new registry; an empty one lost what it held, and one with tables
     * the registry never creates belongs to another program.
     */
    private static void checkExisting(Path db) throws SQLException {
        if (isEmpty(db)) {
            throw StartupRefusedException.corrupt(
                    db, "the file is empty (0 bytes), so whatever it held is lost", Backups.newest(db), null);
        }
        try (Connection c = Connections.open(db, true)) {
            List<String> problems = quickCheck(c);
            if (!problems.equals(List.of("ok"))) {
                throw StartupRefusedException.corrupt(
                        db, "quick_check: " + String.join("; ", problems), Backups.newest(db), null);
            }
            int version = Connections.userVersion(c);
            if (version > Schema.LATEST) {
                throw StartupRefusedException.newer(db, version, Schema.LATEST, Backups.newest(db));
            }
            List<String> foreign = foreignTables(c);
            if (!foreign.isEmpty()) {
                throw StartupRefusedException.corrupt(
                        db,
                        "it is an SQLite file of another program: the registry never" + " creates the tables "
                                + String.join(", ", foreign),
                        Backups.newest(db),
                        null);
            }
            java.util.Set<String> missing = new java.util.TreeSet<>(Schema.tablesAt(version));
            missing.removeAll(tables(c));
            if (!missing.isEmpty()) {
                throw StartupRefusedException.corrupt(
                        db,
                        "schema version " + version + " but its tables " + String.join(", ", missing) + " are missing",
                        Backups.newest(db),
                        null);
            }
        }
    }

    private static boolean isEmpty(Path db) {
        try {
            return Files.size(db) == 0;
        } catch (IOException e) {
            return false; // opening it reports what is wrong
        }
    }

    private static List<String> foreignTables(Connection c) throws SQLException {
        return tables(c).stream().filter(t -> !Schema.TABLES.contains(t)).toList();
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT name FROM sqlite_master"
                        + " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> quickCheck(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static boolean hasData(Connection writer, int version) throws SQLException {
        return version > 0 || Connections.queryText(writer, "SELECT 1 FROM sqlite_master LIMIT 1") != null;
    }

    /**
     * Opens the write connection to a database known to be the registry's and up to date (one just
     * re-created), set up as at start-up.
     *
     * @param db the database file
     * @return the connection
     * @throws SQLException when it cannot be opened
     */
    static Connection openWriter(Path db) throws SQLException {
        Connection writer = Connections.open(db, false);
        try {
            useWal(writer, db);
            Connections.execute(writer, "PRAGMA busy_timeout = " + Connections.BUSY_TIMEOUT_MILLIS);
            return writer;
        } catch (SQLException | RuntimeException e) {
            Connections.closeQuietly(writer);
            throw e;
        }
    }

    /**
     * @param db the database file
     * @return a read-only connection that waits for locks as the writer does
     * @throws SQLException when it cannot be opened
     */
    static Connection openReader(Path db) throws SQLException {
        Connection reader = Connections.open(db, true);
        Connections.execute(reader, "PRAGMA busy_timeout = " + Connections.BUSY_TIMEOUT_MILLIS);
        return reader;
    }

    private static void useWal(Connection writer, Path db) throws SQLException {
        String mode = Connections.queryText(writer, "PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
            throw StartupRefusedException.unusable(
                    db,
                    "cannot switch it to write-ahead logging (journal mode stays " + mode + ")",
                    "put the storage folder on a local disk",
                    null);
        }
        Connections.execute(writer, "PRAGMA synchronous = NORMAL");
    }

    private static void upgrade(Connection writer, Path db, int version) throws SQLException {
        try {
            Schema.migrate(writer, version);
        } catch (SQLException e) {
            if (SqliteErrors.isBusy(e)) {
                throw e;
            }
            Path backup = Backups.newest(db);
            throw StartupRefusedException.unusable(
                    db,
                    "cannot upgrade it from schema version " + version + " to " + Schema.LATEST + " (" + e.getMessage()
                            + "); it was left at version " + version,
                    backup == null
                            ? "run the container that wrote it, or start with --clean"
                            : "run the container that wrote it, restore " + backup.getFileName()
                                    + ", or start with --clean",
                    e);
        }
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            Connections.closeQuietly(r);
        }
    }
}
