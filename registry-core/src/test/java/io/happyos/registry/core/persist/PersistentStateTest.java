package io.happyos.registry.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ErrorRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentStateTest {

    private final io.happyos.registry.core.concurrent.RegistryThreads threads =
            new io.happyos.registry.core.concurrent.RegistryThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path storage;

    private RegistryDatabase db;
    private DurableWriter writer;
    private PersistentState state;

    @BeforeEach
    void open() {
        openState();
    }

    @AfterEach
    void close() {
        closeState();
    }

    private void openState() {
        db = RegistryDatabase.open(storage.resolve("registry.db"));
        writer = new DurableWriter(db, threads);
        state = new PersistentState(db, writer, new TestDatabases.SettableClock(T0));
    }

    private void closeState() {
        writer.close();
        db.close();
    }

    private void reopen() {
        closeState();
        openState();
    }

    private static void done(CompletableFuture<Void> f) {
        f.join();
    }

    @Test
    void keepsExplicitDependencies() {
        done(state.addDependency("a", "b", "shell"));
        done(state.addDependency("a", "c", "shell"));
        done(state.addDependency("a", "b", "someone else"));
        reopen();
        assertThat(state.dependencies()).containsExactly(new String[] {"a", "b"}, new String[] {"a", "c"});

        done(state.removeDependency("a", "b"));
        assertThat(state.dependencies()).containsExactly(new String[] {"a", "c"});
    }

    @Test
    void keepsStandaloneComponents() {
        ComponentInfo full = new ComponentInfo(
                "weather",
                "skill",
                "/x/weather.jar",
                "io.weather",
                Instant.parse("2024-12-31T23:59:59.123Z"),
                "1.2.3",
                Map.of("desc", "line one\nline two", "a=b", "c\\d", "empty", ""),
                "transient error");
        ComponentInfo bare = ComponentInfo.of("calc", "skill");
        done(state.putComponent(full, "weather", T0));
        done(state.putComponent(bare, "calc", T0.plusSeconds(1)));
        reopen();

        assertThat(state.components())
                .containsExactly(
                        new StoredComponent(
                                "weather",
                                new ComponentInfo(
                                        "weather",
                                        "skill",
                                        "/x/weather.jar",
                                        "io.weather",
                                        Instant.parse("2024-12-31T23:59:59.123Z"),
                                        "1.2.3",
                                        full.metadata(),
                                        null),
                                T0),
                        new StoredComponent("calc", bare, T0.plusSeconds(1)));

        done(state.putComponent(bare.withVersion("2.0"), "calc", T0.plusSeconds(2)));
        assertThat(state.components()).extracting(s -> s.info().version()).containsExactly("1.2.3", "2.0");
    }

    @Test
    void keepsTheNewestErrorsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            done(state.addError("a", T0.plusSeconds(i), "error " + i, 3));
        }
        done(state.addError("b", T0, "only one", 3));
        reopen();

        assertThat(state.errors("a"))
                .containsExactly(
                        new ErrorRecord(T0.plusSeconds(2), "error 2"),
                        new ErrorRecord(T0.plusSeconds(3), "error 3"),
                        new ErrorRecord(T0.plusSeconds(4), "error 4"));
        assertThat(state.errors("nobody")).isEmpty();
        assertThat(state.allErrors()).containsOnlyKeys("a", "b");
        assertThat(state.allErrors().get("b")).containsExactly(new ErrorRecord(T0, "only one"));
    }

    @Test
    void keepsManualStatuses() {
        done(state.setManualStatus("a", "QUARANTINED", "crashes"));
        done(state.setManualStatus("b", "STOPPED", null));
        done(state.setManualStatus("a", "STOPPED", "by hand"));
        reopen();
        assertThat(state.manualStatuses()).isEqualTo(Map.of("a", "STOPPED", "b", "STOPPED"));

        done(state.clearManualStatus("a"));
        assertThat(state.manualStatuses()).isEqualTo(Map.of("b", "STOPPED"));
    }

    @Test
    void keepsAccessCounts() {
        done(state.saveAccess(Map.of("a", new long[] {3, 1000}, "b", new long[] {1, 2000})));
        done(state.saveAccess(Map.of("a", new long[] {5, 3000})));
        reopen();

        Map<String, long[]> access = state.access();
        assertThat(access).containsOnlyKeys("a", "b");
        assertThat(access.get("a")).containsExactly(5, 3000);
        assertThat(access.get("b")).containsExactly(1, 2000);
    }

    @Test
    void forgetsEverythingAboutAComponentButItsAudit() {
        done(state.putComponent(ComponentInfo.of("a", "skill"), "a", T0));
        done(state.addDependency("a", "b", "shell"));
        done(state.addDependency("c", "a", "shell"));
        done(state.addDependency("c", "b", "shell"));
        done(state.addError("a", T0, "boom", 10));
        done(state.setManualStatus("a", "STOPPED", null));
        done(state.saveAccess(Map.of("a", new long[] {1, 1}, "b", new long[] {2, 2})));

        done(state.removeComponent("a"));

        assertThat(state.components()).isEmpty();
        assertThat(state.dependencies()).containsExactly(new String[] {"c", "b"});
        assertThat(state.errors("a")).isEmpty();
        assertThat(state.manualStatuses()).isEmpty();
        assertThat(state.access()).containsOnlyKeys("b");
    }

    @Test
    void metadataTextSurvivesAwkwardCharacters() {
        Map<String, String> metadata =
                Map.of("k=1", "v=2", "back\\slash", "\\n is not a newline", "cr", "a\r\nb", "", "empty key");
        assertThat(MetadataText.parse(MetadataText.format(metadata))).isEqualTo(metadata);
        assertThat(MetadataText.parse(MetadataText.format(Map.of()))).isEmpty();
    }
}
