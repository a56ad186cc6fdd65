package io.happyos.registry.core.persist;

import java.nio.file.Path;
import java.sql.SQLException;

/** Reads SQLite's result codes out of JDBC exceptions and turns start-up failures into refusals. */
final class SqliteErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {}

    /**
     * @param e a failure from the SQLite driver
     * @return SQLite's primary result code, or 0 when none is known
     */
    static int primaryCode(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // sqlite-jdbc reports the (possibly extended) result code as the vendor code
            if (t instanceof SQLException s && s.getErrorCode() != 0) {
                return s.getErrorCode() & 0xff;
            }
        }
        return 0;
    }

    static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    }

    static boolean isCorrupt(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /**
     * Why the container cannot start with this database.
     *
     * @param file the database file
     * @param e what SQLite said while opening or checking it
     * @return the refusal to throw
     */
    static StartupRefusedException refusal(Path file, SQLException e) {
        if (isBusy(e)) {
            return StartupRefusedException.inUse(file, e);
        }
        if (isCorrupt(e)) {
            return StartupRefusedException.corrupt(file, e.getMessage(), Backups.newest(file), e);
        }
        return StartupRefusedException.unusable(
                file,
                "cannot open the registry database (" + e.getMessage() + ")",
                "check that the file and its folder are readable and writable",
                e);
    }
}
