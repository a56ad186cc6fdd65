package io.happyos.registry.bench;

import io.happyos.registry.bench.web.WebFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's "web" part: {@code GET /api/components} over 1,000 generated bundles against the Apache
 * Felix Web Console's {@code bundles.json} over the same bundles, and the lag from a status change to
 * its Server-Sent Event ({@link WebFigures}).
 */
final class WebPart implements SuitePart {

    private static final int COMPONENTS = 1_000;
    private static final int CHANGED = 10;
    private static final long SEED = 7L;

    @Override
    public String name() {
        return "web";
    }

    @Override
    public List<BenchRow> run(SuiteMode mode) throws Exception {
        Path benchBundles = Scenarios.benchBundles();
        Path folder = Files.createTempDirectory("happyos-bench-web");
        try {
            GeneratedBundles.Set set = GeneratedBundles.chainWithFanOut(folder, COMPONENTS, SEED);
            // the last ones are leaves of the fan-out: nothing imports their packages
            List<String> leaves = set.names().subList(COMPONENTS - CHANGED, COMPONENTS);
            return new WebFigures(benchBundles, folder, set.files(), set.names(), leaves, mode == SuiteMode.SHORT)
                    .rows();
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
