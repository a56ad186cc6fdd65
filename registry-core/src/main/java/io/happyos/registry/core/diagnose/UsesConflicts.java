package io.happyos.registry.core.diagnose;

import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Finds the {@code uses} constraint that keeps a bundle from resolving when each of its
 * requirements, taken alone, has a provider: the bundle imports package {@code p} from a provider
 * whose {@code p} uses package {@code q}, and the provider sees a {@code q} that the bundle's own
 * import of {@code q} does not accept. Two versions of {@code q} would meet in one class space,
 * which the resolver refuses.
 */
final class UsesConflicts {

    private final RequirementCauses requirements;

    UsesConflicts(RequirementCauses requirements) {
        this.requirements = requirements;
    }

    /**
     * The uses conflicts of an unresolved bundle, in words.
     *
     * @param id its registry id
     * @param bundle the bundle
     * @return one cause per conflicting package
     */
    List<Cause> find(String id, Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<BundleRequirement> imports = revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE);
        List<Cause> causes = new ArrayList<>();
        for (BundleRequirement viaImport : imports) {
            if (!RequirementCauses.mandatory(viaImport)) {
                continue; // optional and dynamic imports never make the resolver fail
            }
            List<BundleCapability> providers = requirements.matching(viaImport, bundle);
            if (providers.size() != 1) {
                continue; // the resolver has a choice: not a conflict we can pin down
            }
            BundleCapability via = providers.get(0);
            for (String used : uses(via)) {
                Optional<BundleCapability> seen = seenBy(via.getRevision().getBundle(), used);
                Optional<BundleRequirement> own = imports.stream()
                        .filter(r -> used.equals(RequirementText.name(r)))
                        .findFirst();
                if (seen.isEmpty() || own.isEmpty() || own.get().matches(seen.get())) {
                    continue;
                }
                causes.add(conflict(id, bundle, via, used, seen.get(), own.get()));
            }
        }
        return causes;
    }

    private Cause conflict(
            String id, Bundle bundle, BundleCapability via, String used, BundleCapability seen, BundleRequirement own) {
        String provider = requirements.who(via.getRevision().getBundle());
        String seenFrom = requirements.who(seen.getRevision().getBundle());
        List<BundleCapability> ownProviders = requirements.matching(own, bundle);
        String ownFrom = ownProviders.isEmpty()
                ? "nothing installed"
                : RequirementText.describe(ownProviders.get(0)) + " from "
                        + requirements.who(ownProviders.get(0).getRevision().getBundle());
        String viaPackage = String.valueOf(via.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
        String message = "uses conflict on package " + used + ": " + id + " imports " + viaPackage + " from " + provider
                + ", whose " + viaPackage + " uses " + used + " and sees " + RequirementText.describe(seen) + " from "
                + seenFrom + "; but " + id + " itself requires " + RequirementText.describe(own)
                + " (" + ownFrom + "): two versions of " + used + " would meet in " + id + "'s class space";
        List<String> evidence = List.of(
                id + " Import-Package: " + RequirementText.describe(own),
                provider + " exports " + RequirementText.describe(via) + " with uses:=\"" + String.join(",", uses(via))
                        + "\"",
                provider + " is wired to " + RequirementText.describe(seen) + " from " + seenFrom,
                "the alternative: " + ownFrom);
        String fix = "make " + id + " import " + used + " in a range that includes " + RequirementText.version(seen)
                + " (as " + provider + " does), or install a version of "
                + via.getRevision().getBundle().getSymbolicName()
                + " that uses " + RequirementText.describe(own);
        return Cause.root(CauseKind.USES_CONFLICT, id, message, fix, evidence);
    }

    private static List<String> uses(BundleCapability capability) {
        String uses = capability.getDirectives().get(PackageNamespace.CAPABILITY_USES_DIRECTIVE);
        if (uses == null || uses.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String p : uses.split(",")) {
            if (!p.isBlank()) {
                result.add(p.strip());
            }
        }
        return result;
    }

    /** The capability for a package that a bundle sees: its own export, its wire, or its only candidate. */
    private Optional<BundleCapability> seenBy(Bundle provider, String pkg) {
        BundleWiring wiring = provider.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    return Optional.of(wire.getCapability());
                }
            }
        }
        BundleRevision revision = provider.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        for (BundleCapability own : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(own.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return Optional.of(own);
            }
        }
        if (wiring == null) {
            for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(RequirementText.name(r)) && RequirementCauses.mandatory(r)) {
                    List<BundleCapability> candidates = requirements.matching(r, provider);
                    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
