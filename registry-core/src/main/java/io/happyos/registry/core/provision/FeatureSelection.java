package io.happyos.registry.core.provision;

import io.happyos.registry.core.provision.FeaturesDocument.Feature;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureBundle;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Which features a provisioning asks for, and the bundles each brings with the features it needs.
 * A version asked for is a range ({@code [1,2)}) or one version (that version exactly; {@code 0.0.0}
 * for any); the newest feature that matches is taken.
 */
public final class FeatureSelection {

    private final List<Feature> known;

    /**
     * @param documents the features file and the files its {@code <repository>} elements name
     */
    public FeatureSelection(List<FeaturesDocument> documents) {
        this.known = documents.stream().flatMap(d -> d.features().stream()).toList();
    }

    /**
     * The features asked for: by name (or {@code NAME/VERSION}); none named means every feature of
     * the main file marked {@code install="auto"}, or all of its features when none is.
     *
     * @param main the features file provisioned
     * @param names the names asked for
     * @return the features, in the order asked
     * @throws IllegalArgumentException for a feature that is not there, listing those that are
     */
    public List<Feature> requested(FeaturesDocument main, List<String> names) {
        if (names.isEmpty()) {
            List<Feature> auto = main.features().stream().filter(Feature::auto).toList();
            return auto.isEmpty() ? main.features() : auto;
        }
        List<Feature> features = new ArrayList<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            FeatureRef ref = slash < 0
                    ? new FeatureRef(name.strip(), null)
                    : new FeatureRef(
                            name.substring(0, slash).strip(),
                            name.substring(slash + 1).strip());
            Feature feature = find(ref, main.source());
            if (!features.contains(feature)) {
                features.add(feature);
            }
        }
        return features;
    }

    /**
     * The bundles of a feature and of the features it needs (those first, then by start level),
     * each location once.
     *
     * @param feature the feature
     * @return its bundles
     * @throws IllegalArgumentException for a feature needed that is not there, or features that need each other
     */
    public List<FeatureBundle> bundles(Feature feature) {
        List<Feature> order = new ArrayList<>();
        visit(feature, new LinkedHashSet<>(), order);
        Map<String, FeatureBundle> bundles = new LinkedHashMap<>();
        for (Feature f : order) {
            f.bundles().stream()
                    .sorted(Comparator.comparingInt(FeatureBundle::startLevel))
                    .forEach(b -> bundles.putIfAbsent(b.location(), b));
        }
        return List.copyOf(bundles.values());
    }

    private void visit(Feature feature, Set<String> path, List<Feature> order) {
        if (order.contains(feature)) {
            return;
        }
        if (!path.add(feature.key())) {
            throw new IllegalArgumentException("features need each other in a circle: " + String.join(" -> ", path)
                    + " -> " + feature.key() + "; remove one of those <feature> elements");
        }
        for (FeatureRef ref : feature.dependencies()) {
            visit(find(ref, "feature " + feature.key()), path, order);
        }
        path.remove(feature.key());
        order.add(feature);
    }

    private Feature find(FeatureRef ref, String askedBy) {
        Optional<Feature> found = known.stream()
                .filter(f -> f.name().equals(ref.name()) && matches(f.version(), ref.version()))
                .max(Comparator.comparing(f -> version(f.version())));
        return found.orElseThrow(() -> new IllegalArgumentException("no feature " + ref.name()
                + (ref.version() == null ? "" : " in version " + ref.version()) + " (asked for by " + askedBy
                + "); the features known are: "
                + known.stream().map(Feature::key).collect(Collectors.joining(", "))
                + (known.isEmpty() ? "none" : "")));
    }

    /**
     * Whether a feature's version is the one asked for.
     *
     * @param version the feature's version
     * @param wanted a range, one version (exactly), {@code 0.0.0} or {@code null} (any)
     * @return whether it matches
     * @throws IllegalArgumentException for a range that is not one
     */
    static boolean matches(String version, String wanted) {
        if (wanted == null || wanted.isBlank() || wanted.strip().equals("0.0.0")) {
            return true;
        }
        String w = wanted.strip();
        if (w.startsWith("[") || w.startsWith("(")) {
            try {
                return new VersionRange(w).includes(version(version));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + w + "' is not a version range: " + e.getMessage()
                        + "; write it as [1.0,2.0) or give one version");
            }
        }
        return version(version).equals(version(w));
    }

    /**
     * A feature version as an OSGi version, Maven's {@code 1.0-SNAPSHOT} read as {@code 1.0.0.SNAPSHOT}.
     *
     * @param text the version
     * @return the version ({@code 0.0.0} for what cannot be read)
     */
    static Version version(String text) {
        String[] parts = text.strip().split("[.\\-]", 4);
        int[] numbers = new int[3];
        StringBuilder qualifier = new StringBuilder();
        int i = 0;
        for (String part : parts) {
            if (i < 3 && qualifier.length() == 0 && part.matches("\\d{1,9}")) {
                numbers[i++] = Integer.parseInt(part);
            } else {
                qualifier.append(qualifier.length() == 0 ? "" : "_").append(part.replaceAll("[^A-Za-z0-9_\\-]", "_"));
            }
        }
        return new Version(numbers[0], numbers[1], numbers[2], qualifier.toString());
    }
}
