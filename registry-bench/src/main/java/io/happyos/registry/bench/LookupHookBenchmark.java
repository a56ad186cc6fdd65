package io.happyos.registry.bench;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * What usage telemetry costs a service lookup. A consumer bundle calls
 * {@code getServiceReferences(Comparable, filter)} in a loop, the filter selecting one service:
 *
 * <ol>
 *   <li>Felix without the registry: no find hook at all (the baseline);
 *   <li>with the registry, a plain service: the hook reads two properties and counts nothing;
 *   <li>with the registry, a service registered with {@code happyos.component.name}: the hook counts
 *       the lookup for the consumer.
 * </ol>
 *
 * <p>Each framework is warmed up with the same loop first; the three cases run in turn, three rounds,
 * and the best time of each is kept (the machine may be busy). Prints a Markdown table in ns per
 * lookup.
 * Run from the project root after {@code mvn -B -q -DskipTests package}:
 * {@code java -cp "registry-bench/target/classes:$(cat registry-bench/target/bench-classpath.txt)"
 * io.happyos.registry.bench.LookupHookBenchmark [LOOKUPS]}.
 */
public final class LookupHookBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ROUNDS = 3;

    private LookupHookBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of measured lookups per case (default 2000000)
     * @throws Exception when a framework or the registry does not come up
     */
    public static void main(String[] args) throws Exception {
        int lookups = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path bundles = Path.of("registry-bench/target/bench-bundles").toAbsolutePath();
        System.setProperty("it.bundles", bundles.toString());
        System.setProperty(
                "it.core.bundle", bundles.resolve("registry-core.jar").toString());
        PrintStream out = System.out;

        double baseline = Double.MAX_VALUE;
        double plain = Double.MAX_VALUE;
        double counted = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            baseline = Math.min(baseline, run(false, "(k=plain)", lookups));
            plain = Math.min(plain, run(true, "(k=plain)", lookups));
            counted = Math.min(counted, run(true, "(k=named)", lookups));
        }

        out.printf(
                "%n| lookup (%,d each, after warm-up; best of %d rounds) | ns/lookup | vs. no hook |%n",
                lookups, ROUNDS);
        out.printf("|---|---|---|%n");
        out.printf("| Felix alone, no find hook | %.0f | 1.00x |%n", baseline);
        out.printf("| with the registry, a plain service (not counted) | %.0f | %.2fx |%n", plain, plain / baseline);
        out.printf(
                "| with the registry, a named component service (counted) | %.0f | %.2fx |%n",
                counted, counted / baseline);
    }

    private static double run(boolean withRegistry, String filter, int lookups) throws Exception {
        Path dir = Files.createTempDirectory("lookup-bench-");
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of("happyos.persistence", "false"))) {
            if (withRegistry) {
                felix.withRegistry();
                felix.service(DynamicRegistry.class, TIMEOUT);
            }
            felix.context().registerService(Comparable.class, "plain", new Hashtable<>(Map.of("k", "plain")));
            felix.context()
                    .registerService(
                            Comparable.class,
                            "named",
                            new Hashtable<>(Map.of("k", "named", DynamicRegistry.COMPONENT_NAME_PROPERTY, "named")));
            Bundle consumer = felix.install(TestBundle.builder("bench-consumer").writeToFolder(dir));
            consumer.start();
            BundleContext context = consumer.getBundleContext();
            loop(context, filter, Math.max(lookups / 2, 200_000));
            long start = System.nanoTime();
            loop(context, filter, lookups);
            return (System.nanoTime() - start) / (double) lookups;
        } finally {
            Files.deleteIfExists(dir.resolve("bench-consumer.jar"));
            Files.deleteIfExists(dir);
        }
    }

    private static void loop(BundleContext context, String filter, int times) throws InvalidSyntaxException {
        int found = 0;
        for (int i = 0; i < times; i++) {
            found += context.getServiceReferences(Comparable.class.getName(), filter) == null ? 0 : 1;
        }
        if (found != times) {
            throw new IllegalStateException("a lookup found nothing: " + (times - found) + " of " + times);
        }
    }
}
