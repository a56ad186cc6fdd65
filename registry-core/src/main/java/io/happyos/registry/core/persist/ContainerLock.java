package io.happyos.registry.core.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock on {@code registry.db.lock}, held while a container uses the database.
 * SQLite only shows that another process is busy while it is inside a transaction; this lock also
 * shows an idle container, and a second opening in the same JVM.
 */
final class ContainerLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLock.class);

    private final FileChannel channel;

    private ContainerLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock beside a database file.
     *
     * @param database the database file
     * @return the lock, to close when the database is closed
     * @throws StartupRefusedException when another container holds it, or it cannot be created
     */
    static ContainerLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw StartupRefusedException.unusable(
                    database,
                    "cannot create the lock file " + file.getFileName() + " (" + e + ")",
                    "check that the storage folder is writable",
                    e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                Connections.closeQuietly(channel);
                throw StartupRefusedException.inUse(database, null);
            }
        } catch (OverlappingFileLockException e) {
            Connections.closeQuietly(channel);
            throw StartupRefusedException.inUse(database, e);
        } catch (IOException e) {
            // some file systems cannot lock; SQLite's own check at start-up still applies
            LOG.warn("cannot lock {}, relying on SQLite's locking alone: {}", file, e.toString());
        }
        return new ContainerLock(channel);
    }

    /** Releases the lock; the file stays, empty. */
    @Override
    public void close() {
        Connections.closeQuietly(channel);
    }
}
