package io.happyos.registry.core.persist;

import io.happyos.registry.RegistryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's SQLite database ({@code STORAGE/registry.db}): one connection for the
 * {@link DurableWriter}, one for reads. In WAL mode the reader sees the last committed state while
 * the writer writes; {@code synchronous=NORMAL} keeps every committed transaction through a
 * process kill (a power cut may lose the last ones).
 *
 * <p>Thread safety: {@link #read} may be called from any thread (reads are serialized);
 * {@link #writeConnection()} belongs to the writer thread alone.
 */
public final class RegistryDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryDatabase.class);

    private final Path file;
    private final ContainerLock lock;
    private final Connection writer;
    private final Connection reader;

    RegistryDatabase(Path file, ContainerLock lock, Connection writer, Connection reader) {
        this.file = file;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens the database, creating it when there is none, and brings its schema up to date;
     * an existing database with data is first copied to {@code FILE.bak-vOLDVERSION}. Also takes
     * {@code FILE.lock}, held until {@link #close()}.
     *
     * @param file the database file, e.g. {@code STORAGE/registry.db}
     * @return the open database
     * @throws StartupRefusedException when the file is not a database or is damaged, was written by
     *     a newer container, is in use by another container, or cannot be opened or upgraded; the
     *     file is then left as it was
     */
    public static RegistryDatabase open(Path file) {
        return DatabaseStartup.open(file);
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    /** @return the newest schema version this code knows, which an open database has */
    public static int schemaVersion() {
        return Schema.LATEST;
    }

    /**
     * Reads through the read connection, one reader at a time. The connection is in auto-commit
     * mode; wrap several statements in {@code BEGIN}/{@code COMMIT} to see one snapshot.
     *
     * @param query what to read; must not write or keep the connection
     * @param <T> what it returns
     * @return what the query returned
     * @throws RegistryException when the database cannot answer
     */
    public <T> T read(SqlFunction<Connection, T> query) {
        synchronized (reader) {
            try {
                return query.apply(reader);
            } catch (SQLException e) {
                throw new RegistryException("could not read the registry database " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The write connection, in auto-commit mode, for the {@link DurableWriter} only: SQLite allows
     * one writer at a time and the writer groups changes into transactions.
     *
     * @return the connection
     */
    public Connection writeConnection() {
        return writer;
    }

    /** Closes both connections (the last one checkpoints the WAL) and releases the lock. */
    @Override
    public void close() {
        synchronized (reader) {
            close(reader);
        }
        close(writer);
        lock.close();
        LOG.info("registry database {} closed", file);
    }

    private void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the registry database {}: {}", file, e.getMessage());
        }
    }
}
