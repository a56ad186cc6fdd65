package io.happyos.registry.core.persist;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens SQLite connections through the driver's own data source: {@code DriverManager} only sees
 * drivers visible to the caller's class loader, which in OSGi is not the sqlite-jdbc bundle.
 */
final class Connections {

    /** How long a connection waits for a lock once the start-up checks have passed. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private Connections() {}

    /**
     * Opens a connection that does not wait for locks: a locked database fails at once with
     * {@code SQLITE_BUSY}, which start-up reports as "in use".
     *
     * @param file the database file
     * @param readOnly whether to open it read-only (never creating it)
     * @return the connection, in auto-commit mode
     * @throws SQLException when it cannot be opened
     */
    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        config.setReadOnly(readOnly);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    /**
     * Runs one statement that returns nothing of interest, such as a PRAGMA.
     *
     * @param c the connection
     * @param sql the statement
     * @throws SQLException when it fails
     */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs a query whose answer is one value in the first row.
     *
     * @param c the connection
     * @param sql the query
     * @return the first column of the first row as text, or {@code null} when there is no row
     * @throws SQLException when it fails
     */
    static String queryText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * @param c the connection
     * @return the schema version recorded in {@code PRAGMA user_version}
     * @throws SQLException when it cannot be read
     */
    static int userVersion(Connection c) throws SQLException {
        String v = queryText(c, "PRAGMA user_version");
        return v == null ? 0 : Integer.parseInt(v);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing, or closing: nothing more to do with it
        }
    }
}
