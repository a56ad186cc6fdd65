package io.happyos.registry.core.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The dependencies a bundle declares, in every namespace: from its wiring once it is resolved, else
 * by matching its requirements against the capabilities other installed bundles declare.
 * Requirements the system bundle satisfies are not dependencies; an optional requirement counts
 * only when something provides it; dynamic imports never count.
 */
public final class DeclaredDependencies {

    /**
     * What a bundle's requirements come to.
     *
     * @param providers for each providing bundle id, the requirements it satisfies, in manifest syntax
     * @param missing mandatory requirements that nothing installed provides
     * @param fromWiring whether it comes from the bundle's wiring (it is resolved), not its declarations
     */
    public record Result(Map<Long, List<String>> providers, List<String> missing, boolean fromWiring) {}

    private DeclaredDependencies() {}

    /**
     * Works out a bundle's dependencies.
     *
     * @param bundle the bundle
     * @param installed every installed bundle, in bundle id order
     * @return its providers and missing requirements
     */
    public static Result of(Bundle bundle, Bundle[] installed) {
        List<Bundle> all = java.util.Arrays.asList(installed);
        return of(bundle, requirement -> all);
    }

    /**
     * Works out a bundle's dependencies, asking for the bundles that may provide each requirement.
     *
     * @param bundle the bundle
     * @param candidates for a requirement, the installed bundles that may provide it, in bundle id
     *     order (a superset is fine: each is matched)
     * @return its providers and missing requirements
     */
    public static Result of(Bundle bundle, Function<BundleRequirement, Iterable<Bundle>> candidates) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return new Result(Map.of(), List.of(), false);
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null
                && wiring.isCurrent()
                && (bundle.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0) {
            return fromWiring(bundle, wiring);
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision == null
                ? new Result(Map.of(), List.of(), false)
                : fromDeclarations(bundle, revision, candidates);
    }

    private static Result fromWiring(Bundle bundle, BundleWiring wiring) {
        Map<Long, List<String>> providers = new LinkedHashMap<>();
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            Bundle provider = wire.getProvider().getBundle();
            if (provider.getBundleId() == 0 || provider.getBundleId() == bundle.getBundleId()) {
                continue;
            }
            add(providers, provider.getBundleId(), format(wire.getRequirement()));
        }
        return new Result(providers, List.of(), true);
    }

    private static Result fromDeclarations(
            Bundle bundle, BundleRevision revision, Function<BundleRequirement, Iterable<Bundle>> candidates) {
        Map<Long, List<String>> providers = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (!counts(requirement)) {
                continue;
            }
            Bundle provider = provider(bundle, requirement, candidates.apply(requirement));
            if (provider == null) {
                if (!isOptional(requirement)) {
                    missing.add(format(requirement));
                }
            } else if (provider.getBundleId() != 0 && provider.getBundleId() != bundle.getBundleId()) {
                add(providers, provider.getBundleId(), format(requirement));
            }
        }
        return new Result(providers, missing, false);
    }

    private static boolean counts(BundleRequirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        String effective = directives.get(Constants.EFFECTIVE_DIRECTIVE);
        if (effective != null && !Constants.EFFECTIVE_RESOLVE.equals(effective)) {
            return false;
        }
        return !org.osgi.framework.namespace.PackageNamespace.RESOLUTION_DYNAMIC.equals(
                directives.get(Constants.RESOLUTION_DIRECTIVE));
    }

    private static boolean isOptional(BundleRequirement requirement) {
        return Constants.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Constants.RESOLUTION_DIRECTIVE));
    }

    /**
     * The system bundle first (it wins), then the bundle itself (a substitutable export), then
     * resolved bundles, then the lowest bundle id.
     */
    private static Bundle provider(Bundle self, BundleRequirement requirement, Iterable<Bundle> installed) {
        Bundle best = null;
        for (Bundle candidate : installed) {
            if (candidate.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            BundleRevision revision = candidate.adapt(BundleRevision.class);
            if (revision == null || !provides(revision, requirement)) {
                continue;
            }
            if (candidate.getBundleId() == 0) {
                return candidate;
            }
            if (candidate.getBundleId() == self.getBundleId()) {
                best = candidate;
            } else if (best == null || best.getBundleId() != self.getBundleId() && rank(candidate) < rank(best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static int rank(Bundle bundle) {
        return (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0 ? 0 : 1;
    }

    private static boolean provides(BundleRevision revision, BundleRequirement requirement) {
        for (BundleCapability capability : revision.getDeclaredCapabilities(requirement.getNamespace())) {
            if (requirement.matches(capability)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Long, List<String>> providers, long bundleId, String requirement) {
        List<String> list = providers.computeIfAbsent(bundleId, id -> new ArrayList<>());
        if (!list.contains(requirement)) {
            list.add(requirement);
        }
    }

    /**
     * A requirement in manifest syntax, e.g. {@code osgi.wiring.package;filter:="(osgi.wiring.package=x)"}.
     *
     * @param requirement the requirement
     * @return its text
     */
    public static String format(BundleRequirement requirement) {
        StringBuilder text = new StringBuilder(requirement.getNamespace());
        requirement.getDirectives().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing((String k) -> !k.equals("filter")).thenComparing(k -> k)))
                .forEach(d -> text.append(';')
                        .append(d.getKey())
                        .append(":=\"")
                        .append(d.getValue())
                        .append('"'));
        return text.toString();
    }
}
