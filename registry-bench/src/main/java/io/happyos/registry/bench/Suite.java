package io.happyos.registry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the whole benchmark suite and writes one table: each benchmark, our figure, the anchor's
 * figure from the same run, the ratio and the target. Markdown for people
 * ({@code results.md}), JSON for machines ({@code results.json}).
 *
 * <pre>
 * java -cp "registry-bench/target/classes:$(cat registry-bench/target/bench-classpath.txt)" \
 *     io.happyos.registry.bench.Suite [--short] [--only graph,lookup,cluster,web,resources] [--out DIR]
 * </pre>
 */
public final class Suite {

    private Suite() {}

    /** The parts, in the order they run. */
    static List<SuitePart> parts() {
        return List.of(
                new GraphPart(),
                new LookupPart(),
                new FolderDeployBenchmark(),
                new StartupBenchmark(),
                new BatchActivationBenchmark(),
                new ClusterPart(),
                new WebPart(),
                new ResourcesPart());
    }

    /**
     * Runs the suite.
     *
     * @param args {@code --short}, {@code --only NAME[,NAME]}, {@code --out DIR} (default
     *     {@code registry-bench/target/bench-results})
     * @throws IOException when the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        SuiteMode mode = SuiteMode.FULL;
        Set<String> only = Set.of();
        Path out = Path.of("registry-bench", "target", "bench-results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> mode = SuiteMode.SHORT;
                case "--only" -> only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; use --short, --only NAME[,NAME], --out DIR");
                    System.exit(2);
                }
            }
        }
        PrintStream console = System.out;
        List<BenchRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (SuitePart part : parts()) {
            if (!only.isEmpty() && !only.contains(part.name())) {
                continue;
            }
            long partStart = System.nanoTime();
            console.printf("== %s (%s)%n", part.name(), mode.name().toLowerCase(Locale.ROOT));
            try {
                List<BenchRow> partRows = part.run(mode);
                partRows.forEach(r -> console.println(ResultTable.line(r)));
                rows.addAll(partRows);
            } catch (Exception | Error e) {
                console.println("   FAILED: " + e);
                rows.add(new BenchRow(
                        part.name(), "-", Double.NaN, "-", Double.NaN, Double.NaN, "runs", false, "failed: " + e));
            }
            console.printf(
                    "   (%s took %d s)%n",
                    part.name(), Duration.ofNanos(System.nanoTime() - partStart).toSeconds());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Files.createDirectories(out);
        String header = "Suite run " + java.time.Instant.now() + ", mode "
                + mode.name().toLowerCase(Locale.ROOT) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", took " + took.toMinutesPart() + " min " + took.toSecondsPart() + " s";
        Files.writeString(out.resolve("results.md"), ResultTable.markdown(header, rows), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results.json"), ResultTable.json(header, rows), StandardCharsets.UTF_8);
        console.println();
        console.print(ResultTable.markdown(header, rows));
        console.println("written to " + out.resolve("results.md") + " and " + out.resolve("results.json"));
    }
}
