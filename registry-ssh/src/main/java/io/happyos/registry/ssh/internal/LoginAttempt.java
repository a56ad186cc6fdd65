package io.happyos.registry.ssh.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;

/**
 * What one SSH connection did to log in: the user name it gave, the methods it tried, the key that
 * was accepted or why it was refused. Kept as an attribute of the SSHD session; its methods are
 * synchronized since SSHD calls them from its I/O threads and the audit reads them on close.
 */
final class LoginAttempt {

    /** User names the audit log can carry as they are: no {@code @}, no spaces, no control characters. */
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final AttributeKey<LoginAttempt> KEY = new AttributeKey<>();

    private final String address;
    private String user;
    private final Set<String> methods = new LinkedHashSet<>();
    private String refusal;
    private AuthorizedKeys.Entry accepted;
    private CompletableFuture<?> loginRecorded = CompletableFuture.completedFuture(null);

    private LoginAttempt(String address) {
        this.address = address;
    }

    /**
     * The attempt of a session, made at its first use.
     *
     * @param session the SSHD session
     * @return its attempt
     */
    static LoginAttempt of(Session session) {
        return session.computeAttributeIfAbsent(KEY, key -> new LoginAttempt(address(session.getRemoteAddress())));
    }

    /** The client's IP address as text, without the port. */
    static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    synchronized void tried(String userName, String method) {
        if (user == null) {
            user = userName;
        }
        methods.add(method);
    }

    synchronized void refused(String reason) {
        refusal = reason;
    }

    synchronized void accepted(AuthorizedKeys.Entry entry) {
        accepted = entry;
        refusal = null;
    }

    synchronized AuthorizedKeys.Entry acceptedKey() {
        return accepted;
    }

    synchronized boolean triedToLogIn() {
        return user != null;
    }

    /**
     * The audit log's name for the session: {@code ssh:USER@ADDRESS}; a user name that does not fit
     * {@link #USER_NAME} appears with its other characters as {@code ?}.
     *
     * @return the actor
     */
    synchronized String actor() {
        String name = user == null || user.isEmpty() ? "?" : user;
        String safe = name.substring(0, Math.min(name.length(), 64)).replaceAll("[^A-Za-z0-9._-]", "?");
        return "ssh:" + safe + "@" + address;
    }

    /** Why the login failed, in words, for the audit record of a refused login. */
    synchronized String whyRefused() {
        if (refusal != null) {
            return refusal;
        }
        Set<String> others = new LinkedHashSet<>(methods);
        others.remove("none");
        others.remove("publickey");
        String tried = others.isEmpty() ? "" : " (it tried " + String.join(", ", others) + ")";
        return "the client offered no authorized public key" + tried + "; only public-key authentication is accepted";
    }

    synchronized void loginRecorded(CompletableFuture<?> recorded) {
        loginRecorded = recorded;
    }

    synchronized CompletableFuture<?> loginRecorded() {
        return loginRecorded;
    }
}
