package io.happyos.registry.core.diagnose;

import java.util.List;

/** What Declarative Services knows about a component that is not satisfied. */
@FunctionalInterface
public interface ServiceDiagnosis {

    /** No Declarative Services runtime: nothing is known. */
    ServiceDiagnosis NONE = (bundleId, name) -> List.of();

    /**
     * The references that keep a DS component from being satisfied.
     *
     * @param bundleId the bundle declaring it
     * @param componentName its name
     * @return the unsatisfied references; empty when it is satisfied, unknown, or DS is absent
     */
    List<ReferenceGap> gaps(long bundleId, String componentName);
}
