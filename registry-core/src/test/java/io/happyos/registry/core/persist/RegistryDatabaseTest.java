package io.happyos.registry.core.persist;

import static io.happyos.registry.core.persist.TestDatabases.execute;
import static io.happyos.registry.core.persist.TestDatabases.raw;
import static io.happyos.registry.core.persist.TestDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDatabaseTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    @TempDir
    Path storage;

    private List<String> listing() throws IOException {
        try (var files = Files.list(storage)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private Path file() {
        return storage.resolve("registry.db");
    }

    @Test
    void createsEveryTableAndRecordsTheSchemaVersion() throws IOException {
        try (RegistryDatabase db = RegistryDatabase.open(file())) {
            List<String> tables = db.read(c -> {
                List<String> names = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            assertThat(tables)
                    .contains(
                            "explicit_dependency",
                            "standalone_component",
                            "error_history",
                            "manual_status",
                            "access",
                            "audit",
                            "header_index",
                            "provisioned_set",
                            "quota");
            assertThat(db.<Integer>read(Connections::userVersion))
                    .isEqualTo(RegistryDatabase.schemaVersion())
                    .isEqualTo(4);
            assertThat(db.<String>read(c -> text(c, "PRAGMA journal_mode"))).isEqualTo("wal");
            assertThat(
                            db.<String>read(
                                    c -> text(
                                            c,
                                            "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                                    + " AND name IN ('audit_at', 'audit_component', 'audit_operation', 'error_history_component')")))
                    .isEqualTo("4");
        }
        assertThat(listing()).noneMatch(name -> name.contains(".bak-v"));
    }

    @Test
    void reopeningKeepsTheData() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(file());
                DurableWriter writer = new DurableWriter(db, threads)) {
            writer.submit(c -> execute(c, "INSERT INTO manual_status VALUES ('a', 'STOPPED', 'test', 1)"))
                    .join();
        }
        try (RegistryDatabase db = RegistryDatabase.open(file())) {
            assertThat(db.<String>read(c -> text(c, "SELECT status FROM manual_status WHERE component_id = 'a'")))
                    .isEqualTo("STOPPED");
        }
    }

    @Test
    void refusesADatabaseFromANewerContainerWithoutChangingIt() throws Exception {
        try (Connection c = raw(file())) {
            execute(c, "CREATE TABLE future(x)", "INSERT INTO future VALUES (1)", "PRAGMA user_version = 7");
        }
        Files.writeString(storage.resolve("registry.db.bak-v1"), "an older copy");
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("schema version 7")
                .hasMessageContaining("up to version " + Schema.LATEST)
                .hasMessageContaining("run a newer container")
                .hasMessageContaining("registry.db.bak-v1")
                .message()
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void refusesRandomBytesAsCorruptWithoutChangingThem() throws Exception {
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(file(), garbage);

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("not a usable registry database")
                .hasMessageContaining("--clean")
                .message()
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(garbage);
        assertThat(storage.resolve("registry.db-wal")).doesNotExist();
    }

    @Test
    void namesTheNewestBackupWhenRefusingACorruptFile() throws Exception {
        Files.writeString(
                file(),
                "this is a text file, not a database, but long enough to have a header........"
                        + "................................................................................");
        Files.writeString(storage.resolve("registry.db.bak-v0"), "old");
        Files.writeString(storage.resolve("registry.db.bak-v3"), "newer");

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("restore the backup registry.db.bak-v3");
    }

    @Test
    void refusesADamagedDatabaseWithoutChangingIt() throws Exception {
        try (Connection c = raw(file())) {
            execute(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "CREATE INDEX t_v ON t(v)");
            execute(
                    c,
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                            + " INSERT INTO t SELECT i, printf('value %08d', i) FROM n");
        }
        byte[] damaged = Files.readAllBytes(file());
        // overwrite a few pages in the middle, leaving the header and the schema page intact
        byte[] noise = new byte[3 * 4096];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, damaged, 3 * 4096, noise.length);
        Files.write(file(), damaged);

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("not a usable registry database");
        assertThat(Files.readAllBytes(file())).isEqualTo(damaged);
    }

    @Test
    void refusesADatabaseInATransactionOfAnotherConnectionAsInUse() throws Exception {
        RegistryDatabase.open(file()).close();
        try (Connection other = raw(file())) {
            execute(other, "BEGIN EXCLUSIVE", "INSERT INTO access VALUES ('x', 1, 1)");
            byte[] before = Files.readAllBytes(file());

            assertThatThrownBy(() -> RegistryDatabase.open(file()))
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("in use by another container");
            assertThat(Files.readAllBytes(file())).isEqualTo(before);
            execute(other, "ROLLBACK");
        }
    }

    @Test
    void refusesARollbackJournalDatabaseLockedExclusivelyAsInUse() throws Exception {
        try (Connection other = raw(file())) {
            execute(other, "CREATE TABLE legacy(x)", "BEGIN EXCLUSIVE", "INSERT INTO legacy VALUES (1)");

            assertThatThrownBy(() -> RegistryDatabase.open(file()))
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessageContaining("in use by another container");
            execute(other, "ROLLBACK");
        }
    }

    @Test
    void refusesASecondOpeningWhileTheFirstIsOpen() {
        try (RegistryDatabase first = RegistryDatabase.open(file())) {
            assertThat(first.file()).isEqualTo(file().toAbsolutePath());
            assertThatThrownBy(() -> RegistryDatabase.open(file()))
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessageContaining("in use by another container");
        }
        RegistryDatabase.open(file()).close();
    }

    @Test
    void backsUpAnOlderDatabaseBeforeUpgradingIt() throws Exception {
        try (Connection c = raw(file())) {
            execute(c, Schema.MIGRATIONS.get(0).statements().toArray(String[]::new));
            execute(
                    c,
                    "PRAGMA user_version = 1",
                    "INSERT INTO explicit_dependency(dependent, dependency, added_at)" + " VALUES ('keep', 'me', 1)");
        }
        byte[] before = Files.readAllBytes(file());

        try (RegistryDatabase db = RegistryDatabase.open(file())) {
            assertThat(db.<Integer>read(Connections::userVersion)).isEqualTo(Schema.LATEST);
            assertThat(db.<String>read(c -> text(c, "SELECT dependency FROM explicit_dependency")))
                    .isEqualTo("me");
            assertThat(db.<String>read(c -> text(c, "SELECT count(*) FROM header_index")))
                    .isEqualTo("0");
        }
        Path backup = storage.resolve("registry.db.bak-v1");
        assertThat(backup).exists();
        try (Connection c = raw(backup)) {
            assertThat(text(c, "SELECT dependency FROM explicit_dependency")).isEqualTo("me");
            assertThat(text(c, "PRAGMA user_version")).isEqualTo("1");
            assertThat(text(c, "SELECT count(*) FROM sqlite_master WHERE name = 'header_index'"))
                    .isEqualTo("0");
        }
        assertThat(before).isNotEmpty();
    }

    @Test
    void refusesAnEmptyFileWithoutChangingIt() throws IOException {
        Files.createFile(file());

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("empty")
                .hasMessageContaining("--clean")
                .message()
                .doesNotContain("\n");
        assertThat(Files.size(file())).isZero();
        assertThat(listing()).containsExactlyInAnyOrder("registry.db", "registry.db.lock");
    }

    @Test
    void refusesAnSqliteFileOfAnotherProgramWithoutChangingIt() throws Exception {
        try (Connection c = raw(file())) {
            execute(
                    c,
                    "CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO customer(name) VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("customer")
                .message()
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(listing()).containsExactlyInAnyOrder("registry.db", "registry.db.lock");
    }

    @Test
    void refusesARegistryDatabaseWithATableItNeverCreates() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(file())) {
            assertThat(db.<Integer>read(Connections::userVersion)).isEqualTo(Schema.LATEST);
        }
        try (Connection c = raw(file())) {
            execute(c, "CREATE TABLE stranger(x TEXT)");
        }

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("stranger");
    }

    @Test
    void refusesARegistryDatabaseThatLostTablesOfItsSchemaVersion() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(file())) {
            assertThat(db.<Integer>read(Connections::userVersion)).isEqualTo(Schema.LATEST);
        }
        try (Connection c = raw(file())) {
            execute(c, "DROP TABLE manual_status", "DROP TABLE error_history");
        }
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> RegistryDatabase.open(file()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("not a usable registry database")
                .hasMessageContaining("error_history, manual_status are missing");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void createsTheDatabaseInANewStorageFolder() {
        Path nested = storage.resolve("new").resolve("registry.db");
        try (RegistryDatabase db = RegistryDatabase.open(nested)) {
            assertThat(db.<Integer>read(Connections::userVersion)).isEqualTo(Schema.LATEST);
        }
        assertThat(nested).exists();
    }
}
