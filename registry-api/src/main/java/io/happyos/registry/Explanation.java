package io.happyos.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a component is not active, or is active but not healthy: a ranked tree of causes down to
 * the roots, each root with a fix. See {@link Diagnostics#explain(String)}.
 *
 * @param id the component explained
 * @param status its status when it was explained
 * @param healthy whether nothing is wrong with it: {@code true} exactly when {@code causes} is empty
 * @param summary one line: the status and the first root cause, or that all is well
 * @param causes the top-level causes, ranked (most likely first); empty when it is healthy
 */
public record Explanation(String id, ComponentStatus status, boolean healthy, String summary, List<Cause> causes) {

    /**
     * Checks and copies; {@code healthy} is recomputed from the causes.
     *
     * @param id the component explained
     * @param status its status
     * @param healthy ignored: a component is healthy exactly when there is no cause
     * @param summary one line
     * @param causes the top-level causes ({@code null}: none)
     * @throws NullPointerException when id, status or summary is missing
     */
    public Explanation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        causes = causes == null ? List.of() : List.copyOf(causes);
        healthy = causes.isEmpty();
    }

    /**
     * The root causes, depth first in rank order, each once (a root reached along two paths is
     * listed where it is first met).
     *
     * @return the leaves of the tree; empty when the component is healthy
     */
    public List<Cause> rootCauses() {
        Set<Cause> roots = new LinkedHashSet<>();
        collect(causes, roots);
        return List.copyOf(new ArrayList<>(roots));
    }

    private static void collect(List<Cause> level, Set<Cause> roots) {
        for (Cause cause : level) {
            if (cause.isRoot()) {
                roots.add(cause);
            } else {
                collect(cause.causes(), roots);
            }
        }
    }
}
