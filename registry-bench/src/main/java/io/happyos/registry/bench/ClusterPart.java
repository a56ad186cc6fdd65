package io.happyos.registry.bench;

import io.happyos.registry.bench.cluster.ClusterFigures;
import java.util.List;

/**
 * The suite's "cluster" part: propagation of a status change between two real nodes against bare
 * Curator, and churn of 20 simulated nodes seen by a real node's view ({@link ClusterFigures}).
 */
final class ClusterPart implements SuitePart {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        return new ClusterFigures(Scenarios.benchBundles(), mode == SuiteMode.SHORT).rows();
    }
}
