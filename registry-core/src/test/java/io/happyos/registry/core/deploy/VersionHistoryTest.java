package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionHistoryTest {

    @TempDir
    Path storage;

    @Test
    void namesThatLookLikePathsStayInsideTheHistoryFolder() throws Exception {
        Path history = storage.resolve("history");
        VersionHistory versions = new VersionHistory(history, 3);
        Path jar = Files.writeString(storage.resolve("plugin.jar"), "content");

        for (String name : new String[] {"..", ".", "../../etc", "a/../..", ""}) {
            versions.record(name, "1.0.0", "abc", jar);
            assertThat(versions.list(name)).as(name).hasSize(1);
        }

        try (Stream<Path> files = Files.walk(storage)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.equals(jar)))
                    .allSatisfy(f -> assertThat(f).startsWith(history));
        }
        assertThat(VersionHistory.safe("..")).isEqualTo("_..");
        assertThat(VersionHistory.safe("com.acme.plugin")).isEqualTo("com.acme.plugin");
    }
}
