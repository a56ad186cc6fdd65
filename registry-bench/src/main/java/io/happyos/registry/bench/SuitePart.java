package io.happyos.registry.bench;

import java.util.List;

/** One part of the benchmark suite: runs its measurements and returns its rows. */
public interface SuitePart {

    /**
     * A short name for {@code --only}, e.g. "graph", "lookup", "startup".
     *
     * @return the name
     */
    String name();

    /**
     * Runs the part's benchmarks, ours and the anchors, in this JVM or in forks of it.
     *
     * @param mode short or full
     * @return its rows, in the order they should be shown
     * @throws Exception when a benchmark cannot run; the suite reports it and goes on
     */
    List<BenchRow> run(SuiteMode mode) throws Exception;
}
