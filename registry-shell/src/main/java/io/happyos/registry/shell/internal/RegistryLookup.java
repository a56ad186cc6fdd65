package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.function.Supplier;

/** The registry service the commands work on, or a clear error while there is none. */
final class RegistryLookup {

    static final String UNAVAILABLE = "the registry service is not available: start the bundle "
            + "io.happyos.registry.core (felix:lb lists the bundles and their states)";

    private final Supplier<DynamicRegistry> source;

    /**
     * A lookup over a source of the service, such as a service tracker.
     *
     * @param source gives the current service, or {@code null} when there is none
     */
    RegistryLookup(Supplier<DynamicRegistry> source) {
        this.source = source;
    }

    /**
     * The registry.
     *
     * @return the current service
     * @throws IllegalStateException when there is none
     */
    DynamicRegistry registry() {
        DynamicRegistry registry = source.get();
        if (registry == null) {
            throw new IllegalStateException(UNAVAILABLE);
        }
        return registry;
    }
}
