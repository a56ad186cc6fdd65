package io.happyos.registry.core.deploy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code .quarantine/} folder of the bundles folder: each file there has its reason beside it
 * ({@code NAME.reason.txt}) and an entry in ERROR named after the file, for as long as it stays
 * there, across restarts. A quarantined file that changes (a copy that went on after a pause) is
 * examined again: once it is a valid, complete bundle it goes back into the bundles folder to be
 * deployed; otherwise its reason is brought up to date. Used on the lifecycle thread only.
 */
final class Quarantine {

    /** Where what the quarantine did is audited: operation, component id, error, details. */
    interface Audit {
        void record(String operation, String id, String error, String details);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    private static final String REASON_SUFFIX = ".reason.txt";

    private final Path folder;
    private final Path dir;
    private final ComponentStore store;
    private final Audit audit;

    Quarantine(Path folder, ComponentStore store, Audit audit) {
        this.folder = folder;
        this.dir = folder.resolve(FolderDeployer.QUARANTINE);
        this.store = store;
        this.audit = audit;
    }

    /**
     * Moves a file of the bundles folder into quarantine, with its reason and an entry in ERROR.
     *
     * @param jar the file
     * @param reason why, one sentence with the fix
     * @param scanner told that the file left the folder and is now watched in quarantine
     */
    void move(Path jar, String reason, FolderScanner scanner) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(jar.getFileName());
            Files.move(jar, target, StandardCopyOption.REPLACE_EXISTING);
            // watched from the moment it is there, before the reason tells anyone: a fix written
            // right after the reason appears is then a change, not the state first seen
            scanner.forget(jar);
            scanner.markQuarantined(target);
            Files.writeString(reasonFile(target), reason + System.lineSeparator());
            markError(target, reason);
            audit.record("quarantine", target.getFileName().toString(), reason, "moved to " + target);
            LOG.warn("{} quarantined in {}: {}", jar.getFileName(), dir, reason);
        } catch (IOException e) {
            LOG.warn("cannot quarantine {}: {}", jar, e.getMessage());
        }
    }

    /**
     * At start-up: an entry in ERROR for every quarantined file, with the reason kept beside it; a
     * file that is now a valid bundle (fixed while the container was down) goes back into the folder.
     *
     * @param scanner told which quarantined files there are, so that their changes are seen
     */
    void restore(FolderScanner scanner) {
        for (Path file : files()) {
            Path back = folder.resolve(file.getFileName());
            if (!Files.exists(back) && JarInspector.inspect(file).valid()) {
                putBack(file, back, scanner); // fixed while the container was down
                continue;
            }
            String reason;
            try {
                reason = Files.isRegularFile(reasonFile(file))
                        ? Files.readString(reasonFile(file)).strip()
                        : "the reason was not kept: remove the file from " + dir + " or fix and put it back";
            } catch (IOException e) {
                reason = "the reason cannot be read (" + e.getMessage() + "): remove the file or fix it";
            }
            markError(file, reason);
            scanner.markQuarantined(file);
        }
    }

    /**
     * Looks again at quarantined files that changed, appeared or went away.
     *
     * @param files the files, in the quarantine folder
     * @param scanner told of files that go back into the bundles folder
     */
    void reexamine(List<Path> files, FolderScanner scanner) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                clearEntry(file);
                deleteQuietly(reasonFile(file));
                LOG.info("{} was removed from {}: its ERROR entry is dropped", file.getFileName(), dir);
                continue;
            }
            JarInspector.JarCheck check = JarInspector.inspect(file);
            Path back = folder.resolve(file.getFileName());
            if (check.valid() && !Files.exists(back)) {
                putBack(file, back, scanner);
            } else if (!check.valid()) {
                update(file, check.reason());
            }
        }
    }

    /**
     * Drops the entry of a quarantined file (e.g. the file came back into the folder as a good one).
     *
     * @param jar the file, in the folder or in quarantine (only its name is used)
     */
    void clearEntry(Path jar) {
        String id = jar.getFileName().toString();
        store.find(id).filter(Quarantine::isQuarantineEntry).ifPresent(store::remove);
    }

    private void putBack(Path file, Path back, FolderScanner scanner) {
        try {
            Files.move(file, back, StandardCopyOption.ATOMIC_MOVE);
            scanner.forgetQuarantined(file);
            deleteQuietly(reasonFile(file));
            clearEntry(file);
            audit.record(
                    "unquarantine",
                    file.getFileName().toString(),
                    null,
                    "complete and valid now: moved back to " + back);
            LOG.info("{} is complete and valid now: moved back into {} to be deployed", file.getFileName(), folder);
        } catch (IOException e) {
            LOG.warn("cannot move {} back into {}: {}", file, folder, e.getMessage());
        }
    }

    private void update(Path file, String reason) {
        try {
            Files.writeString(reasonFile(file), reason + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("cannot write the reason for {}: {}", file, e.getMessage());
        }
        markError(file, reason);
        LOG.warn("{} changed in {} and is still not a usable bundle: {}", file.getFileName(), dir, reason);
    }

    private void markError(Path target, String reason) {
        String id = target.getFileName().toString();
        store.find(id).filter(r -> !r.hasBundle()).ifPresent(store::remove);
        ComponentRecord record = store.add(
                id,
                RegistryEntry.NO_BUNDLE,
                new ComponentInfo(
                        id, "bundle", target.toString(), null, null, null, Map.of("Quarantined", "true"), reason),
                ComponentStatus.DISCOVERED);
        store.markError(record, id + " quarantined: " + reason);
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot read the quarantine folder {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private static boolean isQuarantineEntry(ComponentRecord record) {
        return !record.hasBundle() && "true".equals(record.info().metadata().get("Quarantined"));
    }

    private static Path reasonFile(Path file) {
        return file.resolveSibling(file.getFileName() + REASON_SUFFIX);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
