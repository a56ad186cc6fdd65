package io.happyos.registry.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @TempDir
    Path dir;

    @Test
    void whatAKilledUploadLeftIsDeletedAndNothingElse() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path bundles = Files.createDirectories(dir.resolve("bundles"));
        Path staged = Files.writeString(
                Files.createDirectories(storage.resolve("uploads")).resolve("a.jar.1.part"), "x");
        Path beside = Files.writeString(bundles.resolve(".a.jar.2.upload"), "x");
        Path plugin = Files.writeString(bundles.resolve("a.jar"), "x");
        Path hidden = Files.writeString(bundles.resolve(".keep"), "x");
        Path quarantined = Files.writeString(
                Files.createDirectories(bundles.resolve(".quarantine")).resolve("b.jar"), "x");

        int deleted = new Uploads(() -> null, bundles, storage, 1024).deleteLeftovers();

        assertThat(deleted).isEqualTo(2);
        assertThat(staged).doesNotExist();
        assertThat(beside).doesNotExist();
        assertThat(plugin).exists();
        assertThat(hidden).exists();
        assertThat(quarantined).exists();
        assertThat(new Uploads(() -> null, null, dir.resolve("none"), 1024).deleteLeftovers())
                .isZero();
    }
}
