package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.auth.AbstractUserAuthServiceFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;

/**
 * SSHD's user authentication service, noting the user name and method of each request before SSHD
 * handles it: a client that tries a password never reaches an authenticator (the server offers
 * none), yet its refused login is audited with the user name it gave and what it tried.
 */
final class AuthMethodRecorder extends ServerUserAuthService {

    /** Makes the service for each session, in place of SSHD's own factory. */
    static final class Factory extends AbstractUserAuthServiceFactory {
        @Override
        public Service create(Session session) throws IOException {
            return new AuthMethodRecorder(session);
        }
    }

    private AuthMethodRecorder(Session session) throws IOException {
        super(session);
    }

    @Override
    protected boolean handleUserAuthRequestMessage(
            ServerSession session, Buffer buffer, AtomicReference<Boolean> authHolder) throws Exception {
        if (!session.isAuthenticated()) {
            int start = buffer.rpos();
            String user = buffer.getString();
            buffer.getString(); // the service asked for
            String method = buffer.getString();
            buffer.rpos(start);
            LoginAttempt.of(session).tried(user, method);
        }
        return super.handleUserAuthRequestMessage(session, buffer, authHolder);
    }
}
