package io.happyos.registry.bench;

/**
 * One line of the suite's table: our figure, the anchor's figure from the same run, their ratio
 * and the target it is checked against.
 *
 * @param benchmark what is measured, e.g. "activation order, 100k nodes / 400k edges"
 * @param unit the unit of both figures, e.g. "ms", "ns/op", "ops/s", "bytes/entry"
 * @param ours the registry's figure
 * @param anchor what it is compared with, e.g. "JGraphT 1.5.2 TopologicalOrderIterator"
 * @param anchorValue the anchor's figure, NaN when the row has no anchor (an absolute target)
 * @param ratio how the two compare, in the direction the target states (e.g. anchor / ours for
 *     "≥ 10× faster"), NaN without an anchor
 * @param target the target in words, e.g. "≥ 10× faster", "within 1.5×", "≤ 1 KB"
 * @param met whether the target is met
 * @param note anything a reader needs: the machine's noise, a limit, how it was measured
 */
public record BenchRow(
        String benchmark,
        String unit,
        double ours,
        String anchor,
        double anchorValue,
        double ratio,
        String target,
        boolean met,
        String note) {

    /**
     * A row comparing a time (lower is better) with an anchor's: the ratio is anchor / ours, so
     * 12.0 means we are 12 times faster.
     *
     * @param benchmark what is measured
     * @param unit the time unit
     * @param ours our time
     * @param anchor the anchor's name
     * @param anchorValue the anchor's time
     * @param atLeast the smallest ratio that meets the target (10 for "≥ 10× faster", 1/1.5 for "within 1.5×")
     * @param target the target in words
     * @param note a note, or ""
     * @return the row
     */
    public static BenchRow fasterThan(
            String benchmark,
            String unit,
            double ours,
            String anchor,
            double anchorValue,
            double atLeast,
            String target,
            String note) {
        double ratio = anchorValue / ours;
        return new BenchRow(benchmark, unit, ours, anchor, anchorValue, ratio, target, ratio >= atLeast, note);
    }

    /**
     * A row with an absolute target and no anchor.
     *
     * @param benchmark what is measured
     * @param unit the unit
     * @param ours our figure
     * @param target the target in words
     * @param met whether it is met
     * @param note a note, or ""
     * @return the row
     */
    public static BenchRow absolute(
            String benchmark, String unit, double ours, String target, boolean met, String note) {
        return new BenchRow(benchmark, unit, ours, "-", Double.NaN, Double.NaN, target, met, note);
    }
}
