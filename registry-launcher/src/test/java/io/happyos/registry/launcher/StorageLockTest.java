package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLockTest {

    @TempDir
    Path storage;

    @Test
    void theLockFileHoldsThePidAndRefusesASecondHolderNamingIt() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (StorageLock lock = StorageLock.acquire(storage)) {
            assertThat(storage.resolve("registry.lock")).hasContent(pid + "\n");
            assertThatThrownBy(() -> StorageLock.acquire(storage))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("another container (pid " + pid + ") is using the storage folder " + storage
                            + ": stop it first, or start this one with another --storage");

            Files.writeString(storage.resolve("registry.lock"), "");
            assertThatThrownBy(() -> StorageLock.acquire(storage))
                    .hasMessageStartingWith("another container (unknown pid)");
        }
        try (StorageLock again = StorageLock.acquire(storage)) {
            assertThat(storage.resolve("registry.lock")).hasContent(pid + "\n");
        }
    }

    @Test
    void cleanKeepsTheLockFileTheLogsAndTheRemoteAccessSecrets() throws Exception {
        StorageFolder.prepare(storage);
        Files.createDirectories(storage.resolve("felix-cache").resolve("bundle1"));
        Files.writeString(storage.resolve("registry.db"), "x");
        Files.writeString(storage.resolve("http.token"), "a-token-kept-across-clean-starts");
        Files.createDirectories(storage.resolve("ssh"));
        Files.writeString(storage.resolve("ssh").resolve("host.key"), "key");
        try (StorageLock lock = StorageLock.acquire(storage)) {
            StorageFolder.clean(storage);
            try (var left = Files.list(storage)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("logs", "registry.lock", "http.token", "ssh");
            }
            assertThat(storage.resolve("ssh").resolve("host.key")).hasContent("key");
        }
    }
}
