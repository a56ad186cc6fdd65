package io.happyos.registry.bench;

import io.happyos.registry.bench.resources.ResourcesFigures;
import java.util.List;

/** Resource accounting: its overhead on a CPU- and allocation-heavy workload, and its accuracy on known loads. */
final class ResourcesPart implements SuitePart {

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        return new ResourcesFigures(mode == SuiteMode.SHORT).rows();
    }
}
