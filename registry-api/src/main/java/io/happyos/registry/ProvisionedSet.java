package io.happyos.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A set of bundles the registry provisioned: a feature of a features file, or one bundle installed
 * by {@link Provisioning#install}.
 *
 * @param name the feature's name, or the location of an installed bundle
 * @param version the feature's version, or {@code null} for an installed bundle
 * @param kind {@link Kind#FEATURE} or {@link Kind#INSTALL}
 * @param source the features file (absolute) or the location installed
 * @param provisionedAt when it was last provisioned
 * @param actor who provisioned it last
 * @param bundles its bundles, in installation order, unmodifiable
 */
public record ProvisionedSet(
        String name,
        String version,
        Kind kind,
        String source,
        Instant provisionedAt,
        String actor,
        List<ProvisionedBundle> bundles) {

    /** What made a set. */
    public enum Kind {
        /** A feature of a features file ({@link Provisioning#provision}). */
        FEATURE,
        /** One bundle ({@link Provisioning#install}). */
        INSTALL
    }

    /**
     * Checks and copies the fields.
     *
     * @param name the name
     * @param version the version, or {@code null}
     * @param kind what made it
     * @param source where it came from
     * @param provisionedAt when
     * @param actor who
     * @param bundles its bundles
     * @throws NullPointerException when a field other than {@code version} is null
     */
    public ProvisionedSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provisionedAt, "provisionedAt");
        Objects.requireNonNull(actor, "actor");
        bundles = List.copyOf(bundles);
    }
}
