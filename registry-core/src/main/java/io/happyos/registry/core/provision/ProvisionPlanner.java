package io.happyos.registry.core.provision;

import io.happyos.registry.ProvisionedSet;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.deploy.JarInspector;
import io.happyos.registry.core.provision.FeaturesDocument.Feature;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureBundle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a {@link ProvisionPlan}: reads the features file and the files it names, picks the
 * features, and resolves and checks every bundle, so that a plan exists only when every bundle can
 * be had. Runs on a caller's thread (it may download); changes nothing in the framework.
 */
public final class ProvisionPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionPlanner.class);
    private static final int MAX_REPOSITORY_DEPTH = 8;

    private final ArtifactResolver resolver;

    /** @param resolver finds Maven artifacts */
    public ProvisionPlanner(ArtifactResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * A plan to install one bundle.
     *
     * @param location {@code mvn:...} or {@code file:...}
     * @return the plan
     * @throws RegistryException for a bad location, or an artifact that cannot be had or is no bundle
     */
    public ProvisionPlan install(String location) {
        PlannedBundle bundle = resolve(new FeatureBundle(location.strip(), 0, true, false), Path.of(""));
        return new ProvisionPlan(
                "install",
                List.of(new ProvisionPlan.Set(
                        bundle.location(), null, ProvisionedSet.Kind.INSTALL, bundle.location(), List.of(bundle))));
    }

    /**
     * A plan to provision features of a features file.
     *
     * @param file the file
     * @param names the features, or none for the default ones
     * @return the plan
     * @throws RegistryException naming the problem (file, feature, every artifact that cannot be had)
     */
    public ProvisionPlan provision(Path file, List<String> names) {
        Path path = file.toAbsolutePath().normalize();
        FeaturesDocument main = read(path.toUri().toString(), path);
        List<FeaturesDocument> documents = new ArrayList<>();
        documents.add(main);
        loadRepositories(
                main,
                path.getParent(),
                documents,
                new LinkedHashSet<>(Set.of(path.toUri().toString())),
                0);
        FeatureSelection selection = new FeatureSelection(documents);
        List<ProvisionPlan.Set> sets = new ArrayList<>();
        Map<String, PlannedBundle> resolved = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            for (Feature feature : selection.requested(main, names)) {
                List<PlannedBundle> bundles = new ArrayList<>();
                for (FeatureBundle b : selection.bundles(feature)) {
                    if (!seen.add(b.location()) && !resolved.containsKey(b.location())) {
                        continue; // could not be had: said once
                    }
                    PlannedBundle planned = resolved.computeIfAbsent(b.location(), l -> tryResolve(b, path, problems));
                    if (planned != null) {
                        bundles.add(new PlannedBundle(
                                planned.location(),
                                planned.file(),
                                planned.sha256(),
                                planned.symbolicName(),
                                planned.version(),
                                b.start(),
                                b.startLevel(),
                                b.dependency()));
                    }
                }
                sets.add(new ProvisionPlan.Set(
                        feature.name(), feature.version(), ProvisionedSet.Kind.FEATURE, path.toString(), bundles));
            }
        } catch (IllegalArgumentException e) {
            throw new RegistryException(path + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new RegistryException("nothing was provisioned from " + path + ": " + problems.size() + " of "
                    + seen.size() + " bundles cannot be had: " + String.join("; ", problems));
        }
        return new ProvisionPlan("provision", sets);
    }

    /**
     * Resolves the bundles of kept sets that are missing from the framework (its cache was lost).
     *
     * @param sets the kept sets, their bundles without files
     * @param missing which locations the framework does not have
     * @return the sets with those bundles resolved; the others left without a file
     * @throws RegistryException when a missing bundle cannot be had
     */
    public List<ProvisionPlan.Set> restore(List<ProvisionPlan.Set> sets, Predicate<String> missing) {
        List<ProvisionPlan.Set> restored = new ArrayList<>();
        for (ProvisionPlan.Set set : sets) {
            List<PlannedBundle> bundles = new ArrayList<>();
            for (PlannedBundle b : set.bundles()) {
                bundles.add(
                        missing.test(b.location())
                                ? b.with(resolve(new FeatureBundle(b.location(), 0, true, false), Path.of("")))
                                : b);
            }
            restored.add(new ProvisionPlan.Set(set.name(), set.version(), set.kind(), set.source(), bundles));
        }
        return restored;
    }

    private PlannedBundle tryResolve(FeatureBundle bundle, Path featuresFile, List<String> problems) {
        try {
            return resolve(bundle, featuresFile.getParent());
        } catch (RegistryException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** Resolves one location to a checked bundle JAR. */
    private PlannedBundle resolve(FeatureBundle bundle, Path base) {
        String location = bundle.location();
        Path file;
        String canonical;
        if (location.startsWith("mvn:")) {
            MavenUrl url;
            try {
                url = MavenUrl.parse(location);
            } catch (IllegalArgumentException e) {
                throw new RegistryException(e.getMessage(), e);
            }
            canonical = url.toString();
            file = resolver.resolve(url);
        } else if (location.startsWith("file:")) {
            file = filePath(location, base);
            canonical = file.toUri().toString();
            if (!Files.isRegularFile(file)) {
                throw new RegistryException(location + ": no such file " + file + "; give the path of a bundle JAR");
            }
        } else {
            throw new RegistryException("'" + location + "' is not a location the registry installs from: give "
                    + MavenUrl.FORM + " or file:PATH");
        }
        JarInspector.JarCheck check = JarInspector.inspect(file);
        if (!check.valid()) {
            throw new RegistryException(canonical + " (" + file + ") is not a bundle: " + check.reason());
        }
        return new PlannedBundle(
                canonical,
                file,
                check.sha256(),
                check.symbolicName(),
                check.version(),
                bundle.start(),
                bundle.startLevel(),
                bundle.dependency());
    }

    /** A {@code file:} location as a path: absolute, or relative to the features file's folder. */
    static Path filePath(String location, Path base) {
        String rest = location.substring("file:".length());
        try {
            if (rest.startsWith("/")) {
                return Path.of(URI.create(location)).toAbsolutePath().normalize();
            }
            return base.resolve(rest).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    "'" + location + "' is not a file URL (" + e.getMessage()
                            + "); give file:/ABSOLUTE/PATH.jar or file:RELATIVE/PATH.jar",
                    e);
        }
    }

    private FeaturesDocument read(String name, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            FeaturesDocument document = FeaturesParser.parse(in, name.startsWith("file:") ? file.toString() : name);
            document.notes().forEach(note -> LOG.info("{}: {}", file, note));
            return document;
        } catch (IOException e) {
            throw new RegistryException(
                    "cannot read the features file " + file + ": " + e + "; give the path of a readable features.xml",
                    e);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }

    /** Reads the files the {@code <repository>} elements name, and theirs, each once. */
    private void loadRepositories(
            FeaturesDocument document, Path base, List<FeaturesDocument> into, Set<String> seen, int depth) {
        for (String repository : document.repositories()) {
            if (depth >= MAX_REPOSITORY_DEPTH) {
                throw new RegistryException(document.source() + ": <repository> elements nest deeper than "
                        + MAX_REPOSITORY_DEPTH + " files; flatten them");
            }
            Path file;
            if (repository.startsWith("mvn:")) {
                try {
                    file = resolver.resolve(MavenUrl.parse(repository));
                } catch (IllegalArgumentException e) {
                    throw new RegistryException(document.source() + ": <repository> " + e.getMessage(), e);
                }
            } else if (repository.startsWith("file:")) {
                file = filePath(repository, base);
            } else {
                throw new RegistryException(document.source() + ": <repository> '" + repository
                        + "' is neither mvn: nor file:; only those are supported");
            }
            if (seen.add(file.toUri().toString())) {
                FeaturesDocument loaded = read(repository, file);
                into.add(loaded);
                loadRepositories(loaded, file.getParent(), into, seen, depth + 1);
            }
        }
    }
}
