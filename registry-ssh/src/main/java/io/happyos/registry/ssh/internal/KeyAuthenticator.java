package io.happyos.registry.ssh.internal;

import java.security.PublicKey;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a key that is in the authorized_keys file, for a user name the audit log can carry as it
 * is ({@link LoginAttempt#USER_NAME}). SSHD asks twice for each key a client offers (once whether the
 * key would do, once with the signature that proves the client holds it) and verifies the signature
 * itself.
 */
final class KeyAuthenticator implements PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAuthenticator.class);

    private final AuthorizedKeys keys;

    KeyAuthenticator(AuthorizedKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        LoginAttempt attempt = LoginAttempt.of(session);
        if (username == null || !LoginAttempt.USER_NAME.matcher(username).matches()) {
            attempt.refused("the user name is not accepted: use letters, digits, '.', '_' and '-' (up to 64)");
            return false;
        }
        AuthorizedKeys.Entry entry = keys.find(key);
        if (entry == null) {
            String why = keys.whyRefused(key);
            LOG.debug("SSH login of {} from {}: {}", username, session.getRemoteAddress(), why);
            attempt.refused(why);
            return false;
        }
        attempt.accepted(entry);
        return true;
    }
}
