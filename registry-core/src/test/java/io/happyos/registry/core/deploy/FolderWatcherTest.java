package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.core.deploy.FolderScanner.Changes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    private static final long SETTLE = 100;
    private static final Duration WAIT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @TempDir
    Path source;

    private final List<Changes> received = new CopyOnWriteArrayList<>();
    private FolderWatcher watcher;

    @AfterEach
    void closeWatcher() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private FolderWatcher start(Path watched, long rescanMillis, Consumer<Changes> handler) throws IOException {
        FolderScanner scanner = new FolderScanner(dir, SETTLE, System::currentTimeMillis);
        watcher = new FolderWatcher(scanner, watched, rescanMillis, SETTLE, handler, threads);
        watcher.start();
        return watcher;
    }

    private Path sampleJar() throws IOException {
        return JarInspectorTest.bundle(
                source.resolve("sample.jar"), Map.of("Bundle-SymbolicName", "io.happyos.sample"));
    }

    private boolean receivedAdded(Path file) {
        return received.stream().anyMatch(c -> c.added().contains(file));
    }

    private boolean receivedRemoved(Path file) {
        return received.stream().anyMatch(c -> c.removed().contains(file));
    }

    @Test
    void copiedJarIsHandedOverAndThenItsRemoval() throws IOException {
        start(dir, 60_000, received::add);
        Path jar = Files.copy(sampleJar(), dir.resolve("sample.jar"));

        await().atMost(WAIT).until(() -> receivedAdded(jar));
        Files.delete(jar);
        await().atMost(WAIT).until(() -> receivedRemoved(jar));

        assertThat(received).allMatch(c -> !c.isEmpty());
        assertThat(received.stream().mapToLong(c -> c.added().size()).sum()).isEqualTo(1);
    }

    @Test
    void rescanFindsChangesWithoutAnyEvent() throws IOException {
        Path elsewhere = Files.createDirectories(source.resolve("quiet"));
        start(elsewhere, 200, received::add);
        Path jar = Files.copy(sampleJar(), dir.resolve("sample.jar"));

        await().atMost(WAIT).until(() -> receivedAdded(jar));
    }

    @Test
    void handlerFailureIsLoggedAndWatchingGoesOn() throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        start(dir, 60_000, changes -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("handler failure on purpose");
            }
            received.add(changes);
        });
        Files.copy(sampleJar(), dir.resolve("first.jar"));
        await().atMost(WAIT).untilTrue(failed);

        Path second = Files.copy(sampleJar(), dir.resolve("second.jar"));

        await().atMost(WAIT).until(() -> receivedAdded(second));
    }

    @Test
    void runsOnANamedDaemonThreadThatStopsPromptlyOnClose() throws IOException {
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        start(dir, 60_000, changes -> handlerThread.set(Thread.currentThread()));
        Files.copy(sampleJar(), dir.resolve("sample.jar"));
        await().atMost(WAIT).until(() -> handlerThread.get() != null);
        Thread thread = handlerThread.get();

        watcher.close();

        assertThat(thread.getName()).isEqualTo(FolderWatcher.THREAD_NAME);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.isAlive()).isFalse();
    }
}
