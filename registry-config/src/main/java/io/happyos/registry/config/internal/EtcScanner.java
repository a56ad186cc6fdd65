package io.happyos.registry.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, over repeated scans, which configuration files of the etc folder are ready to read: a
 * file new or changed since it was last reported is reported once its size and last-modified time
 * have stayed the same for the settle time (so a file still being written is not read half-way);
 * at the first scan, every file is reported at once. A file reported before and gone now is
 * reported as removed. While the folder itself is missing nothing is reported (its files count as
 * there until it comes back), so a folder deleted by mistake deletes no configuration by itself.
 * Only regular files whose name {@link ConfigFileName#parse} accepts count. Time comes from the
 * given clock. Not thread-safe: the watcher thread owns it.
 */
final class EtcScanner {

    private static final Logger LOG = LoggerFactory.getLogger(EtcScanner.class);

    /**
     * What to handle.
     *
     * @param ready files to read, sorted
     * @param removed files gone, sorted
     */
    record Changes(List<Path> ready, List<Path> removed) {

        /** Copies the lists. */
        Changes {
            ready = List.copyOf(ready);
            removed = List.copyOf(removed);
        }

        /** @return true when there is nothing to handle */
        boolean isEmpty() {
            return ready.isEmpty() && removed.isEmpty();
        }
    }

    private record Stamp(long size, FileTime modified) {}

    private record FileState(Stamp observed, long stableSince, Stamp reported) {}

    private final Path folder;
    private final long settleMillis;
    private final LongSupplier clock;
    private final Map<Path, FileState> files = new HashMap<>();
    private final Set<Path> retries = new HashSet<>();
    private boolean scannedOnce;
    private boolean missingReported;

    /**
     * @param folder the etc folder; it need not exist
     * @param settleMillis how long a file must stay the same before it is read; not negative
     * @param clock the time in milliseconds
     */
    EtcScanner(Path folder, long settleMillis, LongSupplier clock) {
        if (settleMillis < 0) {
            throw new IllegalArgumentException("settleMillis must not be negative: " + settleMillis);
        }
        this.folder = folder;
        this.settleMillis = settleMillis;
        this.clock = clock;
    }

    /**
     * Scans the folder once.
     *
     * @return what to handle
     */
    Changes scan() {
        Map<Path, Stamp> present = list();
        if (present == null) {
            return new Changes(List.of(), List.of());
        }
        long now = clock.getAsLong();
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<Path, Stamp> file : present.entrySet()) {
            FileState state = files.get(file.getKey());
            Stamp stamp = file.getValue();
            if (state == null || !state.observed().equals(stamp)) {
                state = new FileState(stamp, now, state == null ? null : state.reported());
            }
            boolean settled = !scannedOnce || now - state.stableSince() >= settleMillis;
            if (settled && !stamp.equals(state.reported())) {
                ready.add(file.getKey());
                state = new FileState(stamp, state.stableSince(), stamp);
            }
            files.put(file.getKey(), state);
        }
        for (Path retry : retries) {
            if (present.containsKey(retry) && !ready.contains(retry)) {
                ready.add(retry);
            }
        }
        retries.clear();
        List<Path> removed = new ArrayList<>();
        for (Iterator<Path> known = files.keySet().iterator(); known.hasNext(); ) {
            Path file = known.next();
            if (!present.containsKey(file)) {
                known.remove();
                removed.add(file);
            }
        }
        scannedOnce = true;
        ready.sort(null);
        removed.sort(null);
        return new Changes(ready, removed);
    }

    /**
     * Reports a file again at the next scan, changed or not: one that could not be read (its
     * permissions change no last-modified time).
     *
     * @param file the file
     */
    void retryLater(Path file) {
        retries.add(file);
    }

    /** @return whether a file is waiting to settle (the watcher then scans again after the settle time) */
    boolean pending() {
        for (FileState state : files.values()) {
            if (!state.observed().equals(state.reported())) {
                return true;
            }
        }
        return false;
    }

    /** The configuration files present and their stamps; null when the folder is missing or unreadable. */
    private Map<Path, Stamp> list() {
        Map<Path, Stamp> present = new HashMap<>();
        Set<String> unnamed = new HashSet<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                String name = file.getFileName().toString();
                if (ConfigFileName.parse(name).isEmpty()) {
                    unnamed.add(name);
                    continue;
                }
                Stamp stamp = stamp(file);
                if (stamp != null) {
                    present.put(file, stamp);
                }
            }
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            if (!missingReported) {
                LOG.warn("the etc folder {} is missing; configurations kept; watching for it to come back", folder);
                missingReported = true;
            }
            return null;
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("cannot list the etc folder {}: {}; configurations kept", folder, e.toString());
            return null;
        }
        if (missingReported) {
            LOG.info("the etc folder {} is back", folder);
            missingReported = false;
        }
        LOG.trace("not configuration files in {}: {}", folder, unnamed);
        return present;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? new Stamp(attributes.size(), attributes.lastModifiedTime()) : null;
        } catch (IOException gone) {
            return null;
        }
    }
}
