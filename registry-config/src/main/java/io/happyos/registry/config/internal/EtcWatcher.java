package io.happyos.registry.config.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Configuration Admin in step with the etc folder: {@link #applyNow()} applies every file at
 * once (at start, before the registry deploys the bundles folder); the thread {@value #THREAD_NAME}
 * then scans on every WatchService event, after the settle time while a file settles, and every
 * rescan interval as a safety net (for dropped events, and for a folder deleted and made again,
 * which it registers again). As the bundles folder's watcher does, it never interrupts a change in
 * progress: {@link #close()} closes the WatchService and waits for the thread.
 */
final class EtcWatcher implements AutoCloseable {

    /** The name of the watcher thread. */
    static final String THREAD_NAME = "happyos-config-watcher";

    private static final Logger LOG = LoggerFactory.getLogger(EtcWatcher.class);
    private static final long JOIN_MILLIS = 5_000;

    private final Path folder;
    private final EtcScanner scanner;
    private final ConfigApplier applier;
    private final long settleMillis;
    private final long rescanMillis;
    private WatchService watchService;
    private WatchKey key;
    private Thread thread;
    private volatile boolean closed;

    EtcWatcher(Path folder, ConfigApplier applier, long settleMillis, long rescanMillis) {
        this.folder = folder;
        this.applier = applier;
        this.settleMillis = Math.max(1, settleMillis);
        this.rescanMillis = Math.max(1, rescanMillis);
        this.scanner = new EtcScanner(folder, settleMillis, System::currentTimeMillis);
    }

    /** Applies every file of the folder now, on the calling thread; deletes configurations whose file went away. */
    void applyNow() {
        applier.removeOrphans(folder);
        scanOnce();
    }

    /**
     * Starts watching.
     *
     * @throws IOException when no WatchService can be made
     */
    synchronized void start() throws IOException {
        watchService = folder.getFileSystem().newWatchService();
        reRegisterIfNeeded();
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        LOG.info(
                "watching {} for configuration files (settle {} ms, rescan {} ms)", folder, settleMillis, rescanMillis);
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            if (watchService != null) {
                try {
                    watchService.close();
                } catch (IOException e) {
                    LOG.debug("closing the WatchService of {}: {}", folder, e.toString());
                }
            }
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                waitForEvents(scanner.pending() ? settleMillis : rescanMillis);
                scanOnce();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("configuration watcher stopping: {}", e.toString());
        }
        LOG.info("stopped watching {}", folder);
    }

    private synchronized void scanOnce() {
        if (closed) {
            return;
        }
        try {
            EtcScanner.Changes changes = scanner.scan();
            for (Path file : changes.ready()) {
                if (applier.apply(file) == ConfigApplier.Outcome.UNREADABLE) {
                    scanner.retryLater(file);
                }
            }
            changes.removed().forEach(applier::removed);
        } catch (RuntimeException e) {
            LOG.error("handling changes in the etc folder {} failed; still watching", folder, e);
        }
    }

    private void waitForEvents(long timeoutMillis) throws InterruptedException {
        WatchKey signalled = watchService.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        while (signalled != null) {
            signalled.pollEvents();
            signalled.reset();
            signalled = watchService.poll();
        }
        reRegisterIfNeeded();
    }

    private synchronized void reRegisterIfNeeded() {
        if (closed || (key != null && key.isValid()) || !Files.isDirectory(folder)) {
            return;
        }
        try {
            key = folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            LOG.debug("cannot watch {} yet: {}", folder, e.toString());
        }
    }
}
