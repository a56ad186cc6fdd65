package io.happyos.registry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's "graph" part: activation order of a whole graph ({@link ActivationOrderBenchmark}) and
 * incremental cycle detection ({@link CycleCheckBenchmark}), against JGraphT, PF4J and plain baselines.
 */
final class GraphPart implements SuitePart {

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) {
        List<BenchRow> rows = new ArrayList<>(ActivationOrderBenchmark.run(mode));
        rows.addAll(CycleCheckBenchmark.run(mode));
        return rows;
    }
}
