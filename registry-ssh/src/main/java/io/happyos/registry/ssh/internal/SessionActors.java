package io.happyos.registry.ssh.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.felix.service.command.CommandSession;

/**
 * The actor of each Gogo session this bundle opened for an SSH channel, published as a
 * {@code Function} service with {@value #PROPERTY}{@code =true}: the registry shell asks it, for the
 * session of the command running, whom to audit the command's changes under. The sessions are told
 * apart by identity, so nothing a user sets in a session (a variable, a name) can change the answer.
 */
final class SessionActors implements Function<Object, String> {

    /** The service property that marks the service for the registry shell. */
    static final String PROPERTY = "happyos.session.actor";

    private final Map<Object, String> actors = Collections.synchronizedMap(new IdentityHashMap<>());

    void put(CommandSession session, String actor) {
        actors.put(session, actor);
    }

    void remove(CommandSession session) {
        actors.remove(session);
    }

    /**
     * The actor of a session.
     *
     * @param session a Gogo {@code CommandSession}
     * @return {@code ssh:USER@ADDRESS} for a session this bundle opened and has not closed, else {@code null}
     */
    @Override
    public String apply(Object session) {
        return session == null ? null : actors.get(session);
    }
}
