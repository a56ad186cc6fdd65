package io.happyos.registry.core.persist;

import io.happyos.registry.ComponentInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * A standalone component as the registry database keeps it.
 *
 * @param id the component's id
 * @param info what is known about it (without the transient discovery error)
 * @param registeredAt when it was registered
 */
public record StoredComponent(String id, ComponentInfo info, Instant registeredAt) {

    /**
     * Checks the fields.
     *
     * @param id the component's id
     * @param info what is known about it
     * @param registeredAt when it was registered
     * @throws NullPointerException when a field is null
     */
    public StoredComponent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
