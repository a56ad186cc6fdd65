package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with {@code --ssh 0 --ssh-authorized-keys FILE}, as a user starts it, logged into with
 * Apache SSHD's client on 127.0.0.1; and the usage errors of the two options.
 */
class SshLauncherIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SSH_LINE = Pattern.compile("SSH shell: ssh -p (\\d+) \\S+@127\\.0\\.0\\.1");

    @TempDir
    Path work;

    /** What an exec request gave back. */
    record Exec(Integer status, String out, String err) {}

    @Test
    void aCommandRunsOverSshAndItsChangeIsAuditedAsTheSshUser() throws Exception {
        KeyPair key = newKey();
        Path keys = Files.writeString(work.resolve("authorized_keys"), PublicKeyEntry.toString(key.getPublic()) + "\n");
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        Files.copy(
                LauncherProcess.sampleBundles().resolve("config-manager-1.0.0.jar"),
                bundles.resolve("config-manager-1.0.0.jar"));
        Process launcher = LauncherProcess.start(
                work,
                "ssh",
                "--storage",
                work.resolve("storage").toString(),
                "--bundles",
                bundles.toString(),
                "--ssh",
                "0",
                "--ssh-authorized-keys",
                keys.toString());
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, serverKey) -> true);
        client.start();
        try {
            int port = awaitSshPort();

            Exec list = exec(client, port, "tester", key, "registry:list");
            Exec deactivate = exec(client, port, "tester", key, "registry:deactivate config-manager");
            Exec audit = exec(client, port, "tester", key, "registry:audit --json");
            Exec telnetd = exec(client, port, "tester", key, "telnetd -i 0.0.0.0 -p 0 start");

            assertThat(list.status()).as(list.err()).isZero();
            assertThat(list.out()).contains("config-manager");
            assertThat(deactivate.status()).as(deactivate.err()).isZero();
            assertThat(audit.out())
                    .contains("\"actor\":\"ssh:tester@127.0.0.1\"", "\"operation\":\"deactivate\"")
                    .contains("\"operation\":\"ssh:login\"");
            assertThat(telnetd.status()).isEqualTo(1);
            assertThat(telnetd.err()).contains("Command not found: telnetd");
            assertThatThrownBy(() -> exec(client, port, "mallory", newKey(), "registry:list"))
                    .isInstanceOf(IOException.class);
        } finally {
            client.stop();
            launcher.getOutputStream().close();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
        assertThat(launcher.exitValue()).isZero();
    }

    @Test
    void sshAndItsKeysAreUsageErrorsOneWithoutTheOther() throws Exception {
        Result keysAlone = LauncherProcess.run(work, "--ssh-authorized-keys", "keys", "-c", "lb");
        Result sshAlone = LauncherProcess.run(work, "--ssh", "0", "-c", "lb");

        assertThat(keysAlone.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(keysAlone.stderrLines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("--ssh-authorized-keys applies to the SSH shell only"));
        assertThat(sshAlone.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(sshAlone.stderrLines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("--ssh needs --ssh-authorized-keys FILE too"));
        assertThat(work.resolve(".happyos-registry")).doesNotExist();
    }

    @Test
    void anUnreadableKeysFileFailsTheStartAndWithoutSshNothingOfItIsInstalled() throws Exception {
        Path storage = work.resolve("storage");
        Result missing = LauncherProcess.run(
                work,
                "--storage",
                storage.toString(),
                "--ssh",
                "0",
                "--ssh-authorized-keys",
                work.resolve("no-such-keys").toString(),
                "-c",
                "lb");
        Result without = LauncherProcess.run(work, "--storage", storage.toString(), "-c", "lb");

        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(missing.stderr()).contains("Cannot read the SSH authorized keys file", "(--ssh-authorized-keys)");
        assertThat(without.exitCode()).as(without.stderr()).isZero();
        assertThat(without.stdout()).doesNotContain("SSH shell", "org.apache.sshd", "io.happyos.registry.ssh", "SSHD");
    }

    private int awaitSshPort() {
        Path stdout = work.resolve("ssh-stdout.txt");
        AtomicReference<Integer> port = new AtomicReference<>();
        await().atMost(START).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Matcher matcher = SSH_LINE.matcher(Files.readString(stdout));
            assertThat(matcher.find())
                    .as("SSH line in %s; stderr: %s", stdout, Files.readString(work.resolve("ssh-stderr.txt")))
                    .isTrue();
            port.set(Integer.parseInt(matcher.group(1)));
        });
        return port.get();
    }

    private static Exec exec(SshClient client, int port, String user, KeyPair key, String command) throws IOException {
        try (ClientSession session =
                client.connect(user, "127.0.0.1", port).verify(WAIT).getSession()) {
            session.addPublicKeyIdentity(key);
            session.auth().verify(WAIT);
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(WAIT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
                return new Exec(
                        channel.getExitStatus(),
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
