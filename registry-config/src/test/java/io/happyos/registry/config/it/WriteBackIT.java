package io.happyos.registry.config.it;

import static io.happyos.registry.config.it.EtcFolderIT.find;
import static io.happyos.registry.config.it.EtcFolderIT.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The config:* commands and the write-back of every change to its file. */
class WriteBackIT {

    @TempDir
    Path work;

    private ConfigFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void configSetWritesTheFileBackKeepingItsComments() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path file = etc.resolve("org.example.http.cfg");
        Files.writeString(file, "# HTTP settings\nport = 8080\n\n# where to listen\nhost = localhost\n");
        fixture = ConfigFixture.start(etc, false, Map.of());

        String said = fixture.ok("config:set org.example.http port 9090");
        fixture.ok("config:set org.example.http added yes");

        assertThat(said).contains("port = 9090", "written to " + file);
        assertThat(Files.readString(file))
                .isEqualTo("# HTTP settings\nport = 9090\n\n# where to listen\nhost = localhost\nadded = yes\n");
        fixture.ok("config:delete org.example.http host");
        assertThat(Files.readString(file))
                .isEqualTo("# HTTP settings\nport = 9090\n\n# where to listen\nadded = yes\n");
        // the watcher sees the file change but applies nothing: the configuration already holds it
        assertThat(value(fixture.admin(), "org.example.http", "port")).isEqualTo("9090");
    }

    @Test
    void aTypedSetKeepsItsTypeThroughTheCfgFileAndAnEditOfIt() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path file = etc.resolve("org.example.typed.cfg");
        Files.writeString(file, "port = 8080\n");
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();

        assertThat(fixture.ok("config:set --type Integer org.example.typed port 9090"))
                .contains("(Integer)");
        assertThat(Files.readString(file)).isEqualTo("port = 9090\n");
        assertThat(value(admin, "org.example.typed", "port")).isEqualTo(9090);

        Files.writeString(file, "port = 7070\n");
        await().atMost(ConfigFixture.WAIT)
                .until(() -> Integer.valueOf(7070).equals(value(admin, "org.example.typed", "port")));
    }

    @Test
    void aNewPidGetsItsFileAndDeletingItRemovesTheFile() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();

        String said = fixture.ok("config:set org.example.fresh greeting hello");

        Path file = etc.resolve("org.example.fresh.cfg");
        assertThat(said).contains("created " + file);
        assertThat(Files.readString(file)).isEqualTo("greeting = hello\n");
        // the watcher then marks the configuration with its file
        await().atMost(ConfigFixture.WAIT)
                .until(() -> file.toString().equals(value(admin, "org.example.fresh", "happyos.config.file")));
        assertThat(fixture.ok("config:get org.example.fresh greeting").strip()).isEqualTo("hello");
        assertThat(fixture.ok("config:list --json org.example"))
                .contains("\"pid\":\"org.example.fresh\"", "\"greeting\":\"hello\"");

        assertThat(fixture.ok("config:delete org.example.fresh")).contains("deleted");
        assertThat(file).doesNotExist();
        assertThat(find(admin, "org.example.fresh")).isNull();
    }

    @Test
    void factoryAndTypedValuesAndChangesByCodeAreWrittenToo() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        fixture = ConfigFixture.start(etc, false, Map.of());
        ConfigurationAdmin admin = fixture.admin();

        fixture.ok("config:set org.example.pool-main size 4");
        assertThat(Files.readString(etc.resolve("org.example.pool-main.cfg"))).isEqualTo("size = 4\n");
        assertThat(find(admin, "org.example.pool~main").getFactoryPid()).isEqualTo("org.example.pool");

        Configuration byCode = admin.getConfiguration("org.example.code", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("limit", 5);
        properties.put("names", new String[] {"a", "b"});
        byCode.update(properties);
        Path json = etc.resolve("org.example.code.config");
        assertThat(json).exists();
        assertThat(Files.readString(json)).contains("\"limit:Integer\" : 5", "\"names:String[]\"");
    }

    @Test
    void errorsSayWhatToDo() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        fixture = ConfigFixture.start(etc, false, Map.of());

        assertThat(fixture.fails("config:get org.example.none"))
                .contains("no configuration org.example.none", "config:list");
        assertThat(fixture.fails("config:delete org.example.none")).contains("config:list");
        assertThat(fixture.fails("config:set --type Widget a b c")).contains("unknown --type Widget", "Integer");
        assertThat(fixture.fails("config:set --type Integer a b c")).contains("\"c\" is not a Integer");
        fixture.ok("config:set a b c");
        assertThat(fixture.fails("config:get a nokey")).contains("has no key nokey", "config:get a");
    }

    @Test
    void withoutAnEtcFolderChangesStayInConfigurationAdmin() throws Exception {
        fixture = ConfigFixture.start(null, false, Map.of());

        String said = fixture.ok("config:set org.example.mem key value");

        assertThat(said).contains("no etc folder", "Configuration Admin only");
        assertThat(value(fixture.admin(), "org.example.mem", "key")).isEqualTo("value");
    }
}
