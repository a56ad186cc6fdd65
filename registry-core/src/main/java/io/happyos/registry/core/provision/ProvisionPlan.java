package io.happyos.registry.core.provision;

import io.happyos.registry.ProvisionedSet;
import java.util.List;

/**
 * What one provisioning will do, worked out (every artifact resolved and checked) before anything is
 * installed.
 *
 * @param operation its name in the audit log ({@code install}, {@code provision}, {@code restore})
 * @param sets the sets it provisions
 */
public record ProvisionPlan(String operation, List<Set> sets) {

    /** Copies the list. */
    public ProvisionPlan {
        sets = List.copyOf(sets);
    }

    /**
     * One set of a plan.
     *
     * @param name its name
     * @param version its version, or {@code null}
     * @param kind what makes it
     * @param source where it comes from
     * @param bundles its bundles, in installation order
     */
    public record Set(
            String name, String version, ProvisionedSet.Kind kind, String source, List<PlannedBundle> bundles) {

        /** Copies the list. */
        public Set {
            bundles = List.copyOf(bundles);
        }
    }
}
