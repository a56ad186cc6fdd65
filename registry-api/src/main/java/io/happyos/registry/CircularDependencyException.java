package io.happyos.registry;

import java.util.List;

/** A dependency would close a cycle; nothing was changed. */
public class CircularDependencyException extends DependencyException {

    private static final long serialVersionUID = 1L;

    /** The cycle's path, first id repeated at the end. */
    private final List<String> cycle;

    /**
     * The error for a cycle.
     *
     * @param cycle the cycle's path, first id repeated at the end (a, b, c, a)
     */
    public CircularDependencyException(List<String> cycle) {
        super("circular dependency " + String.join(" -> ", cycle)
                + ": remove one of these dependencies first (registry:undepend)");
        this.cycle = List.copyOf(cycle);
    }

    /**
     * The cycle's path, each component depending on the next, the first id repeated at the end.
     *
     * @return the path, unmodifiable
     */
    public List<String> cycle() {
        return cycle;
    }
}
