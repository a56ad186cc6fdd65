package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code STORAGE/registry.lock}, so that two containers never share a
 * storage folder. The file holds the process id of the container that has it. The operating
 * system drops the lock when that process ends, however it ends, so a file left behind by a
 * crash does not block the next start.
 */
final class StorageLock implements AutoCloseable {

    /** The lock file's name in the storage folder; {@code --clean} keeps it. */
    static final String FILE_NAME = "registry.lock";

    private final FileChannel channel;

    private StorageLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock and writes this process's id into the file.
     *
     * @param storageDir the storage folder, which exists
     * @return the lock, held until {@link #close()} or the end of the process
     * @throws StartupException when another process holds it (the message names its pid), or the
     *     file cannot be created or locked
     */
    static StorageLock acquire(Path storageDir) throws StartupException {
        Path file = file(storageDir);
        FileChannel channel;
        try {
            // no TRUNCATE_EXISTING: the file may hold the pid of the container that has the lock
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupException("Cannot create the lock file " + file + ": " + e, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                throw inUse(storageDir);
            }
            writePid(channel);
            return new StorageLock(channel);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(storageDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("Cannot lock " + file + ": " + e, e);
        }
    }

    static Path file(Path storageDir) {
        return storageDir.resolve(FILE_NAME);
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.force(false);
    }

    private static StartupException inUse(Path storageDir) {
        return new StartupException("another container (" + holder(storageDir) + ") is using the storage folder "
                + storageDir + ": stop it first, or start this one with another --storage");
    }

    /** "pid N" from the lock file, or "unknown pid" while it is empty, unreadable or garbled. */
    private static String holder(Path storageDir) {
        try {
            String text = Files.readString(file(storageDir), StandardCharsets.US_ASCII)
                    .strip();
            return "pid " + Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return "unknown pid";
        }
    }

    /** Releases the lock; the file stays, so that a waiting reader never sees it vanish. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the process is stopping or the lock was not taken: nothing left to release
        }
    }
}
