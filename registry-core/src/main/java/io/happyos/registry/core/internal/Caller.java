package io.happyos.registry.core.internal;

import io.happyos.registry.core.model.Actors;
import org.osgi.framework.Bundle;

/**
 * Who calls through one registry object: the name the audit log gives it, and the bundle whose
 * service object it is (for usage telemetry), or {@code null} for a caller that is not a bundle.
 *
 * @param actor the audit log's name for the caller
 * @param bundle the calling bundle, or {@code null}
 */
public record Caller(String actor, Bundle bundle) {

    /**
     * @param bundle a bundle that got the registry service
     * @return the bundle as a caller
     */
    public static Caller of(Bundle bundle) {
        return new Caller(Actors.of(bundle), bundle);
    }

    /**
     * @param actor a name for the audit log
     * @return a caller that is not a bundle
     */
    public static Caller named(String actor) {
        return new Caller(actor, null);
    }
}
