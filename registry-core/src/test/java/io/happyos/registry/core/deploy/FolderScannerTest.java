package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.core.deploy.FolderScanner.Changes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScannerTest {

    private static final long SETTLE = 1_000;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<Changes> history = new ArrayList<>();

    private FolderScanner scanner() {
        return new FolderScanner(dir, SETTLE, clock::get);
    }

    /** Scans after moving the fake clock on, and keeps every result for later checks. */
    private Changes scanAfter(FolderScanner scanner, long millis) {
        clock.addAndGet(millis);
        Changes changes = scanner.scan();
        history.add(changes);
        return changes;
    }

    private List<Path> allAdded() {
        return history.stream().flatMap(c -> c.added().stream()).toList();
    }

    private List<Path> allChanged() {
        return history.stream().flatMap(c -> c.changed().stream()).toList();
    }

    private List<Path> allRemoved() {
        return history.stream().flatMap(c -> c.removed().stream()).toList();
    }

    private static void append(Path file, int bytes) throws IOException {
        Files.write(file, new byte[bytes], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes bytes and sets a chosen modification time, so tests do not depend on timestamp resolution. */
    private static void write(Path file, int bytes, long modifiedSeconds) throws IOException {
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedSeconds * 1000));
    }

    /** Writes a file and scans until it has been reported as added. */
    private Path reported(FolderScanner scanner, String name) throws IOException {
        Path file = dir.resolve(name);
        write(file, 100, 1_700_000_000L);
        scanAfter(scanner, 0);
        assertThat(scanAfter(scanner, SETTLE).added()).containsExactly(file);
        history.clear();
        return file;
    }

    @Test
    void fileWrittenInChunksIsReportedOnceAfterItStopsChangingWithItsFinalSize() throws IOException {
        FolderScanner scanner = scanner();
        Path file = dir.resolve("x.jar");
        for (int chunk = 0; chunk < 5; chunk++) {
            append(file, 1024);
            assertThat(scanAfter(scanner, SETTLE - 1).isEmpty()).isTrue();
            assertThat(scanner.pending()).isTrue();
        }
        assertThat(scanAfter(scanner, SETTLE - 1).isEmpty()).isTrue();

        Changes changes = scanAfter(scanner, 1);

        assertThat(changes.added()).containsExactly(file);
        assertThat(Files.size(file)).isEqualTo(5 * 1024);
        assertThat(scanner.pending()).isFalse();
        scanAfter(scanner, SETTLE);
        scanAfter(scanner, SETTLE);
        assertThat(allAdded()).containsExactly(file);
        assertThat(allChanged()).isEmpty();
    }

    @Test
    void copyThenRenameReportsOnlyTheFinalNameOnce() throws IOException {
        FolderScanner scanner = scanner();
        Path part = dir.resolve("x.jar.part");
        for (int chunk = 0; chunk < 3; chunk++) {
            append(part, 512);
            scanAfter(scanner, SETTLE * 2);
        }
        assertThat(scanner.pending()).isFalse();
        Path jar = Files.move(part, dir.resolve("x.jar"), StandardCopyOption.ATOMIC_MOVE);

        for (int i = 0; i < 4; i++) {
            scanAfter(scanner, SETTLE);
        }

        assertThat(allAdded()).containsExactly(jar);
        assertThat(allChanged()).isEmpty();
        assertThat(allRemoved()).isEmpty();
    }

    @Test
    void burstOfRewritesGivesOneChangedAfterTheLastOne() throws IOException {
        FolderScanner scanner = scanner();
        Path file = reported(scanner, "x.jar");

        for (int i = 1; i <= 20; i++) {
            write(file, 100 + i, 1_700_000_000L + i);
            assertThat(scanAfter(scanner, 10).isEmpty()).isTrue();
        }
        Changes changes = scanAfter(scanner, SETTLE);
        scanAfter(scanner, SETTLE);

        assertThat(changes.changed()).containsExactly(file);
        assertThat(allChanged()).containsExactly(file);
        assertThat(allAdded()).isEmpty();
    }

    @Test
    void rewriteThatEndsAsItWasWhenReportedIsNoChange() throws IOException {
        FolderScanner scanner = scanner();
        Path file = reported(scanner, "x.jar");

        write(file, 300, 1_700_000_500L);
        scanAfter(scanner, 10);
        write(file, 100, 1_700_000_000L);
        scanAfter(scanner, SETTLE);
        scanAfter(scanner, SETTLE);

        assertThat(history).allMatch(Changes::isEmpty);
        assertThat(scanner.pending()).isFalse();
    }

    @Test
    void removalOfAReportedFileIsReportedOnce() throws IOException {
        FolderScanner scanner = scanner();
        Path file = reported(scanner, "x.jar");

        Files.delete(file);

        assertThat(scanAfter(scanner, 1).removed()).containsExactly(file);
        assertThat(scanAfter(scanner, SETTLE).isEmpty()).isTrue();
        assertThat(allRemoved()).containsExactly(file);
    }

    @Test
    void fileRemovedBeforeItSettledIsNeverReported() throws IOException {
        FolderScanner scanner = scanner();
        Path file = dir.resolve("x.jar");
        append(file, 10);
        scanAfter(scanner, 0);
        Files.delete(file);

        scanAfter(scanner, SETTLE);

        assertThat(history).allMatch(Changes::isEmpty);
        assertThat(scanner.pending()).isFalse();
    }

    @Test
    void ignoredNamesAndFoldersAreNeverReported() throws IOException {
        FolderScanner scanner = scanner();
        for (String name : List.of("x.jar.part", "x.jar.tmp", ".hidden.jar", "readme.txt", "x.JAR.tmp")) {
            append(dir.resolve(name), 10);
        }
        Files.createDirectories(dir.resolve(".quarantine"));
        append(dir.resolve(".quarantine").resolve("bad.jar"), 10);
        Files.createDirectories(dir.resolve("folder.jar"));

        for (int i = 0; i < 3; i++) {
            scanAfter(scanner, SETTLE);
        }

        assertThat(allAdded()).isEmpty();
        assertThat(allChanged()).isEmpty();
        assertThat(allRemoved()).isEmpty();
        // a file in quarantine that the scanner was not told of is only there to be examined again
        assertThat(history.stream().flatMap(c -> c.quarantined().stream()))
                .containsExactly(dir.resolve(".quarantine").resolve("bad.jar"));
        assertThat(scanner.pending()).isFalse();
    }

    @Test
    void aQuarantinedFileIsReportedOnceItChangedAndIsStableAgainOrWhenItGoesAway() throws IOException {
        FolderScanner scanner = scanner();
        Path quarantined = Files.createDirectories(dir.resolve(".quarantine")).resolve("x.jar");
        write(quarantined, 10, 1_700_000_000L);
        scanner.markQuarantined(quarantined);
        assertThat(scanAfter(scanner, SETTLE).isEmpty()).isTrue();

        write(quarantined, 20, 1_700_000_001L); // the copy goes on after a pause
        assertThat(scanAfter(scanner, 1).isEmpty()).isTrue();
        assertThat(scanner.pending()).isTrue();
        assertThat(scanAfter(scanner, SETTLE).quarantined()).containsExactly(quarantined);

        Files.delete(quarantined);
        assertThat(scanAfter(scanner, 1).quarantined()).containsExactly(quarantined);
        assertThat(allAdded()).isEmpty();
    }

    @Test
    void pendingWhileAFileSettles() throws IOException {
        FolderScanner scanner = scanner();
        assertThat(scanner.pending()).isFalse();
        Path file = dir.resolve("x.jar");
        append(file, 10);

        scanAfter(scanner, 0);
        assertThat(scanner.pending()).isTrue();
        scanAfter(scanner, SETTLE);
        assertThat(scanner.pending()).isFalse();

        write(file, 20, 1_700_000_100L);
        scanAfter(scanner, 0);
        assertThat(scanner.pending()).isTrue();
    }

    @Test
    void quarantinedAndForgottenFileThatComesBackIsNewAgain() throws IOException {
        FolderScanner scanner = scanner();
        Path file = reported(scanner, "x.jar");
        Path quarantine = Files.createDirectories(dir.resolve(".quarantine"));
        Files.move(file, quarantine.resolve("x.jar"));
        scanner.forget(file);

        assertThat(scanAfter(scanner, SETTLE).isEmpty()).isTrue();
        Files.move(quarantine.resolve("x.jar"), file);
        scanAfter(scanner, 0);
        Changes changes = scanAfter(scanner, SETTLE);

        assertThat(changes.added()).containsExactly(file);
        assertThat(allRemoved()).isEmpty();
    }

    @Test
    void markedFilesAreNotAddedButTheirChangesAreReported() throws IOException {
        Path file = dir.resolve("installed.jar");
        write(file, 100, 1_700_000_000L);
        FolderScanner scanner = scanner();
        scanner.markReported(file);

        scanAfter(scanner, SETTLE);
        assertThat(history).allMatch(Changes::isEmpty);
        assertThat(scanner.pending()).isFalse();

        write(file, 200, 1_700_000_001L);
        scanAfter(scanner, 0);
        assertThat(scanAfter(scanner, SETTLE).changed()).containsExactly(file);
    }

    @Test
    void markingAFileThatIsGoneForgetsItSoNoRemovalIsReported() throws IOException {
        FolderScanner scanner = scanner();
        Path file = dir.resolve("x.jar");
        append(file, 10);
        scanAfter(scanner, 0);
        Files.move(file, Files.createDirectories(dir.resolve(".quarantine")).resolve("x.jar"));

        scanner.markReported(file);

        assertThat(scanner.pending()).isFalse();
        scanAfter(scanner, SETTLE);
        assertThat(history).allMatch(Changes::isEmpty);
    }

    @Test
    void folderThatCannotBeListedReportsNothingRemoved() throws IOException {
        FolderScanner scanner = scanner();
        Path file = reported(scanner, "x.jar");
        Files.delete(file);
        Files.delete(dir);

        assertThat(scanAfter(scanner, SETTLE).isEmpty()).isTrue();

        Files.createDirectories(dir);
        assertThat(scanAfter(scanner, 1).removed()).containsExactly(file);
    }

    @Test
    void zeroSettleAndQuietTimeReportsAtFirstSight() throws IOException {
        FolderScanner scanner = new FolderScanner(dir, 0, 0, clock::get);
        Path file = dir.resolve("x.jar");
        append(file, 10);

        assertThat(scanner.scan().added()).containsExactly(file);
        assertThat(scanner.pending()).isFalse();
    }

    @Test
    void candidateNames() {
        assertThat(FolderScanner.isCandidateName("a.jar")).isTrue();
        assertThat(FolderScanner.isCandidateName("A.JAR")).isTrue();
        assertThat(FolderScanner.isCandidateName("a.jar.part")).isFalse();
        assertThat(FolderScanner.isCandidateName("a.jar.tmp")).isFalse();
        assertThat(FolderScanner.isCandidateName(".a.jar")).isFalse();
        assertThat(FolderScanner.isCandidateName("a.zip")).isFalse();
    }

    @Test
    void aCompleteJarIsReportedAtTheFirstScanButAPartOfOneWaitsForTheSettleTime() throws IOException {
        FolderScanner scanner = new FolderScanner(dir, SETTLE, 0, clock::get);
        byte[] content = CompleteZipTest.jar(2, null);
        Path partial = dir.resolve("partial.jar");
        Files.write(partial, java.util.Arrays.copyOf(content, content.length - 1));
        Path complete = dir.resolve("complete.jar");
        Files.write(complete, content);

        assertThat(scanAfter(scanner, 0).added()).containsExactly(complete);
        assertThat(scanAfter(scanner, SETTLE - 1).isEmpty()).isTrue();
        assertThat(scanAfter(scanner, 1).added()).containsExactly(partial);
    }

    @Test
    void aChangedJarWaitsForTheSettleTimeEvenWhenComplete() throws IOException {
        FolderScanner scanner = new FolderScanner(dir, SETTLE, 0, clock::get);
        Path jar = dir.resolve("x.jar");
        Files.write(jar, CompleteZipTest.jar(1, null));
        assertThat(scanAfter(scanner, 0).added()).containsExactly(jar);

        Files.write(jar, CompleteZipTest.jar(3, null)); // rewritten in place, maybe again in a moment
        assertThat(scanAfter(scanner, 1).isEmpty()).isTrue();
        assertThat(scanAfter(scanner, SETTLE).changed()).containsExactly(jar);
    }

    @Test
    void jarsRenamedInOneAfterAnotherWithinTheQuietPeriodAreReportedAsOneSet() throws IOException {
        FolderScanner scanner = scanner(); // the default quiet period
        byte[] content = CompleteZipTest.jar(2, null);
        List<Path> jars = new ArrayList<>();
        for (String name : List.of("a.jar", "b.jar", "c.jar", "d.jar")) {
            Path part = Files.write(dir.resolve(name + ".part"), content);
            jars.add(Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE));
            // the watcher scans at each rename; the next one comes 90 ms later
            assertThat(scanAfter(scanner, 90).added()).isEmpty();
            assertThat(scanner.holding()).isTrue();
        }

        assertThat(scanAfter(scanner, FolderScanner.DEFAULT_QUIET_MILLIS - 1).isEmpty())
                .isTrue();
        assertThat(scanAfter(scanner, 1).added()).containsExactlyElementsOf(jars);
        assertThat(allAdded()).hasSize(4);
        assertThat(scanner.holding()).isFalse();
        assertThat(scanner.pending()).isFalse();
    }

    @Test
    void newJarsArrivingWithoutPauseAreStillReportedAfterTenQuietPeriods() throws IOException {
        FolderScanner scanner = new FolderScanner(dir, SETTLE, 100, clock::get);
        byte[] content = CompleteZipTest.jar(1, null);
        for (int i = 0; i < 11; i++) { // held from the first scan, 99 ms in, to 1089 ms
            Files.write(dir.resolve("j" + i + ".jar"), content);
            assertThat(scanAfter(scanner, 99).added()).isEmpty();
        }

        Files.write(dir.resolve("last.jar"), content);
        assertThat(scanAfter(scanner, 99).added()).hasSize(12);
    }

    @Test
    void aHeldJarThatGoesAwayStopsTheHolding() throws IOException {
        FolderScanner scanner = scanner();
        Path jar = Files.write(dir.resolve("a.jar"), CompleteZipTest.jar(1, null));
        scanAfter(scanner, 0);
        assertThat(scanner.holding()).isTrue();

        Files.delete(jar);

        assertThat(scanAfter(scanner, 10).isEmpty()).isTrue();
        assertThat(scanner.holding()).isFalse();
        assertThat(scanner.pending()).isFalse();
    }
}
