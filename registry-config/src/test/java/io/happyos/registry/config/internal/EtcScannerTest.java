package io.happyos.registry.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcScannerTest {

    @TempDir
    Path etc;

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void theFirstScanReportsEveryFileAtOnceAndIgnoresOthers() throws Exception {
        Path a = Files.writeString(etc.resolve("a.cfg"), "x = 1\n");
        Path b = Files.writeString(etc.resolve("b-main.config"), "{}");
        Files.writeString(etc.resolve(".a.cfg.tmp"), "");
        Files.writeString(etc.resolve("a.cfg~"), "");
        Files.writeString(etc.resolve("notes.txt"), "");
        Files.createDirectory(etc.resolve("sub.cfg"));

        EtcScanner.Changes changes = new EtcScanner(etc, 300, clock::get).scan();

        assertThat(changes.ready()).containsExactly(a, b);
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void aChangedFileWaitsUntilItSettles() throws Exception {
        Path a = Files.writeString(etc.resolve("a.cfg"), "x = 1\n");
        EtcScanner scanner = new EtcScanner(etc, 300, clock::get);
        scanner.scan();

        Files.writeString(a, "x = 2\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(5_000));
        assertThat(scanner.scan().ready()).isEmpty();
        assertThat(scanner.pending()).isTrue();
        clock.addAndGet(299);
        assertThat(scanner.scan().ready()).isEmpty();
        clock.addAndGet(1);
        assertThat(scanner.scan().ready()).containsExactly(a);
        assertThat(scanner.pending()).isFalse();
        assertThat(scanner.scan().isEmpty()).isTrue();
    }

    @Test
    void aRemovedFileIsReportedOnceButAMissingFolderRemovesNothing() throws Exception {
        Path a = Files.writeString(etc.resolve("a.cfg"), "x = 1\n");
        Path b = Files.writeString(etc.resolve("b.cfg"), "x = 1\n");
        EtcScanner scanner = new EtcScanner(etc, 0, clock::get);
        scanner.scan();

        Files.delete(a);
        assertThat(scanner.scan().removed()).containsExactly(a);
        Files.delete(b);
        Files.delete(etc);
        assertThat(scanner.scan().isEmpty()).isTrue();

        Files.createDirectory(etc);
        Path c = Files.writeString(etc.resolve("c.cfg"), "y = 2\n");
        clock.addAndGet(1);
        EtcScanner.Changes back = scanner.scan();
        assertThat(back.removed()).containsExactly(b);
        assertThat(back.ready()).containsExactly(c);
    }

    @Test
    void aFileToRetryIsReportedAgainUnchanged() throws Exception {
        Path a = Files.writeString(etc.resolve("a.cfg"), "x = 1\n");
        EtcScanner scanner = new EtcScanner(etc, 0, clock::get);
        scanner.scan();

        scanner.retryLater(a);

        assertThat(scanner.scan().ready()).isEqualTo(List.of(a));
        assertThat(scanner.scan().ready()).isEmpty();
    }
}
