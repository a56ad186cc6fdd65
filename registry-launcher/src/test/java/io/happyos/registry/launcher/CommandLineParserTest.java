package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineParserTest {

    @Test
    void defaultsAreRelativeToTheWorkingFolder() throws Exception {
        LauncherOptions options = CommandLineParser.parse();

        assertThat(options.bundlesDir()).isEqualTo(Path.of("bundles").toAbsolutePath());
        assertThat(options.storageDir()).isEqualTo(Path.of(".happyos-registry").toAbsolutePath());
        assertThat(options.clean()).isFalse();
        assertThat(options.batch()).isFalse();
    }

    @Test
    void readsEveryOptionAndKeepsCommandsInOrder() throws Exception {
        LauncherOptions options = CommandLineParser.parse(
                "--clean",
                "-c",
                "registry:list",
                "--bundles",
                "/tmp/b",
                "--command",
                "registry:order",
                "--storage=/tmp/s");

        assertThat(options.bundlesDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.storageDir()).isEqualTo(Path.of("/tmp/s"));
        assertThat(options.clean()).isTrue();
        assertThat(options.commands()).containsExactly("registry:list", "registry:order");
        assertThat(options.batch()).isTrue();
    }

    @Test
    void folderFlagsTurnWatchingAndAutomaticRollbackOffAndReachTheFramework() throws Exception {
        LauncherOptions defaults = CommandLineParser.parse();
        assertThat(defaults.noWatch()).isFalse();
        assertThat(defaults.noAutoRollback()).isFalse();
        LauncherOptions off = CommandLineParser.parse("--no-watch", "--no-auto-rollback");
        assertThat(off.noWatch()).isTrue();
        assertThat(off.noAutoRollback()).isTrue();
        var properties = FrameworkSettings.create(Main.containerFor(off), BuildInfo.load(), null);
        assertThat(properties)
                .containsEntry("happyos.bundles.watch", "false")
                .containsEntry("happyos.reload.autoRollback", "false");
    }

    @Test
    void provisionIsRepeatableAndReachesTheFrameworkAsAbsolutePaths() throws Exception {
        assertThat(CommandLineParser.parse().provision()).isEmpty();
        assertThat(FrameworkSettings.create(Main.containerFor(CommandLineParser.parse()), BuildInfo.load(), null))
                .doesNotContainKey("happyos.provision");
        LauncherOptions options = CommandLineParser.parse("--provision", "features.xml", "--provision=/etc/more.xml");

        assertThat(options.provision())
                .containsExactly(Path.of("features.xml").toAbsolutePath(), Path.of("/etc/more.xml"));
        assertThat(FrameworkSettings.create(Main.containerFor(options), BuildInfo.load(), null))
                .containsEntry("happyos.provision", Path.of("features.xml").toAbsolutePath() + ",/etc/more.xml");
        assertThatThrownBy(() -> CommandLineParser.parse("--provision", " "))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--provision needs a file");
    }

    @Test
    void helpAndVersionAreFlags() throws Exception {
        assertThat(CommandLineParser.parse("--help").help()).isTrue();
        assertThat(CommandLineParser.parse("-h").help()).isTrue();
        assertThat(CommandLineParser.parse("--version").version()).isTrue();
    }

    @Test
    void noShellIsAFlagThatRunsNoCommands() throws Exception {
        assertThat(CommandLineParser.parse().noShell()).isFalse();
        assertThat(CommandLineParser.parse("--no-shell").noShell()).isTrue();
        assertThatThrownBy(() -> CommandLineParser.parse("--no-shell", "-c", "lb"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--no-shell runs no commands")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> CommandLineParser.parse("--no-shell=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void rejectsWhatItDoesNotKnowAndPointsToHelp() {
        assertThatThrownBy(() -> CommandLineParser.parse("--verbose"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--verbose")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> CommandLineParser.parse("registry:list"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("-c");
        assertThatThrownBy(() -> CommandLineParser.parse("--bundles"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLineParser.parse("-c", "  "))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> CommandLineParser.parse("--clean=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void clusterOptionsReachTheFrameworkAsTheClusterProperties() throws Exception {
        LauncherOptions options = CommandLineParser.parse(
                "--cluster",
                "127.0.0.1:2181,127.0.0.1:2182/teams/a",
                "--node=alpha",
                "--cluster-session-timeout",
                "3s",
                "--cluster-auth",
                "/tmp/zk/../zk-credentials");

        assertThat(options.cluster()).isEqualTo("127.0.0.1:2181,127.0.0.1:2182/teams/a");
        assertThat(options.node()).isEqualTo("alpha");
        assertThat(options.clusterSessionTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.clusterAuth()).isEqualTo(Path.of("/tmp/zk-credentials"));
        Map<String, Object> properties = properties(options);
        assertThat(properties)
                .containsEntry("happyos.cluster", "127.0.0.1:2181,127.0.0.1:2182/teams/a")
                .containsEntry("happyos.cluster.node", "alpha")
                .containsEntry("happyos.cluster.session.timeout", "3000ms")
                .containsEntry("happyos.cluster.auth", "/tmp/zk-credentials");
        assertThat(FrameworkSettings.clusterOn(properties)).isTrue();
    }

    @Test
    void clusterAloneLeavesTheNodeNameAndTimeoutToTheClusterAndWithoutItTheContainerIsStandalone() throws Exception {
        Map<String, Object> embedded = properties(CommandLineParser.parse("--cluster", "embedded:0"));
        assertThat(embedded).containsEntry("happyos.cluster", "embedded:0");
        assertThat(embedded)
                .doesNotContainKeys("happyos.cluster.node", "happyos.cluster.session.timeout", "happyos.cluster.auth");

        Map<String, Object> standalone = properties(CommandLineParser.parse());
        assertThat(standalone.keySet()).noneMatch(key -> key.startsWith("happyos.cluster"));
        assertThat(FrameworkSettings.clusterOn(standalone)).isFalse();
    }

    @Test
    void clusterOptionsWithoutClusterAreUsageErrorsThatSaySo() {
        for (String[] args :
                new String[][] {{"--node", "alpha"}, {"--cluster-session-timeout", "3s"}, {"--cluster-auth=creds.txt"}
                }) {
            String option = args[0].contains("=") ? args[0].substring(0, args[0].indexOf('=')) : args[0];
            assertThatThrownBy(() -> CommandLineParser.parse(args))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("Option " + option + " applies to a cluster only")
                    .hasMessageContaining("--cluster CONNECT|embedded[:PORT]")
                    .hasMessageContaining("--help");
        }
    }

    @Test
    void clusterOptionsNeedUsableValues() {
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cluster needs a value");
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster= "))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("ZooKeeper connect string")
                .hasMessageContaining("embedded[:PORT]");
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster", "embedded", "--node="))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--node needs a non-empty value");
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster", "embedded", "--cluster-session-timeout", "soon"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cluster-session-timeout needs a duration, not 'soon'")
                .hasMessageContaining("30s");
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster", "embedded", "--cluster-session-timeout", "500ms"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cluster-session-timeout 500ms is out of range: give between 1s and 10m");
        assertThatThrownBy(() -> CommandLineParser.parse("--cluster", "embedded", "--cluster-session-timeout", "1h"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void theBuilderHoldsTheClusterSettingsToTheSameContract() {
        assertThatThrownBy(() -> RegistryContainer.builder().cluster(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded[:PORT]");
        assertThatThrownBy(() -> RegistryContainer.builder().clusterSessionTimeout(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1s and 10m");
        assertThatThrownBy(() -> RegistryContainer.builder().node("alpha").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set cluster(...) too");
        RegistryContainer.Builder builder = RegistryContainer.builder()
                .cluster(" 127.0.0.1:2181 ")
                .clusterSessionTimeout(Duration.ofMinutes(10))
                .clusterAuth(Path.of("creds"));
        assertThat(FrameworkSettings.create(builder, BuildInfo.load(), null))
                .containsEntry("happyos.cluster", "127.0.0.1:2181")
                .containsEntry("happyos.cluster.session.timeout", "600000ms")
                .containsEntry(
                        "happyos.cluster.auth",
                        Path.of("creds").toAbsolutePath().toString());
    }

    @Test
    void aCredentialsFileThatCannotBeReadFailsTheStartBeforeTheFrameworkSayingSo(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-credentials");

        assertThatThrownBy(() -> RegistryContainer.builder()
                        .storageDir(dir.resolve("storage"))
                        .bundlesDir(dir.resolve("bundles"))
                        .cluster("127.0.0.1:1")
                        .clusterAuth(missing)
                        .start())
                .isInstanceOf(StartupException.class)
                .hasMessage("Cannot read the cluster credentials file " + missing
                        + " (--cluster-auth): give a readable file holding one line USER:PASSWORD");
        assertThat(dir.resolve("storage/felix-cache")).doesNotExist();
    }

    @Test
    void httpTakesAPortOrHostAndPortAndABarePortListensOnLoopback() throws Exception {
        assertThat(properties(CommandLineParser.parse("--http", "8080")))
                .containsEntry("happyos.http", "127.0.0.1:8080")
                .containsEntry("org.apache.felix.http.host", "127.0.0.1")
                .containsEntry("org.osgi.service.http.port", "8080")
                .containsEntry("org.apache.felix.http.enable", "true");
        assertThat(properties(CommandLineParser.parse("--http=[::1]:0")))
                .containsEntry("happyos.http", "[::1]:0")
                .containsEntry("org.apache.felix.http.host", "::1");
        assertThat(properties(CommandLineParser.parse("--http", "0.0.0.0:9000", "--http-insecure")))
                .containsEntry("happyos.http", "0.0.0.0:9000");
        Map<String, Object> tls = properties(CommandLineParser.parse("--http", "0.0.0.0:8443", "--http-tls", "k.p12"));
        assertThat(tls)
                .containsEntry("org.apache.felix.https.enable", "true")
                .containsEntry("org.apache.felix.http.enable", "false")
                .containsEntry("org.osgi.service.http.port.secure", "8443")
                .containsEntry(
                        "org.apache.felix.https.keystore",
                        Path.of("k.p12").toAbsolutePath().toString())
                .containsEntry("org.apache.felix.https.keystore.type", "PKCS12");
        assertThat(properties(CommandLineParser.parse("--http", "1", "--http-token-file", "t")))
                .containsEntry(
                        "happyos.http.token.file", Path.of("t").toAbsolutePath().toString());
        assertThat(properties(CommandLineParser.parse())).doesNotContainKey("happyos.http");
    }

    @Test
    void httpRefusesPlainHttpBeyondLoopbackAndBadAddressesAndStrayOptions() {
        assertThatThrownBy(() -> CommandLineParser.parse("--http", "0.0.0.0:8080"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--http-tls KEYSTORE")
                .hasMessageContaining("--http-insecure");
        assertThatThrownBy(() -> CommandLineParser.parse("--http", "192.168.1.5:80"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("plain HTTP");
        for (String bad : new String[] {"", "x", "70000", "host:", ":80", "::1:80", "a b:80", "-1"}) {
            assertThatThrownBy(() -> CommandLineParser.parse("--http", bad))
                    .as(bad)
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--http");
        }
        for (String[] stray :
                new String[][] {{"--http-insecure"}, {"--http-tls", "k.p12"}, {"--http-token-file", "t"}}) {
            assertThatThrownBy(() -> CommandLineParser.parse(stray))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("applies to the web console only: give --http [HOST:]PORT too");
        }
        assertThatThrownBy(() -> CommandLineParser.parse("--http", "1", "--http-insecure=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void theBuilderRefusesPlainHttpBeyondLoopbackAtStartBeforeTheFramework(@TempDir Path dir) {
        assertThatThrownBy(() -> RegistryContainer.builder().http("nonsense"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[HOST:]PORT");
        assertThatThrownBy(() -> RegistryContainer.builder()
                        .storageDir(dir.resolve("storage"))
                        .bundlesDir(dir.resolve("bundles"))
                        .http("10.1.2.3:0")
                        .start())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--http-tls KEYSTORE");
        assertThatThrownBy(() -> RegistryContainer.builder()
                        .storageDir(dir.resolve("storage"))
                        .bundlesDir(dir.resolve("bundles"))
                        .http("0")
                        .httpTls(dir.resolve("missing.p12"), "pw")
                        .start())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Cannot read the keystore");
        assertThat(dir.resolve("storage/felix-cache")).doesNotExist();
    }

    @Test
    void sshOptionsReachTheFrameworkWithABarePortOnLoopback() throws Exception {
        LauncherOptions options =
                CommandLineParser.parse("--ssh", "2222", "--ssh-authorized-keys", "/home/me/.ssh/../keys");

        assertThat(options.ssh()).isEqualTo("2222");
        assertThat(options.sshAuthorizedKeys()).isEqualTo(Path.of("/home/me/keys"));
        Map<String, Object> properties = properties(options);
        assertThat(properties)
                .containsEntry("happyos.ssh", "127.0.0.1:2222")
                .containsEntry("happyos.ssh.authorized.keys", "/home/me/keys");
        assertThat(properties(CommandLineParser.parse("--ssh=0.0.0.0:22", "--ssh-authorized-keys=/k")))
                .containsEntry("happyos.ssh", "0.0.0.0:22");
        assertThat(properties(CommandLineParser.parse()).keySet()).noneMatch(key -> key.startsWith("happyos.ssh"));
    }

    @Test
    void sshAndItsKeysGoTogetherAsUsageErrorsSay() {
        assertThatThrownBy(() -> CommandLineParser.parse("--ssh-authorized-keys", "keys"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Option --ssh-authorized-keys applies to the SSH shell only")
                .hasMessageContaining("--ssh [HOST:]PORT")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> CommandLineParser.parse("--ssh", "2222"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Option --ssh needs --ssh-authorized-keys FILE too")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> CommandLineParser.parse("--ssh"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--ssh needs a value");
        assertThatThrownBy(() -> CommandLineParser.parse("--ssh= ", "--ssh-authorized-keys", "keys"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--ssh needs [HOST:]PORT");
    }

    @Test
    void theBuilderHoldsTheSshSettingsToTheSameContract(@TempDir Path dir) {
        assertThatThrownBy(() -> RegistryContainer.builder().ssh(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[HOST:]PORT");
        assertThatThrownBy(() -> RegistryContainer.builder().ssh("0").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> RegistryContainer.builder()
                        .sshAuthorizedKeys(Path.of("keys"))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("go together");
        Path missing = dir.resolve("no-such-keys");
        assertThatThrownBy(() -> RegistryContainer.builder()
                        .storageDir(dir.resolve("storage"))
                        .bundlesDir(dir.resolve("bundles"))
                        .ssh("0")
                        .sshAuthorizedKeys(missing)
                        .start())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith(
                        "Cannot read the SSH authorized keys file " + missing + " (--ssh-authorized-keys)");
        assertThat(dir.resolve("storage/felix-cache")).doesNotExist();
    }

    private static Map<String, Object> properties(LauncherOptions options) {
        return FrameworkSettings.create(Main.containerFor(options), BuildInfo.load(), null);
    }
}
