package io.happyos.registry.core.deploy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FolderScanner} when the bundles folder changes: on every WatchService event, every
 * {@code rescanMillis} as a safety net for dropped events (and for platforms whose WatchService
 * polls slowly), again after {@code settleMillis} while a file is still settling, and after the
 * scanner's quiet period while it holds new files back to report them together. Non-empty
 * changes go to the handler on the watcher's own daemon thread, named {@value #THREAD_NAME}; an
 * exception from the handler is logged and the watcher goes on.
 */
public final class FolderWatcher implements AutoCloseable {

    /** The name of the watcher thread. */
    public static final String THREAD_NAME = "happyos-registry-folder-watcher";

    private final io.happyos.registry.core.concurrent.RegistryThreads threads;

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long JOIN_MILLIS = 5_000;

    private final FolderScanner scanner;
    private final Path folder;
    private final long rescanMillis;
    private final long settleMillis;
    private final Consumer<FolderScanner.Changes> handler;

    private WatchService watchService;
    private WatchKey key;
    private Thread thread;
    private volatile boolean closed;

    /**
     * @param scanner decides what changed; the watcher calls only its {@code scan()},
     *     {@code pending()}, {@code holding()} and {@code quietMillis()}
     * @param folder the folder to watch (the scanner's folder)
     * @param rescanMillis the longest time between two scans, even without events; positive
     * @param settleMillis how soon to scan again while {@code scanner.pending()}; positive
     * @param handler receives each non-empty {@link FolderScanner.Changes}, on the watcher thread
     * @throws IllegalArgumentException if rescanMillis or settleMillis is not positive
     */
    public FolderWatcher(
            FolderScanner scanner,
            Path folder,
            long rescanMillis,
            long settleMillis,
            Consumer<FolderScanner.Changes> handler,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.threads = threads;
        if (rescanMillis <= 0 || settleMillis <= 0) {
            throw new IllegalArgumentException(
                    "rescanMillis and settleMillis must be positive: " + rescanMillis + ", " + settleMillis);
        }
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.rescanMillis = rescanMillis;
        this.settleMillis = settleMillis;
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Registers the folder with a WatchService and starts the watcher thread, which scans once at
     * once. Call once.
     *
     * @throws IOException if the folder cannot be watched (e.g. it does not exist)
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() throws IOException {
        if (thread != null || closed) {
            throw new IllegalStateException("the folder watcher was already started");
        }
        watchService = folder.getFileSystem().newWatchService();
        try {
            key = register();
        } catch (IOException e) {
            watchService.close();
            throw e;
        }
        thread = threads.thread("folder-watcher", this::run);
        thread.start();
        LOG.info("watching {} (rescan every {} ms, settle {} ms)", folder, rescanMillis, settleMillis);
    }

    /**
     * Stops the watcher thread and closes the WatchService. Waits (up to 5 s) for a scan or handler
     * call in progress to finish, unless called from the handler itself. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            closeWatchService();
        }
        // closing the WatchService wakes the thread; no interrupt, so a handler mid-install is not disturbed
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
                scanOnce();
                waitForEvents(
                        scanner.holding()
                                ? Math.min(scanner.quietMillis(), settleMillis)
                                : scanner.pending() ? settleMillis : rescanMillis);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("folder watcher stopping: {}", e.toString());
        }
        LOG.info("stopped watching {}", folder);
    }

    private void scanOnce() {
        try {
            FolderScanner.Changes changes = scanner.scan();
            if (!changes.isEmpty()) {
                LOG.debug("changes in {}: {}", folder, changes);
                handler.accept(changes);
            }
        } catch (RuntimeException e) {
            LOG.error("handling changes in the bundles folder {} failed; still watching", folder, e);
        }
    }

    /** Waits for the first event or the timeout, then drains whatever else has queued up. */
    private void waitForEvents(long timeoutMillis) throws InterruptedException {
        WatchKey signalled = watchService.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        while (signalled != null) {
            signalled.pollEvents();
            signalled.reset();
            signalled = watchService.poll();
        }
        reRegisterIfNeeded();
    }

    /** A folder deleted and made again loses its registration; rescans cover the gap meanwhile. */
    private synchronized void reRegisterIfNeeded() {
        if (closed || (key != null && key.isValid()) || !Files.isDirectory(folder)) {
            return;
        }
        try {
            key = register();
            LOG.info("watching {} again", folder);
        } catch (IOException e) {
            LOG.debug("cannot watch {} yet: {}", folder, e.toString());
        }
    }

    private WatchKey register() throws IOException {
        return folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }

    private void closeWatchService() {
        if (watchService == null) {
            return;
        }
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("cannot close the WatchService of {}: {}", folder, e.toString());
        }
    }
}
