package io.happyos.registry.core.persist;

import io.happyos.registry.RegistryException;
import java.io.IOException;
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
    /** Guards {@link #reader}, which a re-creation replaces. */
    private final Object reading = new Object();
    // replaced only on the writer thread, by ensureInPlace
    private volatile Connection writer;
    private Connection reader;
    private volatile FileIdentity identity;
    private boolean noticed; // writer thread only: the file was found missing or replaced

    RegistryDatabase(Path file, ContainerLock lock, Connection writer, Connection reader) {
        this.file = file;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
        this.identity = FileIdentity.of(file);
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
        synchronized (reading) {
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

    /**
     * Makes sure the file at the path is the one the connections write to, and puts it back when
     * it was deleted or replaced while the container ran: a copy of the open (unlinked) file, with
     * every committed change, is renamed into place and the connections reopened on it (a file
     * that replaced it is moved aside to {@code FILE.replaced-MILLIS}). For the writer thread
     * alone, outside a transaction: call it before changes are acknowledged.
     *
     * @throws RegistryException when the file cannot be put back; nothing is acknowledged then
     */
    public void ensureInPlace() {
        if (identity.sameAs(FileIdentity.of(file))) {
            return;
        }
        if (!noticed) {
            noticed = true; // said once, however often putting it back fails
            LOG.warn(
                    "{} was deleted or replaced while the container ran: re-creating it with everything the"
                            + " registry kept",
                    file);
        }
        DatabaseRecreation.copyInPlace(writer, file);
        synchronized (reading) {
            close(reader);
            close(writer);
            try {
                DatabaseRecreation.removeOldWal(file);
                writer = DatabaseStartup.openWriter(file);
                reader = DatabaseStartup.openReader(file);
            } catch (IOException | SQLException e) {
                throw new RegistryException(
                        file + " was re-created but cannot be opened again (" + e.getMessage()
                                + "); stop the container and start it again: " + file.getFileName()
                                + " holds every change"
                                + " recorded so far",
                        e);
            }
            identity = FileIdentity.of(file);
        }
        noticed = false;
        LOG.warn("{} re-created; every change recorded so far is in it", file);
    }

    /** Closes both connections (the last one checkpoints the WAL) and releases the lock. */
    @Override
    public void close() {
        synchronized (reading) {
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
