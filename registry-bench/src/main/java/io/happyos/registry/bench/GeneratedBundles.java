package io.happyos.registry.bench;

import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated plugin JARs with real manifests, so that Felix resolves them for real: each bundle
 * exports a package of its own and imports the packages of the bundles it depends on. Fixed seeds,
 * so every run sees the same inputs.
 */
final class GeneratedBundles {

    /**
     * Written bundles.
     *
     * @param names the symbolic names (= registry ids), in a correct activation order
     * @param files the JARs, in the same order
     * @param levels for a layered set, the names per level; empty otherwise
     */
    record Set(List<String> names, List<Path> files, List<List<String>> levels) {}

    private GeneratedBundles() {}

    /**
     * A chain with fan-outs: {@code n / 10} bundles in a chain (each imports the previous one's
     * package), and every other bundle imports the package of a random chain member. The file
     * names are shuffled, so the folder's order is not the dependency order; {@link Set#names()} is.
     *
     * @param dir where to write
     * @param n how many bundles
     * @param seed the random seed
     * @return the bundles
     */
    static Set chainWithFanOut(Path dir, int n, long seed) throws IOException {
        int chain = Math.max(2, n / 10);
        Random random = new Random(seed);
        List<Integer> fileOrder = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fileOrder.add(i);
        }
        Collections.shuffle(fileOrder, random);
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            String pkg = i < chain ? "gen.chain.c" + i : "gen.leaf.l" + i;
            headers.put("Export-Package", pkg + ";version=\"1.0.0\"");
            if (i > 0) {
                int dependency = i < chain ? i - 1 : random.nextInt(chain);
                headers.put("Import-Package", "gen.chain.c" + dependency + ";version=\"[1.0,2)\"");
            }
            // the shuffled prefix sets the file's place in the folder listing
            String name = String.format("gen%05d.b%d", fileOrder.get(i), i);
            names.add(name);
            files.add(TestBundle.builder(name).headers(headers).writeToFolder(dir));
        }
        return new Set(names, files, List.of());
    }

    /**
     * A layered graph: {@code depth} levels of {@code width} bundles; each bundle above level 0
     * imports the packages of one to three random bundles of the level below, and carries an
     * activator that sleeps for the milliseconds in its {@code X-Sleep-Millis} header.
     *
     * @param dir where to write
     * @param depth how many levels
     * @param width bundles per level
     * @param sleepMillis the activators' sleep
     * @param seed the random seed
     * @return the bundles, level by level
     */
    static Set layeredWithActivators(Path dir, int depth, int width, int sleepMillis, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                String name = "gen.batch.l" + level + ".b" + i;
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Bundle-Activator", SleepingActivator.class.getName());
                headers.put("X-Sleep-Millis", Integer.toString(sleepMillis));
                headers.put("Export-Package", "gen.batch.l" + level + ".p" + i + ";version=\"1.0.0\"");
                StringBuilder imports = new StringBuilder("org.osgi.framework");
                if (level > 0) {
                    java.util.Set<Integer> picked = new java.util.TreeSet<>();
                    int count = 1 + random.nextInt(3);
                    while (picked.size() < count) {
                        picked.add(random.nextInt(width));
                    }
                    for (int p : picked) {
                        imports.append(",gen.batch.l")
                                .append(level - 1)
                                .append(".p")
                                .append(p);
                    }
                }
                headers.put("Import-Package", imports.toString());
                members.add(name);
                names.add(name);
                files.add(TestBundle.builder(name)
                        .headers(headers)
                        .classes(SleepingActivator.class)
                        .writeToFolder(dir));
            }
            levels.add(members);
        }
        return new Set(names, files, levels);
    }
}
