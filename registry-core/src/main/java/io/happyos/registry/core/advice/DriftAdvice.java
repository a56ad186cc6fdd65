package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Advice from the drift report: one per dependency used and undeclared, one per dependency declared
 * and unused, in the report's order (by consumer, then component). Never-used components are the
 * {@link UsageAdvice#unused unused} advice's business.
 */
final class DriftAdvice {

    private DriftAdvice() {}

    /**
     * The dependencies used and not declared.
     *
     * @param drift the report
     * @return one advice per item; the command adds the dependency as an explicit one
     */
    static List<Advice> undeclared(DriftReport drift) {
        List<Advice> advice = new ArrayList<>();
        for (DriftItem item : drift.undeclared()) {
            String consumer = consumer(item);
            advice.add(new Advice(
                    AdviceKind.UNDECLARED_DEPENDENCY,
                    List.of(consumer, item.component()),
                    consumer + " uses " + item.component() + " without declaring a dependency on it: declare it, so"
                            + " that " + item.component() + " is active before " + consumer
                            + " and not stopped under it",
                    List.of(uses(item), item.evidence()),
                    item.consumer() == null ? null : "registry:depend " + consumer + " " + item.component()));
        }
        return advice;
    }

    /**
     * The dependencies declared and never used.
     *
     * @param drift the report
     * @return one advice per item; the command removes the dependency when it is an explicit one (a
     *     dependency from a manifest has none: the manifest must change)
     */
    static List<Advice> unused(DriftReport drift) {
        List<Advice> advice = new ArrayList<>();
        for (DriftItem item : drift.unused()) {
            String consumer = consumer(item);
            String undepend = "registry:undepend " + consumer + " " + item.component();
            advice.add(new Advice(
                    AdviceKind.UNUSED_DEPENDENCY,
                    List.of(consumer, item.component()),
                    consumer + " declares a dependency on " + item.component() + " but never used it: remove the"
                            + " dependency if it is not needed",
                    List.of(uses(item), item.evidence()),
                    item.evidence().contains(undepend) ? undepend : null));
        }
        return advice;
    }

    private static String consumer(DriftItem item) {
        return item.consumer() == null ? "?" : item.consumer();
    }

    private static String uses(DriftItem item) {
        return Wording.count(item.lookups(), "lookup") + ", " + Wording.count(item.instanceCalls(), "instance call")
                + ", " + (item.inUse() ? "holds one of its services now" : "holds none of its services now");
    }
}
