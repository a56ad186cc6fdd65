package io.happyos.registry.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ssh.SshTestClient.Exec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH shell in a real Felix with the registry, logged into with Apache SSHD's client on
 * 127.0.0.1: what an authorized key can do and how it is audited, and the attacks that must be
 * refused without changing anything.
 */
class SshShellIT {

    private static final String ALICE = "ssh:alice@127.0.0.1";

    @TempDir
    Path work;

    private SshFixture fixture;
    private SshTestClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        fixture = SshFixture.start(work);
        client = new SshTestClient();
        port = fixture.port();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            fixture.close();
        }
    }

    @Test
    void anAuthorizedKeyRunsACommandAndItsLoginIsAuditedWithTheKey() throws Exception {
        Exec list = client.exec(port, "alice", fixture.alice, "registry:list");

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains(SshFixture.COMPONENT);
        assertThat(list.err()).isEmpty();
        String fingerprint = KeyUtils.getFingerPrint(fixture.alice.getPublic());
        await().atMost(SshFixture.WAIT)
                .untilAsserted(() -> assertThat(fixture.auditOf(ALICE))
                        .extracting(AuditRecord::operation, AuditRecord::ok, AuditRecord::details)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple(
                                        "ssh:login", true, "key " + fingerprint + " (alice@laptop)"),
                                org.assertj.core.groups.Tuple.tuple("ssh:logout", true, null)));
    }

    @Test
    void aChangeMadeOverSshIsAuditedAsTheSshUserAtTheClientAddress() throws Exception {
        assertThat(fixture.registry().getComponent(SshFixture.COMPONENT).status())
                .isEqualTo(ComponentStatus.ACTIVE);

        Exec deactivate = client.exec(port, "alice", fixture.alice, "registry:deactivate " + SshFixture.COMPONENT);

        assertThat(deactivate.status()).as(deactivate.err()).isZero();
        assertThat(fixture.registry().getComponent(SshFixture.COMPONENT).status())
                .isEqualTo(ComponentStatus.INACTIVE);
        List<AuditRecord> records = fixture.auditOf(ALICE);
        assertThat(records)
                .filteredOn(r -> SshFixture.COMPONENT.equals(r.componentId()))
                .extracting(AuditRecord::operation)
                .contains("deactivate");
        // the login comes before the change in the log (newest first)
        List<String> operations = records.stream().map(AuditRecord::operation).toList();
        assertThat(operations.indexOf("ssh:login")).isGreaterThan(operations.indexOf("deactivate"));

        Exec json = client.exec(port, "alice", fixture.alice, "registry:audit --json");
        assertThat(json.out()).contains("\"actor\":\"" + ALICE + "\"", "\"operation\":\"deactivate\"");
    }

    @Test
    void aFailingCommandExitsNonZeroWithItsErrorOnStandardError() throws Exception {
        Exec info = client.exec(port, "alice", fixture.alice, "registry:info no-such-component");

        assertThat(info.status()).isEqualTo(1);
        assertThat(info.err()).startsWith("Error: ").contains("no-such-component");
        assertThat(info.out()).isEmpty();

        Exec unknown = client.exec(port, "alice", fixture.alice, "registry:no-such-command");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("Command not found");
    }

    @Test
    void aKeyThatIsNotAuthorizedIsRefusedAuditedAndChangesNothing() throws Exception {
        KeyPair mallory = SshFixture.newKey();
        List<AuditRecord> before = fixture.audit();

        assertThatThrownBy(() -> client.exec(port, "mallory", mallory, "registry:deactivate " + SshFixture.COMPONENT))
                .isInstanceOf(IOException.class);

        assertThat(fixture.registry().getComponent(SshFixture.COMPONENT).status())
                .isEqualTo(ComponentStatus.ACTIVE);
        String fingerprint = KeyUtils.getFingerPrint(mallory.getPublic());
        await().atMost(SshFixture.WAIT)
                .untilAsserted(() -> assertThat(fixture.auditOf("ssh:mallory@127.0.0.1"))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.operation()).isEqualTo("ssh:login");
                            assertThat(r.ok()).isFalse();
                            assertThat(r.error())
                                    .contains(
                                            "key " + fingerprint,
                                            "is not in the authorized keys file",
                                            "authorized_keys");
                        }));
        assertThat(fixture.audit()).hasSize(before.size() + 1);
    }

    @Test
    void aPasswordIsRefusedForTheServerOffersOnlyPublicKeys() throws Exception {
        List<AuditRecord> before = fixture.audit();

        // the server offers publickey alone, so the client finds nothing to send its password with
        assertThatThrownBy(() -> client.loginWithPassword(port, "root", "root"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No more authentication methods available");

        await().atMost(SshFixture.WAIT)
                .untilAsserted(() -> assertThat(fixture.auditOf("ssh:root@127.0.0.1"))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.operation()).isEqualTo("ssh:login");
                            assertThat(r.ok()).isFalse();
                            assertThat(r.error())
                                    .isEqualTo("the client offered no authorized public key; only public-key "
                                            + "authentication is accepted");
                        }));
        assertThat(fixture.audit()).hasSize(before.size() + 1);
        assertThat(fixture.registry().getComponent(SshFixture.COMPONENT).status())
                .isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void aChangeToTheAuthorizedKeysFileTakesEffectAtTheNextLogin() throws Exception {
        KeyPair bob = SshFixture.newKey();
        assertThatThrownBy(() -> client.exec(port, "bob", bob, "registry:list")).isInstanceOf(IOException.class);

        fixture.authorize(bob, "bob@desk");
        assertThat(client.exec(port, "bob", bob, "registry:list").status()).isZero();

        Files.writeString(fixture.authorizedKeys, SshFixture.authorizedLine(bob, "bob@desk"));
        assertThatThrownBy(() -> client.exec(port, "alice", fixture.alice, "registry:list"))
                .isInstanceOf(IOException.class);

        Files.delete(fixture.authorizedKeys);
        assertThatThrownBy(() -> client.exec(port, "bob", bob, "registry:list")).isInstanceOf(IOException.class);
    }

    @Test
    void theHostKeyIsKeptOwnerOnlyAndIsTheSameAfterARestart() throws Exception {
        client.exec(port, "alice", fixture.alice, "registry:list");
        PublicKey first = client.serverKey.get();
        Path hostKey = fixture.felix.storage().resolve("ssh").resolve("host.key");
        assertThat(Files.getPosixFilePermissions(hostKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        fixture.felix = fixture.felix.restart(fixture.properties());
        int newPort = fixture.port();
        Exec again = client.exec(newPort, "alice", fixture.alice, "registry:list");

        assertThat(again.status()).isZero();
        assertThat(KeyUtils.compareKeys(client.serverKey.get(), first)).isTrue();
    }

    @Test
    void theInteractiveShellEchoesEditsAndRunsLinesUntilExit() throws Exception {
        try (ClientSession session = client.login(port, "alice", fixture.alice);
                ChannelShell shell = session.createShellChannel()) {
            shell.setUsePty(true);
            shell.open().verify(SshTestClient.WAIT);
            OutputStream keys = shell.getInvertedIn();
            ScreenReader screen = new ScreenReader(shell.getInvertedOut());
            screen.awaitText("happyos> ");

            // a typo, rubbed out; a line dropped with Ctrl-C; then a command
            type(keys, "registry:lisx\u007ft\r");
            screen.awaitText(SshFixture.COMPONENT, "happyos> ");
            type(keys, "registry:deactivate " + SshFixture.COMPONENT + "\u0003");
            type(keys, "registry:info " + SshFixture.COMPONENT + "\r");
            screen.awaitText("^C", "registry:info " + SshFixture.COMPONENT, "ACTIVE", "happyos> ");
            type(keys, "exit\r");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), SshTestClient.WAIT);

            assertThat(shell.getExitStatus()).isZero();
            assertThat(screen.text()).contains("\b \b", "^C\r\n").doesNotContain("\n\n");
            assertThat(screen.text().replace("\r\n", "")).doesNotContain("\n");
        }
        assertThat(fixture.registry().getComponent(SshFixture.COMPONENT).status())
                .isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void portForwardingIsRefused() throws Exception {
        try (ClientSession session = client.login(port, "alice", fixture.alice)) {
            SshdSocketAddress target = new SshdSocketAddress("127.0.0.1", port);
            assertThatThrownBy(() -> session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0), target)
                            .open()
                            .verify(SshTestClient.WAIT))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> session.startRemotePortForwarding(new SshdSocketAddress("127.0.0.1", 0), target))
                    .isInstanceOf(IOException.class);
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Collects what the server sends to the client's terminal. */
    private static final class ScreenReader {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private final Thread reader;

        ScreenReader(InputStream in) {
            reader = new Thread(
                    () -> {
                        byte[] buffer = new byte[1024];
                        try {
                            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                synchronized (seen) {
                                    seen.write(buffer, 0, n);
                                }
                            }
                        } catch (IOException closed) {
                            // the channel closed
                        }
                    },
                    "ssh-test-screen");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until the text shows each piece, in order, after what was already seen last time. */
        void awaitText(String... pieces) {
            await().atMost(SshTestClient.WAIT)
                    .untilAsserted(() -> assertThat(text()).containsSubsequence(pieces));
        }
    }
}
