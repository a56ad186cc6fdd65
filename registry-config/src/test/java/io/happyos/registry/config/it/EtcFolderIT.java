package io.happyos.registry.config.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The etc folder's files in a real framework: applied at start, watched, typed, removed, rejected. */
class EtcFolderIT {

    @TempDir
    Path work;

    private ConfigFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Path etc() throws Exception {
        return Files.createDirectories(work.resolve("etc"));
    }

    @Test
    void filesPresentAtStartAreAppliedWithTheirTypes() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("org.example.http.cfg"), "# the port\nport = 8080\nhost = localhost\n");
        Files.writeString(
                etc.resolve("org.example.typed.config"),
                "{ \"port:Integer\": 8080, \"ratio\": 0.5, \"on\": true, \"hosts\": [\"a\", \"b\"], \"n\": 3 }");
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();

        Dictionary<String, Object> http = properties(admin, "org.example.http");
        assertThat(http.get("port")).isEqualTo("8080");
        assertThat(http.get("host")).isEqualTo("localhost");
        assertThat(http.get("happyos.config.file"))
                .isEqualTo(etc.resolve("org.example.http.cfg").toString());
        Dictionary<String, Object> typed = properties(admin, "org.example.typed");
        assertThat(typed.get("port")).isEqualTo(8080);
        assertThat(typed.get("ratio")).isEqualTo(0.5d);
        assertThat(typed.get("on")).isEqualTo(true);
        assertThat(typed.get("hosts")).isEqualTo(new String[] {"a", "b"});
        assertThat(typed.get("n")).isEqualTo(3L);
    }

    @Test
    void aFileDroppedChangedAndRemovedCreatesUpdatesAndDeletes() throws Exception {
        Path etc = etc();
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();
        Path file = etc.resolve("org.example.drop.cfg");

        Files.writeString(file, "greeting = hello\n");
        await().atMost(ConfigFixture.WAIT).until(() -> "hello".equals(value(admin, "org.example.drop", "greeting")));

        Files.writeString(file, "greeting = bonjour\nextra = 1\n");
        await().atMost(ConfigFixture.WAIT).until(() -> "bonjour".equals(value(admin, "org.example.drop", "greeting")));
        assertThat(value(admin, "org.example.drop", "extra")).isEqualTo("1");

        Files.delete(file);
        await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "org.example.drop") == null);
    }

    @Test
    void aFactoryFileMakesANamedFactoryConfiguration() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("org.example.pool-main.cfg"), "size = 4\n");
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();

        Configuration main = find(admin, "org.example.pool~main");
        assertThat(main).isNotNull();
        assertThat(main.getFactoryPid()).isEqualTo("org.example.pool");
        assertThat(main.getProperties().get("size")).isEqualTo("4");

        Files.writeString(etc.resolve("org.example.pool-spare.config"), "{\"size:Integer\": 2}");
        await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "org.example.pool~spare") != null);
        assertThat(find(admin, "org.example.pool~spare").getProperties().get("size"))
                .isEqualTo(2);
        assertThat(admin.listConfigurations("(service.factoryPid=org.example.pool)"))
                .hasSize(2);
    }

    @Test
    void aFileWithAnErrorKeepsTheConfigurationUntilItIsFixed() throws Exception {
        Path etc = etc();
        Path file = etc.resolve("org.example.json.config");
        Files.writeString(file, "{\"level\": \"info\"}");
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();
        assertThat(value(admin, "org.example.json", "level")).isEqualTo("info");

        Files.writeString(file, "{\"level\": \"debug\",,}");
        Files.writeString(etc.resolve("marker.cfg"), "seen = yes\n");
        // the marker file is written after the broken one and applied in the same or a later scan
        await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "marker") != null);
        assertThat(value(admin, "org.example.json", "level")).isEqualTo("info");

        Files.writeString(file, "{\"level\": \"debug\"}");
        await().atMost(ConfigFixture.WAIT).until(() -> "debug".equals(value(admin, "org.example.json", "level")));
    }

    @Test
    void otherFilesAreIgnoredAndTheFolderMayComeBack() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("org.example.a.cfg~"), "x = 1\n");
        Files.writeString(etc.resolve(".org.example.b.cfg"), "x = 1\n");
        Files.writeString(etc.resolve("happyos.properties"), "x = 1\n");
        Files.writeString(etc.resolve("kept.cfg"), "x = 1\n");
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();
        assertThat(admin.listConfigurations("(happyos.config.file=*)"))
                .extracting(Configuration::getPid)
                .containsExactly("kept");

        for (Path file : Files.list(etc).toList()) {
            Files.delete(file);
        }
        Files.delete(etc);
        Files.createDirectory(etc);
        Files.writeString(etc.resolve("again.cfg"), "y = 2\n");

        await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "again") != null);
        await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "kept") == null);
    }

    @Test
    void aFileRemovedWhileStoppedDeletesItsConfigurationAtTheNextStart() throws Exception {
        Path etc = etc();
        Files.writeString(etc.resolve("gone.cfg"), "x = 1\n");
        fixture = ConfigFixture.start(etc, false, Map.of());
        assertThat(find(fixture.admin(), "gone")).isNotNull();
        fixture.felix.stopFramework();
        Files.delete(etc.resolve("gone.cfg"));

        var restarted = fixture.felix.restart(ConfigFixture.properties(etc, Map.of()));
        fixture = null;
        try {
            ConfigurationAdmin admin = restarted.service(ConfigurationAdmin.class, ConfigFixture.WAIT);
            await().atMost(ConfigFixture.WAIT).until(() -> find(admin, "gone") == null);
        } finally {
            restarted.close();
        }
    }

    static Configuration find(ConfigurationAdmin admin, String pid) throws Exception {
        Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
        return found == null ? null : found[0];
    }

    static Dictionary<String, Object> properties(ConfigurationAdmin admin, String pid) throws Exception {
        Configuration found = find(admin, pid);
        assertThat(found).as("configuration " + pid).isNotNull();
        return found.getProperties();
    }

    static Object value(ConfigurationAdmin admin, String pid, String key) throws Exception {
        Configuration found = find(admin, pid);
        return found == null ? null : found.getProperties().get(key);
    }
}
