package io.happyos.registry;

import java.util.Objects;

/**
 * One bundle of a {@link ProvisionedSet}.
 *
 * @param location its location: the {@code mvn:} or {@code file:} URL it was installed from
 * @param componentId the entry of its bundle, or {@code null} when it is not installed now
 * @param status the entry's status, or {@code null} when it is not installed now
 * @param start whether provisioning activates it ({@code start="false"} in the features file does not)
 */
public record ProvisionedBundle(String location, String componentId, ComponentStatus status, boolean start) {

    /**
     * Checks the fields.
     *
     * @param location the location
     * @param componentId the entry, or {@code null}
     * @param status the status, or {@code null}
     * @param start whether it is activated
     * @throws NullPointerException when {@code location} is null
     */
    public ProvisionedBundle {
        Objects.requireNonNull(location, "location");
    }
}
