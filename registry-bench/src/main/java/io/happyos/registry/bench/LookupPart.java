package io.happyos.registry.bench;

import io.happyos.registry.bench.lookup.LookupFigures;
import java.util.List;

/** Benchmarks 3, 4, 5, 6 and 9: lookup by id, queries, access tracking, instance cache hits, memory. */
final class LookupPart implements SuitePart {

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        return new LookupFigures(mode == SuiteMode.SHORT).rows();
    }
}
