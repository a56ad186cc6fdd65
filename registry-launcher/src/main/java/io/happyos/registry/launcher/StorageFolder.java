package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Prepares the storage folder: creates it, and for {@code --clean} empties it except for the logs
 * and the {@link StorageLock} file.
 */
final class StorageFolder {

    private StorageFolder() {}

    /**
     * Creates the storage folder and its {@code logs} folder.
     *
     * @param storageDir the storage folder
     * @throws StartupException when it cannot be created or is not a writable folder
     */
    static void prepare(Path storageDir) throws StartupException {
        try {
            Files.createDirectories(FrameworkSettings.logDir(storageDir));
        } catch (IOException e) {
            throw new StartupException("Cannot create the storage folder " + storageDir + ": " + e, e);
        }
        if (!Files.isWritable(storageDir)) {
            throw new StartupException("The storage folder " + storageDir + " is not writable");
        }
    }

    /**
     * Deletes everything in the storage folder except {@code logs} and the lock file. Call it only
     * while holding the {@link StorageLock}: deleting the file of a held lock would let another
     * container lock a new file of the same name.
     *
     * @param storageDir the storage folder
     * @throws StartupException when something cannot be deleted
     */
    static void clean(Path storageDir) throws StartupException {
        // the logs, the lock, and the remote-access secrets that clients hold on to: the HTTP token
        // (scripts send it) and the SSH host key (in the clients' known_hosts)
        Set<Path> kept = Set.of(
                FrameworkSettings.logDir(storageDir),
                StorageLock.file(storageDir),
                storageDir.resolve("http.token"),
                storageDir.resolve("ssh"));
        try (Stream<Path> children = Files.list(storageDir)) {
            for (Path child : children.filter(child -> !kept.contains(child)).toList()) {
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new StartupException("Cannot clean the storage folder " + storageDir + ": " + e, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
