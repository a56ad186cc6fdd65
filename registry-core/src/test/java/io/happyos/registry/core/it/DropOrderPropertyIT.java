package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Model-based: a random graph of 30 to 100 bundles (package imports along a random DAG, plus a few
 * groups that import each other, legal in OSGi), dropped into the bundles folder one file at a time
 * in random order with random gaps. Whatever the order and the timing, every bundle ends ACTIVE,
 * and the registry's statuses agree with the framework's bundle states.
 *
 * <p>CI runs {@value #CI_SEEDS} seeds; {@code -Ddrop.seeds=N} runs N (and {@code -Ddrop.seed=S}
 * replays one).
 */
class DropOrderPropertyIT extends FrameworkTestSupport {

    private static final int CI_SEEDS = 3;

    @TempDir
    Path jars;

    @TestFactory
    Stream<DynamicTest> anyDropOrderEndsWithEveryBundleActive() {
        Long one = Long.getLong("drop.seed");
        if (one != null) {
            return Stream.of(DynamicTest.dynamicTest("seed " + one, () -> run(one)));
        }
        int seeds = Integer.getInteger("drop.seeds", CI_SEEDS);
        return IntStream.range(0, seeds)
                .mapToObj(i -> 20261204L + i)
                .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        int size = 30 + random.nextInt(71);
        Path dir = Files.createDirectories(jars.resolve("seed-" + seed));
        Path folder = Files.createDirectories(dir.resolve("bundles"));
        List<Path> bundles = generate(random, size, dir);
        Collections.shuffle(bundles, random);

        startRegistry(folderProperties(folder));
        try {
            for (Path jar : bundles) {
                drop(jar, folder, jar.getFileName().toString());
                Thread.sleep(
                        random.nextInt(4) == 0
                                ? 300 + random.nextInt(400)
                                : random.nextInt(40)); // the gaps are the input
            }
            List<String> ids =
                    IntStream.range(0, size).mapToObj(DropOrderPropertyIT::name).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> notActive(ids).isEmpty());
            for (String id : ids) {
                RegistryEntry entry = registry.getComponent(id);
                Bundle bundle = felix.context().getBundle(entry.bundleId());
                assertThat(bundle.getState())
                        .as("seed %d: %s is ACTIVE in the registry", seed, id)
                        .isEqualTo(Bundle.ACTIVE);
            }
            assertThat(registry.getComponentsByStatus(ComponentStatus.ERROR))
                    .as("seed %d", seed)
                    .isEmpty();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "seed " + seed + " (" + size + " bundles): not ACTIVE: "
                            + describe(notActive(IntStream.range(0, size)
                                    .mapToObj(DropOrderPropertyIT::name)
                                    .toList())),
                    e);
        } finally {
            felix.close();
            felix = null;
        }
    }

    private List<String> notActive(List<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (registry.findComponent(id).map(RegistryEntry::status).orElse(null) != ComponentStatus.ACTIVE) {
                missing.add(id);
            }
        }
        return missing;
    }

    private String describe(List<String> ids) {
        Map<String, String> states = new TreeMap<>();
        for (String id : ids) {
            states.put(
                    id,
                    registry.findComponent(id)
                            .map(e -> e.status()
                                    + (e.lastError() == null
                                            ? ""
                                            : " (" + e.lastError().message() + ")"))
                            .orElse("no entry"));
        }
        return states.toString();
    }

    private static String name(int i) {
        return String.format("node%03d", i);
    }

    /**
     * Each bundle exports its own package and imports those of up to three earlier bundles; a few
     * neighbours import each other as well (groups of two or three).
     */
    private static List<Path> generate(Random random, int size, Path dir) throws Exception {
        List<TreeSet<Integer>> imports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TreeSet<Integer> deps = new TreeSet<>();
            int count = i == 0 ? 0 : random.nextInt(Math.min(i, 3) + 1);
            while (deps.size() < count) {
                deps.add(random.nextInt(i));
            }
            imports.add(deps);
        }
        int groups = 1 + random.nextInt(3);
        for (int g = 0; g < groups; g++) {
            int first = random.nextInt(size - 2);
            int members = 2 + random.nextInt(2);
            for (int m = 0; m < members; m++) {
                imports.get(first + m).add(first + (m + 1) % members); // a ring: first -> first+1 -> ... -> first
            }
        }
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> headers = new java.util.HashMap<>();
            headers.put("Export-Package", "gen.p" + i);
            TreeSet<Integer> deps = imports.get(i);
            deps.remove(i);
            if (!deps.isEmpty()) {
                headers.put(
                        "Import-Package",
                        String.join(",", deps.stream().map(d -> "gen.p" + d).toList()));
            }
            jars.add(TestBundle.builder(name(i)).headers(headers).writeToFolder(dir));
        }
        return jars;
    }
}
