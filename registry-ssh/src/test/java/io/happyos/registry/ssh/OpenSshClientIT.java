package io.happyos.registry.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH shell with the OpenSSH client a user has ({@code ssh}, skipped where there is none): a
 * command, a PTY session fed from a pipe, and the methods the server offers to a client that would
 * rather give a password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshClientIT {

    @TempDir
    static Path work;

    private SshFixture fixture;
    private Path identity;
    private int port;

    /** What a run of {@code ssh} gave. */
    record Run(int status, String out, String err) {}

    @BeforeAll
    void start() throws Exception {
        assertThat(sshOnPath())
                .as("an OpenSSH client on the PATH: apt-get install -y openssh-client (.ci/run does)")
                .isTrue();
        fixture = SshFixture.start(work);
        port = fixture.port();
        identity = work.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(identity)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    fixture.alice, "alice@laptop", (OpenSSHKeyEncryptionContext) null, out);
        }
        Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aCommandRunsAndItsExitStatusComesBack() throws Exception {
        Run list = ssh("", List.of("-i", identity.toString()), "registry:list");
        Run fails = ssh("", List.of("-i", identity.toString()), "registry:info no-such-component");

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains(SshFixture.COMPONENT);
        assertThat(fails.status()).isEqualTo(1);
        assertThat(fails.err()).contains("Error: ", "no-such-component");
    }

    @Test
    void aPtySessionShowsThePromptRunsTheLinesAndEndsAtExit() throws Exception {
        Run shell = ssh("registry:list\nexit\n", List.of("-tt", "-i", identity.toString()), null);

        assertThat(shell.status()).as(shell.err()).isZero();
        assertThat(shell.out()).contains("happyos> ", SshFixture.COMPONENT + " ");
    }

    @Test
    void aClientThatWantsToGiveAPasswordIsOfferedPublicKeyOnly() throws Exception {
        Run password = ssh(
                "",
                List.of(
                        "-v",
                        "-o",
                        "PreferredAuthentications=password,keyboard-interactive",
                        "-o",
                        "PubkeyAuthentication=no"),
                "registry:list");

        assertThat(password.status()).isEqualTo(255);
        assertThat(password.err())
                .containsPattern("Authentications that can continue: publickey\\R")
                .contains("Permission denied (publickey)");
        assertThat(password.out()).isEmpty();
    }

    private Run ssh(String input, List<String> options, String command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                "ssh",
                "-F",
                "/dev/null",
                "-p",
                Integer.toString(port),
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "BatchMode=yes",
                "-o",
                "IdentitiesOnly=yes"));
        line.addAll(options);
        line.add("alice@127.0.0.1");
        if (command != null) {
            line.add(command);
        }
        Path out = Files.createTempFile(work, "ssh-out", ".txt");
        Path err = Files.createTempFile(work, "ssh-err", ".txt");
        Process process = new ProcessBuilder(line)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(SshFixture.WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not finish: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean sshOnPath() {
        try {
            Process version =
                    new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
