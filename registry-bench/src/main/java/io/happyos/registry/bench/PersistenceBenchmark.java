package io.happyos.registry.bench;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.EmbeddedFelix;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What persistence costs: the registry with its SQLite journal (the default, {@code registry.db} in
 * {@code happyos.storage.dir}) against the registry with {@code happyos.persistence=false}, each in
 * a fresh embedded Felix, in the same run. Scenarios:
 *
 * <ol>
 *   <li>registering N components without bundles: all issued at once, then waited for; and one at
 *       a time, each waited for before the next;
 *   <li>N explicit dependencies between random pairs (from a higher to a lower index, so the graph
 *       stays acyclic; fixed seed), all issued at once, then waited for;
 *   <li>{@code getComponent(id)} for random ids, in ns/op: lookups never touch the database, so both
 *       must be the same.
 * </ol>
 *
 * <p>Each contender first runs a smaller warm-up round of the same scenarios in the same framework
 * (a separate framework would load the registry's classes again through a new bundle class loader,
 * so its JIT work would not carry over); the measured round then uses fresh names. Prints a Markdown
 * table with the ratio on/off.
 *
 * <p>Run from the project root after {@code mvn -B -q -DskipTests install}:
 * {@code java -cp "registry-bench/target/classes:$(cat registry-bench/target/bench-classpath.txt)"
 * io.happyos.registry.bench.PersistenceBenchmark [COMPONENTS [LOOKUPS [WARMUP]]]}.
 */
public final class PersistenceBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long WAIT_SECONDS = 300;
    private static final long SEED = 42L;
    private static final String TYPE = "skill";

    private PersistenceBenchmark() {}

    /** What one contender measured. */
    private record Result(
            double registerAllMs,
            double registerEachMs,
            double dependenciesMs,
            double lookupNs,
            int edges,
            long dbBytes) {}

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of components and dependency changes (default 10000), of
     *     measured lookups (default 5000000) and of warm-up components (default 1000)
     * @throws Exception when the registry does not come up or an operation fails or times out
     */
    public static void main(String[] args) throws Exception {
        int components = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path bundles = Path.of("registry-bench/target/bench-bundles").toAbsolutePath();
        System.setProperty("it.bundles", bundles.toString());
        System.setProperty(
                "it.core.bundle", bundles.resolve("registry-core.jar").toString());
        PrintStream out = System.out;

        long begin = System.nanoTime();
        Result off = run("off", Map.of("happyos.persistence", "false"), components, lookups, warmup);
        Result on = run("on", Map.of(), components, lookups, warmup);
        double totalSeconds = (System.nanoTime() - begin) / 1e9;

        out.printf("%n| scenario | persistence off | persistence on | ratio on/off | target |%n");
        out.printf("|---|---|---|---|---|%n");
        row(
                out,
                "(1a) register %,d components, all issued then awaited".formatted(components),
                "ms",
                off.registerAllMs,
                on.registerAllMs,
                "≤ 3x");
        row(
                out,
                "(1b) register %,d components, each awaited before the next".formatted(components),
                "ms",
                off.registerEachMs,
                on.registerEachMs,
                "≤ 3x");
        row(
                out,
                "(2) %,d addDependency (acyclic random pairs, seed %d), all awaited".formatted(on.edges, SEED),
                "ms",
                off.dependenciesMs,
                on.dependenciesMs,
                "≤ 3x");
        row(
                out,
                "(3) getComponent(random id), %,d calls".formatted(lookups),
                "ns/op",
                off.lookupNs,
                on.lookupNs,
                "≈ 1x");
        out.printf(
                "%nregistry.db after the persistence-on run: %,d bytes (with -wal/-shm); persistence off: %,d bytes%n",
                on.dbBytes, off.dbBytes);
        out.printf(
                "warm-up per contender: %,d components, %,d dependencies, %,d lookups, same framework%n",
                warmup, warmup, Math.max(lookups / 5, 100_000));
        out.printf("total benchmark time: %.1f s%n", totalSeconds);
    }

    private static void row(PrintStream out, String scenario, String unit, double off, double on, String target) {
        String format = unit.equals("ms") ? "%.0f ms" : "%.1f ns/op";
        out.printf(
                "| %s | %s | %s | %.2fx | %s |%n",
                scenario, format.formatted(off), format.formatted(on), on / off, target);
    }

    private static Result run(String name, Map<String, String> properties, int components, int lookups, int warmup)
            throws Exception {
        System.out.printf("persistence %s: starting a fresh framework%n", name);
        try (EmbeddedFelix felix = EmbeddedFelix.start(properties)) {
            felix.withRegistry();
            DynamicRegistry registry = felix.service(DynamicRegistry.class, TIMEOUT);

            // warm-up round: the same code paths, smaller, with names of its own
            List<String> warm = registerAll(registry, "w", warmup);
            registerEach(registry, "v", warmup);
            addDependencies(registry, warm, warmup, SEED + 1);
            lookup(registry, warm, Math.max(lookups / 5, 100_000));
            System.gc();

            long t0 = System.nanoTime();
            List<String> ids = registerAll(registry, "c", components);
            long t1 = System.nanoTime();
            registerEach(registry, "s", components);
            long t2 = System.nanoTime();
            int edges = addDependencies(registry, ids, components, SEED);
            long t3 = System.nanoTime();
            double lookupNs = lookup(registry, ids, lookups);

            Result result =
                    new Result(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), lookupNs, edges, databaseBytes(felix.storage()));
            System.out.printf(
                    "persistence %s: register all %.0f ms, register each %.0f ms, %d dependencies %.0f ms,"
                            + " lookup %.1f ns/op, registry.db %,d bytes%n",
                    name,
                    result.registerAllMs,
                    result.registerEachMs,
                    edges,
                    result.dependenciesMs,
                    lookupNs,
                    result.dbBytes);
            return result;
        }
    }

    /** Issues every registration, then waits for all; returns the ids in index order. */
    private static List<String> registerAll(DynamicRegistry registry, String prefix, int count) throws Exception {
        List<CompletableFuture<String>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(registry.registerComponent(ComponentInfo.of(prefix + i, TYPE))
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<String> ids = new ArrayList<>(count);
        for (CompletableFuture<String> f : pending) {
            ids.add(f.join());
        }
        return ids;
    }

    /** Registers one component at a time, waiting for each before the next. */
    private static void registerEach(DynamicRegistry registry, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            registry.registerComponent(ComponentInfo.of(prefix + i, TYPE))
                    .toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Adds {@code count} distinct explicit dependencies from a random higher index to a random lower
     * one (acyclic by construction), all issued at once, then waits for all.
     *
     * @return the number of edges added
     */
    private static int addDependencies(DynamicRegistry registry, List<String> ids, int count, long seed)
            throws Exception {
        Random random = new Random(seed);
        Set<Long> seen = new HashSet<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>(count);
        int n = ids.size();
        long possible = (long) n * (n - 1) / 2;
        while (pending.size() < count && seen.size() < possible) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a == b) {
                continue;
            }
            int dependent = Math.max(a, b);
            int dependency = Math.min(a, b);
            if (!seen.add((long) dependent * n + dependency)) {
                continue;
            }
            CompletionStage<Void> stage =
                    registry.dependencies().addDependency(ids.get(dependent), ids.get(dependency));
            pending.add(stage.toCompletableFuture());
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return pending.size();
    }

    /** {@code getComponent} for random ids (fixed seed); returns ns per call. */
    private static double lookup(DynamicRegistry registry, List<String> ids, int calls) {
        String[] idArray = ids.toArray(String[]::new);
        int[] order = new Random(SEED).ints(1 << 16, 0, idArray.length).toArray();
        int mask = order.length - 1;
        long sink = 0;
        long begin = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            RegistryEntry entry = registry.getComponent(idArray[order[i & mask]]);
            sink += entry.id().length();
        }
        long elapsed = System.nanoTime() - begin;
        if (sink == 42) {
            System.out.println("(sink)"); // keeps the loop from being optimised away
        }
        return elapsed / (double) calls;
    }

    private static long databaseBytes(Path storage) throws Exception {
        long bytes = 0;
        for (String file : List.of("registry.db", "registry.db-wal", "registry.db-shm")) {
            Path p = storage.resolve(file);
            if (Files.exists(p)) {
                bytes += Files.size(p);
            }
        }
        return bytes;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
