package io.happyos.registry.core.provision;

import java.util.List;

/**
 * What a features file says, in the subset of Karaf's {@code features.xml} the registry supports.
 *
 * @param name the {@code name} of {@code <features>}, or {@code null}
 * @param source where it was read from, for messages
 * @param repositories the {@code <repository>} URLs: other features files its features may need
 * @param features its features, in file order
 * @param notes what was ignored, one sentence each
 */
public record FeaturesDocument(
        String name, String source, List<String> repositories, List<Feature> features, List<String> notes) {

    /** Copies the lists. */
    public FeaturesDocument {
        repositories = List.copyOf(repositories);
        features = List.copyOf(features);
        notes = List.copyOf(notes);
    }

    /**
     * One {@code <feature>}.
     *
     * @param name its name
     * @param version its version ({@code 0.0.0} when it says none)
     * @param auto whether it says {@code install="auto"}
     * @param bundles its {@code <bundle>}s, in file order
     * @param dependencies the features it names in {@code <feature>} children
     */
    public record Feature(
            String name, String version, boolean auto, List<FeatureBundle> bundles, List<FeatureRef> dependencies) {

        /** Copies the lists. */
        public Feature {
            bundles = List.copyOf(bundles);
            dependencies = List.copyOf(dependencies);
        }

        /** @return {@code NAME/VERSION} */
        public String key() {
            return name + "/" + version;
        }
    }

    /**
     * One {@code <bundle>}.
     *
     * @param location {@code mvn:...} or {@code file:...}
     * @param startLevel its {@code start-level}, or 0 when it gives none (used to order the installs)
     * @param start whether to activate it ({@code start="false"} says no)
     * @param dependency whether it says {@code dependency="true"}
     */
    public record FeatureBundle(String location, int startLevel, boolean start, boolean dependency) {}

    /**
     * A feature a feature needs.
     *
     * @param name its name
     * @param version the version or version range asked for, or {@code null} for any (the newest)
     */
    public record FeatureRef(String name, String version) {}
}
