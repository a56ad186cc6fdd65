package io.happyos.registry.ssh.internal;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits each SSH connection: {@code ssh:login} with the key's fingerprint once it is authenticated,
 * {@code ssh:logout} when it closes, and a refused {@code ssh:login} (ok {@code false}, with the
 * reason) when a client that tried to log in leaves without succeeding. A connection that never
 * asked to log in (a port scan) leaves no record.
 */
final class SessionAudit implements SessionListener {

    static final String LOGIN = "ssh:login";
    static final String LOGOUT = "ssh:logout";

    private static final Logger LOG = LoggerFactory.getLogger(SessionAudit.class);

    private final AuditTrail trail;

    SessionAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event != Event.Authenticated) {
            return;
        }
        LoginAttempt attempt = LoginAttempt.of(session);
        AuthorizedKeys.Entry key = attempt.acceptedKey();
        String details = key == null ? null : keyDetails(key);
        LOG.info("SSH login: {} with {}", attempt.actor(), details);
        attempt.loginRecorded(trail.record(attempt.actor(), LOGIN, true, null, details));
    }

    @Override
    public void sessionClosed(Session session) {
        LoginAttempt attempt = LoginAttempt.of(session);
        if (session.isAuthenticated()) {
            LOG.info("SSH logout: {}", attempt.actor());
            trail.record(attempt.actor(), LOGOUT, true, null, null);
        } else if (attempt.triedToLogIn()) {
            String why = attempt.whyRefused();
            LOG.warn("SSH login refused: {}: {}", attempt.actor(), why);
            trail.record(attempt.actor(), LOGIN, false, why, null);
        }
    }

    private static String keyDetails(AuthorizedKeys.Entry key) {
        String comment = key.comment() == null || key.comment().isBlank()
                ? ""
                : " (" + key.comment().strip() + ")";
        return "key " + key.fingerprint() + comment;
    }
}
