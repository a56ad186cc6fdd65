package io.happyos.registry;

import java.util.Objects;

/**
 * One edge of the dependency graph, seen from the dependent component.
 *
 * @param id the id of the component depended upon
 * @param origin why the edge exists
 * @param requirement for a {@link DependencyOrigin#DECLARED} edge, the requirement that caused it in
 *     manifest syntax (for example {@code osgi.wiring.package;filter:="(osgi.wiring.package=com.acme)"});
 *     {@code null} for an explicit edge
 */
public record Dependency(String id, DependencyOrigin origin, String requirement) {

    /**
     * Checks the fields.
     *
     * @param id the id of the component depended upon
     * @param origin why the edge exists
     * @param requirement for a {@link DependencyOrigin#DECLARED} edge, the requirement that caused it in manifest syntax (for example {@code osgi.wiring.package;filter:="(osgi.wiring.package=com.acme)"}); {@code null} for an explicit edge
     * @throws NullPointerException when {@code id} or {@code origin} is null
     */
    public Dependency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
    }
}
