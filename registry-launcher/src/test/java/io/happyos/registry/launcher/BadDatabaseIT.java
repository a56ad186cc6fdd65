package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A registry.db the container cannot use (not a database, written by a newer container, locked by
 * another process) stops the launcher with exit code 3 and one {@code Error:} line saying what to
 * do, and leaves the file as it was.
 */
class BadDatabaseIT {

    @TempDir
    Path work;

    private Path storage;
    private Path bundles;
    private Path db;

    @BeforeEach
    void folders() throws Exception {
        storage = Files.createDirectories(work.resolve("storage"));
        bundles = Files.createDirectories(work.resolve("bundles"));
        db = storage.resolve("registry.db");
    }

    @Test
    void randomBytesAreRefusedAsCorruptAndLeftAlone() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(db, garbage);

        Result result = launch();

        String error = assertRefused(result);
        assertThat(error).contains("not a usable registry database").containsAnyOf("--clean", "backup");
        assertThat(Files.readAllBytes(db)).as("registry.db unchanged").isEqualTo(garbage);
    }

    @Test
    void anEmptyFileIsRefusedAndLeftAlone() throws Exception {
        Files.createFile(db);

        Result result = launch();

        String error = assertRefused(result);
        assertThat(error).contains("not a usable registry database").contains("empty");
        assertThat(Files.size(db)).as("registry.db still empty").isZero();
    }

    @Test
    void anSqliteFileOfAnotherProgramIsRefusedAndLeftAlone() throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer (name TEXT)");
            s.execute("INSERT INTO customer VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(db);

        Result result = launch();

        String error = assertRefused(result);
        assertThat(error).contains("another program").contains("customer");
        assertThat(Files.readAllBytes(db)).as("registry.db unchanged").isEqualTo(before);
    }

    @Test
    void aDatabaseFromANewerContainerIsRefusedNamingTheVersions() throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE from_the_future (x TEXT)");
            s.execute("INSERT INTO from_the_future VALUES ('keep me')");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(db);

        Result result = launch();

        String error = assertRefused(result);
        assertThat(error).contains("schema version 99").containsPattern("up to version \\d+");
        assertThat(Files.readAllBytes(db)).as("registry.db unchanged").isEqualTo(before);
    }

    @Test
    void aDatabaseLockedByAnotherProcessIsRefusedAsInUse() throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE held (x TEXT)");
            s.execute("INSERT INTO held VALUES ('mine')");
        }
        byte[] before = Files.readAllBytes(db);
        Result result;
        try (Connection holder = connect(db);
                Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            result = launch();
            s.execute("ROLLBACK");
        }

        String error = assertRefused(result);
        assertThat(error).contains("in use");
        assertThat(Files.readAllBytes(db)).as("registry.db unchanged").isEqualTo(before);
    }

    private Result launch() throws Exception {
        return LauncherProcess.run(work, "--storage", storage.toString(), "--bundles", bundles.toString(), "-c", "lb");
    }

    /** Exit 3, one line on standard error naming registry.db, no stack trace; returns that line. */
    private String assertRefused(Result result) {
        String all = "exit " + result.exitCode() + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr();
        assertThat(result.exitCode()).as(all).isEqualTo(3);
        assertThat(result.stderrLines())
                .as(all)
                .singleElement()
                .asString()
                .startsWith("Error: ")
                .contains(db.toString());
        assertThat(result.stderr() + result.stdout())
                .as(all)
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("Caused by");
        assertThat(result.stdout()).as(all).doesNotContain("START LEVEL");
        return result.stderrLines().get(0);
    }

    private static Connection connect(Path file) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }
}
