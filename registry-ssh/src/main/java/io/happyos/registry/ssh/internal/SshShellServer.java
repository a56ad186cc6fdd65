package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.global.OpenSshHostKeysHandler;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH server, set up to offer as little as it can: public-key authentication only (no password,
 * keyboard-interactive, GSSAPI or host-based method is offered), session channels only (no port
 * forwarding, no agent, no X11, no SFTP or other subsystem), each session channel running
 * {@link ChannelCommands}.
 */
final class SshShellServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshShellServer.class);

    private final SshServer server;
    private final String host;

    private SshShellServer(SshServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts listening.
     *
     * @param settings where
     * @param hostKey the server's key
     * @param keys who may log in
     * @param audit audits each connection
     * @param commands what the channels run
     * @return the running server
     * @throws StartupRefusedException when the address cannot be bound
     */
    static SshShellServer start(
            SshSettings settings, KeyPair hostKey, AuthorizedKeys keys, SessionAudit audit, ChannelCommands commands)
            throws StartupRefusedException {
        SshServer server = SshServer.setUpDefaultServer();
        // SSHD's lookup of its I/O provider goes through the context class loader, which means nothing in OSGi
        server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
        server.setHost(settings.host());
        server.setPort(settings.port());
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        server.setPublickeyAuthenticator(new KeyAuthenticator(keys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setServiceFactories(List.of(new AuthMethodRecorder.Factory(), ServerConnectionServiceFactory.INSTANCE));
        server.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
        List<RequestHandler<ConnectionService>> global =
                List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE, OpenSshHostKeysHandler.INSTANCE);
        server.setGlobalRequestHandlers(global);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        server.setSubsystemFactories(List.of());
        server.setCommandFactory(commands);
        server.setShellFactory(commands);
        server.addSessionListener(audit);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw new StartupRefusedException(
                    "Cannot listen for SSH on " + settings.host() + ":" + settings.port() + " (--ssh): "
                            + e.getMessage() + "; give a free port, or 0 to pick one",
                    e);
        }
        return new SshShellServer(server, settings.host());
    }

    /** @return the port listened on (the one picked, when 0 was asked for) */
    int port() {
        for (SocketAddress address : server.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        return server.getPort();
    }

    /** @return the address listened on, as asked for */
    String host() {
        return host;
    }

    /** Stops listening and closes every session at once. */
    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("Stopping the SSH server failed", e);
        }
    }
}
