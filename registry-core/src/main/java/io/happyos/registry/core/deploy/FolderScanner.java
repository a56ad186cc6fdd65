package io.happyos.registry.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, over repeated scans, which JARs of the bundles folder are ready to handle. A new file
 * is reported as soon as it is a complete ZIP (see {@link CompleteZip}: a JAR renamed into the
 * folder is handled at the first scan that sees it); a changed file (often rewritten in place, in
 * bursts), or a new one not complete yet, once its size and last-modified time have stayed the
 * same for at least the settle time across scans, so a JAR still being copied is held back. What
 * is reported is relative to the last time each file was reported, so a burst of rewrites gives
 * one "changed".
 *
 * <p>New files that arrive together are reported together: new files ready to report are held
 * until no new file has appeared for the quiet period (default {@value #DEFAULT_QUIET_MILLIS} ms),
 * and at most ten quiet periods, so that JARs moved in one after another in a burst are installed,
 * resolved and activated as one set, in dependency order.
 *
 * <p>Only regular files directly in the folder whose name ends with {@code .jar} count; names
 * starting with {@code .} or ending with {@code .part} or {@code .tmp} and subfolders (such as
 * {@code .quarantine}) are ignored. Time comes from the given clock, so tests need no sleeps.
 * Thread-safe: all methods synchronize on the scanner.
 */
public final class FolderScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FolderScanner.class);

    /**
     * What changed since the files were last reported. Each list is immutable and sorted.
     *
     * @param added files seen and stable that were not reported before (or were forgotten)
     * @param changed reported files whose size or last-modified time differs from when they were
     *     last reported, and that are stable again
     * @param removed reported files that are gone
     * @param quarantined files in {@code .quarantine/} that changed since they were quarantined
     *     (and are stable again), appeared there, or went away
     */
    public record Changes(List<Path> added, List<Path> changed, List<Path> removed, List<Path> quarantined) {

        /** Copies the lists, so a Changes never changes. */
        public Changes {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            quarantined = List.copyOf(quarantined);
        }

        /**
         * Changes in the folder only, none in quarantine.
         *
         * @param added as above
         * @param changed as above
         * @param removed as above
         */
        public Changes(List<Path> added, List<Path> changed, List<Path> removed) {
            this(added, changed, removed, List.of());
        }

        /** @return true when there is nothing to handle */
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && quarantined.isEmpty();
        }
    }

    /** A file's size and last-modified time. */
    private record Stamp(long size, FileTime modified) {}

    /**
     * What the scanner knows of one file: how it looked at the last scan, since when it has looked
     * like that, and how it looked when last reported (null if never reported).
     */
    private record FileState(Stamp observed, long stableSince, Stamp reported) {

        boolean settled() {
            return observed.equals(reported);
        }
    }

    /** How long, by default, no new file must have appeared before new files are reported. */
    public static final long DEFAULT_QUIET_MILLIS = 200;

    private final Path folder;
    private final long settleMillis;
    private final long quietMillis;
    private final LongSupplier clock;
    private final Map<String, FileState> files = new HashMap<>();
    /** Watches the files in quarantine for changes; null in that scanner itself. */
    private final FolderScanner quarantine;
    /** When a new file name last appeared; when new files ready to report were first held back, or -1. */
    private long lastArrival = Long.MIN_VALUE / 2;

    private long holdingSince = -1;

    /**
     * @param folder the folder to scan; it need not exist yet
     * @param settleMillis how long a file's size and last-modified time must stay the same before
     *     it is reported, unless it is new and a complete ZIP already; 0 reports files at the first scan that
     *     sees them
     * @param clock the current time in milliseconds, e.g. {@code System::currentTimeMillis}
     * @throws IllegalArgumentException if settleMillis is negative
     */
    public FolderScanner(Path folder, long settleMillis, LongSupplier clock) {
        this(folder, settleMillis, DEFAULT_QUIET_MILLIS, clock);
    }

    /**
     * @param folder the folder to scan; it need not exist yet
     * @param settleMillis as above
     * @param quietMillis how long no new file must have appeared before new files ready to report
     *     are reported (together); held at most ten times as long; 0 reports them at once
     * @param clock the current time in milliseconds
     * @throws IllegalArgumentException if settleMillis or quietMillis is negative
     */
    public FolderScanner(Path folder, long settleMillis, long quietMillis, LongSupplier clock) {
        this(folder, settleMillis, quietMillis, clock, true);
    }

    private FolderScanner(
            Path folder, long settleMillis, long quietMillis, LongSupplier clock, boolean watchQuarantine) {
        if (settleMillis < 0 || quietMillis < 0) {
            throw new IllegalArgumentException(
                    "settleMillis and quietMillis must not be negative: " + settleMillis + ", " + quietMillis);
        }
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settleMillis = settleMillis;
        this.quietMillis = quietMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quarantine = watchQuarantine
                ? new FolderScanner(folder.resolve(FolderDeployer.QUARANTINE), settleMillis, 0, clock, false)
                : null;
    }

    /**
     * Looks at the folder once and returns the files that are ready to handle. A folder that cannot
     * be listed (missing, unmounted) changes nothing and gives no changes, so a passing outage never
     * reads as "every file removed".
     *
     * @return the changes since each file was last reported; empty lists when there are none
     */
    public synchronized Changes scan() {
        Map<String, Stamp> current;
        try {
            current = listCandidates();
        } catch (IOException e) {
            LOG.warn("cannot list the bundles folder {}: {}", folder, e.toString());
            return new Changes(List.of(), List.of(), List.of());
        }
        long now = clock.getAsLong();
        List<Path> added = new ArrayList<>();
        List<Path> changed = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        Map<String, FileState> readyNew = new HashMap<>();
        for (Map.Entry<String, Stamp> entry : current.entrySet()) {
            String name = entry.getKey();
            if (!files.containsKey(name)) {
                lastArrival = now;
            }
            FileState state = observe(files.get(name), entry.getValue(), now);
            if (!state.settled()
                    && (now - state.stableSince() >= settleMillis
                            || state.reported() == null
                                    && CompleteZip.isComplete(
                                            folder.resolve(name),
                                            state.observed().size()))) {
                FileState reported = new FileState(state.observed(), state.stableSince(), state.observed());
                if (state.reported() == null) {
                    readyNew.put(name, reported);
                } else {
                    changed.add(folder.resolve(name));
                    state = reported;
                }
            }
            files.put(name, state);
        }
        if (readyNew.isEmpty()) {
            holdingSince = -1;
        } else if (quietEnough(now)) {
            files.putAll(readyNew);
            readyNew.keySet().forEach(name -> added.add(folder.resolve(name)));
        }
        for (Iterator<Map.Entry<String, FileState>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FileState> entry = it.next();
            if (!current.containsKey(entry.getKey())) {
                if (entry.getValue().reported() != null) {
                    removed.add(folder.resolve(entry.getKey()));
                }
                it.remove();
            }
        }
        Collections.sort(added);
        Collections.sort(changed);
        Collections.sort(removed);
        return new Changes(added, changed, removed, scanQuarantine());
    }

    /** Quarantined files that appeared, changed and are stable again, or went away. */
    private List<Path> scanQuarantine() {
        if (quarantine == null || !Files.isDirectory(quarantine.folder)) {
            return List.of();
        }
        Changes changes = quarantine.scan();
        List<Path> all = new ArrayList<>(changes.added());
        all.addAll(changes.changed());
        all.addAll(changes.removed());
        Collections.sort(all);
        return all;
    }

    /**
     * Watches a file in quarantine from now on: it is reported in {@link Changes#quarantined()}
     * once it changes and is stable again, or when it goes away.
     *
     * @param file the file, in {@code .quarantine/} (only its name is used)
     */
    public void markQuarantined(Path file) {
        quarantine.markReported(file);
    }

    /**
     * Stops watching a file in quarantine (it left, e.g. back into the folder) without reporting it.
     *
     * @param file the file, in {@code .quarantine/} (only its name is used)
     */
    public void forgetQuarantined(Path file) {
        quarantine.forget(file);
    }

    /** Whether new files ready to report go now: no new name for the quiet period, or held long enough. */
    private boolean quietEnough(long now) {
        if (holdingSince < 0) {
            holdingSince = now;
        }
        if (now - lastArrival >= quietMillis || now - holdingSince >= 10 * quietMillis) {
            holdingSince = -1;
            return true;
        }
        return false;
    }

    /**
     * @return true when new files are held back until no other new file has appeared for the
     *     quiet period: the caller should scan again after {@link #quietMillis()}
     */
    public synchronized boolean holding() {
        return holdingSince >= 0;
    }

    /** @return the quiet period in milliseconds */
    public long quietMillis() {
        return quietMillis;
    }

    private static FileState observe(FileState previous, Stamp stamp, long now) {
        if (previous == null) {
            return new FileState(stamp, now, null);
        }
        if (!previous.observed().equals(stamp)) {
            return new FileState(stamp, now, previous.reported());
        }
        return previous;
    }

    /**
     * Drops everything known about a file, so that if it is (still or again) in the folder it is
     * reported as added once stable, and if it is gone no removal is reported. Call it when a file
     * is moved to quarantine. Does nothing for a file the scanner does not know.
     *
     * @param file the file, in the folder (only its name is used)
     */
    public synchronized void forget(Path file) {
        files.remove(nameOf(file));
    }

    /**
     * Records a file as reported with its current size and last-modified time, so it is not
     * reported as added: for JARs already installed when the registry starts, or handled by the
     * caller outside a scan. A file that is not in the folder (e.g. quarantined meanwhile) is
     * forgotten instead, so no removal is reported for it. Ignored names are ignored here too.
     *
     * @param file the file, in the folder (only its name is used)
     */
    public synchronized void markReported(Path file) {
        String name = nameOf(file);
        if (!isCandidateName(name)) {
            LOG.debug("not marking {}: its name is ignored by the folder scanner", file);
            return;
        }
        Stamp stamp;
        try {
            stamp = stampOf(folder.resolve(name));
        } catch (IOException e) {
            // e.g. quarantined meanwhile: nothing to seed, and no removal to report later
            LOG.debug("not marking {}: {}", file, e.toString());
            files.remove(name);
            return;
        }
        files.put(name, new FileState(stamp, clock.getAsLong(), stamp));
    }

    /**
     * @return true when some file was seen but is not reported in its current form yet (it is
     *     still settling): the caller should scan again after the settle time
     */
    public synchronized boolean pending() {
        return files.values().stream().anyMatch(state -> !state.settled())
                || quarantine != null && quarantine.pending();
    }

    /**
     * @param name a file name
     * @return true when a file of that name counts as a bundle JAR (if it is a regular file)
     */
    static boolean isCandidateName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && lower.endsWith(".jar") && !lower.endsWith(".part") && !lower.endsWith(".tmp");
    }

    private Map<String, Stamp> listCandidates() throws IOException {
        Map<String, Stamp> result = new HashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                if (!isCandidateName(name)) {
                    continue;
                }
                try {
                    result.put(name, stampOf(path));
                } catch (IOException e) {
                    // vanished while scanning, or not a regular file: not a candidate now
                    LOG.trace("skipping {}: {}", path, e.toString());
                }
            }
        }
        return result;
    }

    private static Stamp stampOf(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new NoSuchFileException(path.toString(), null, "not a regular file");
        }
        return new Stamp(attributes.size(), attributes.lastModifiedTime());
    }

    private static String nameOf(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return name.toString();
    }
}
