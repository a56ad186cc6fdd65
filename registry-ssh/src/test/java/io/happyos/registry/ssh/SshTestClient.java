package io.happyos.registry.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** Apache SSHD's client, as a user's {@code ssh} would connect: to 127.0.0.1, one key or password. */
final class SshTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** What an exec request gave back. */
    record Exec(Integer status, String out, String err) {}

    private final SshClient client = SshClient.setUpDefaultClient();
    /** The host key the server showed last. */
    final AtomicReference<PublicKey> serverKey = new AtomicReference<>();

    SshTestClient() {
        client.setServerKeyVerifier((session, address, key) -> {
            serverKey.set(key);
            return true;
        });
        client.start();
    }

    /**
     * Connects and logs in with a key.
     *
     * @throws IOException when the login is refused
     */
    ClientSession login(int port, String user, KeyPair key) throws IOException {
        ClientSession session = connect(port, user);
        session.addPublicKeyIdentity(key);
        return authenticate(session);
    }

    /**
     * Connects and logs in with a password.
     *
     * @throws IOException when the login is refused
     */
    ClientSession loginWithPassword(int port, String user, String password) throws IOException {
        ClientSession session = connect(port, user);
        session.addPasswordIdentity(password);
        return authenticate(session);
    }

    ClientSession connect(int port, String user) throws IOException {
        return client.connect(user, "127.0.0.1", port).verify(WAIT).getSession();
    }

    private static ClientSession authenticate(ClientSession session) throws IOException {
        try {
            session.auth().verify(WAIT);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    /** Runs one command over a session and waits for it to close. */
    static Exec exec(ClientSession session, String command) throws IOException {
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

    /** Logs in, runs one command, logs out. */
    Exec exec(int port, String user, KeyPair key, String command) throws IOException {
        try (ClientSession session = login(port, user, key)) {
            return exec(session, command);
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
