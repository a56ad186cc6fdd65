package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.felix.service.command.Job;

/**
 * The registry service the commands work on, or a clear error while there is none. A command run in
 * a session that a remote shell opened gets the registry acting for that session's actor
 * ({@link DynamicRegistry#actingFor}), so that its changes are audited as the remote user's.
 */
final class RegistryLookup {

    static final String UNAVAILABLE = "the registry service is not available: start the bundle "
            + "io.happyos.registry.core (felix:lb lists the bundles and their states)";

    private final Supplier<DynamicRegistry> source;
    private final Function<Object, String> actorOfSession;

    /**
     * A lookup over a source of the service, such as a service tracker, for local sessions only.
     *
     * @param source gives the current service, or {@code null} when there is none
     */
    RegistryLookup(Supplier<DynamicRegistry> source) {
        this(source, session -> null);
    }

    /**
     * A lookup that knows the actors of remote sessions.
     *
     * @param source gives the current service, or {@code null} when there is none
     * @param actorOfSession the actor of a Gogo session, or {@code null} for a local one
     */
    RegistryLookup(Supplier<DynamicRegistry> source, Function<Object, String> actorOfSession) {
        this.source = source;
        this.actorOfSession = actorOfSession;
    }

    /**
     * The registry, for the actor of the Gogo session whose command runs on this thread.
     *
     * @return the current service, acting for the session's remote actor when it has one
     * @throws IllegalStateException when there is none
     */
    DynamicRegistry registry() {
        DynamicRegistry registry = source.get();
        if (registry == null) {
            throw new IllegalStateException(UNAVAILABLE);
        }
        String actor = remoteActor();
        return actor == null ? registry : registry.actingFor(actor);
    }

    /**
     * Whether the command running on this thread came from a remote shell, whose client is not the
     * container's console.
     *
     * @return {@code true} in a session a remote shell opened
     */
    boolean remoteSession() {
        return remoteActor() != null;
    }

    private String remoteActor() {
        Job job = Job.Utils.current();
        return job == null ? null : actorOfSession.apply(job.session());
    }
}
