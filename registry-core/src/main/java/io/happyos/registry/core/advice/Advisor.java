package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import java.util.List;

/** Recommendations from observations: pure logic, no state. To be written (issue 16). */
public final class Advisor {

    private Advisor() {}

    /**
     * The advice the observations call for, most useful first.
     *
     * @param observations what the registry observed
     * @return the advice; empty for a quiet registry
     */
    public static List<Advice> advise(Observations observations) {
        throw new UnsupportedOperationException("being written");
    }
}
