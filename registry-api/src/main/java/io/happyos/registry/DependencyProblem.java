package io.happyos.registry;

/**
 * Something wrong with one dependency of a component.
 *
 * @param dependency the id of the dependency, or the requirement text when nothing provides it
 * @param kind what is wrong
 * @param message the problem in words
 */
public record DependencyProblem(String dependency, Kind kind, String message) {

    /** What is wrong with a dependency. */
    public enum Kind {
        /** A requirement that nothing installed provides. */
        MISSING,
        /** The dependency is in {@link ComponentStatus#ERROR}. */
        IN_ERROR,
        /** The dependency is not active. */
        NOT_ACTIVE
    }
}
