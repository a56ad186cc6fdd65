package io.happyos.registry.core.diagnose;

import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.core.bundle.DeclaredDependencies;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Why the framework cannot resolve a bundle, requirement by requirement: nothing provides it,
 * something provides it in another version, or its provider cannot resolve either (explained in
 * turn by the caller). When every requirement has a provider, {@link UsesConflicts} looks for the
 * {@code uses} constraint that stands in the way.
 */
final class RequirementCauses {

    /** Explains another component (a provider) in the same explanation. */
    interface Recursion {
        /**
         * The causes of a component not being active or resolved.
         *
         * @param id the component
         * @return its causes, ranked
         */
        List<Cause> causesOf(String id);
    }

    /** The kinds of cause that keep a bundle from resolving. */
    static final Set<CauseKind> STRUCTURAL = EnumSet.of(
            CauseKind.QUARANTINED,
            CauseKind.MISSING_REQUIREMENT,
            CauseKind.WRONG_VERSION,
            CauseKind.USES_CONFLICT,
            CauseKind.PROVIDER_NOT_RESOLVED);

    private final BundleContext context;
    private final LongFunction<String> idOfBundle;

    /**
     * @param context the registry's context, to see every installed bundle
     * @param idOfBundle a bundle's registry id, or {@code null} when it has none
     */
    RequirementCauses(BundleContext context, LongFunction<String> idOfBundle) {
        this.context = context;
        this.idOfBundle = idOfBundle;
    }

    /**
     * The causes that keep an installed bundle from resolving.
     *
     * @param id its registry id
     * @param bundle the bundle, in state INSTALLED
     * @param recursion explains providers that cannot resolve
     * @return the causes; empty when each mandatory requirement has a provider that resolves
     */
    List<Cause> unresolved(String id, Bundle bundle, Recursion recursion) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<Cause> causes = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (!mandatory(requirement)) {
                continue;
            }
            List<BundleCapability> matching = matching(requirement, bundle);
            if (matching.isEmpty()) {
                causes.add(noProvider(id, requirement, bundle));
                continue;
            }
            if (matching.stream().noneMatch(c -> resolved(c.getRevision().getBundle()))) {
                providersUnresolved(id, bundle, requirement, matching, recursion)
                        .ifPresent(causes::add);
            }
        }
        return causes;
    }

    private Cause noProvider(String id, BundleRequirement requirement, Bundle self) {
        String wanted = RequirementText.describe(requirement);
        String name = RequirementText.name(requirement);
        List<String> instead = new ArrayList<>();
        if (name != null) {
            for (BundleCapability capability : capabilities(requirement.getNamespace(), self)) {
                Object offered = capability.getAttributes().get(requirement.getNamespace());
                if (name.equals(String.valueOf(offered))) {
                    instead.add(RequirementText.describe(capability) + " from "
                            + who(capability.getRevision().getBundle()));
                }
            }
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(
                RequirementText.header(requirement.getNamespace()) + ": " + DeclaredDependencies.format(requirement));
        if (instead.isEmpty()) {
            evidence.add("nothing installed provides " + (name == null ? "it" : name) + " in any version");
            return Cause.root(
                    CauseKind.MISSING_REQUIREMENT,
                    id,
                    id + " requires " + wanted + ", which nothing installed provides",
                    "install a bundle providing " + wanted,
                    evidence);
        }
        instead.forEach(i -> evidence.add("installed instead: " + i));
        return Cause.root(
                CauseKind.WRONG_VERSION,
                id,
                id + " requires " + wanted + ", but only " + String.join(", ", instead) + " is installed",
                "install a bundle providing " + wanted + ", or change " + id + "'s "
                        + RequirementText.header(requirement.getNamespace()) + " to accept the installed version",
                evidence);
    }

    /**
     * A requirement whose providers are all unresolved: a cause only when none of them could
     * resolve (one that is merely not resolved yet would be resolved along with the requirer).
     */
    private Optional<Cause> providersUnresolved(
            String id,
            Bundle self,
            BundleRequirement requirement,
            List<BundleCapability> matching,
            Recursion recursion) {
        List<Cause> below = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (BundleCapability capability : matching) {
            Bundle provider = capability.getRevision().getBundle();
            if (provider.getBundleId() == self.getBundleId()) {
                return Optional.empty(); // its own export: fine if the rest resolves
            }
            String providerId = idOfBundle.apply(provider.getBundleId());
            List<Cause> blocking = providerId == null
                    ? List.of()
                    : recursion.causesOf(providerId).stream()
                            .filter(c -> STRUCTURAL.contains(c.kind()))
                            .toList();
            if (providerId != null && blocking.isEmpty()) {
                return Optional.empty(); // this provider can resolve together with the requirer
            }
            evidence.add(RequirementText.describe(capability) + " from " + who(provider) + " (cannot resolve)");
            below.addAll(blocking);
        }
        String message = id + " requires " + RequirementText.describe(requirement)
                + ", whose only providers cannot resolve themselves";
        if (below.isEmpty()) {
            return Optional.of(Cause.root(
                    CauseKind.PROVIDER_NOT_RESOLVED,
                    id,
                    message,
                    "make " + matching.get(0).getRevision().getBundle().getSymbolicName()
                            + " resolve (run registry:why on it), or install another provider",
                    evidence));
        }
        return Optional.of(new Cause(CauseKind.PROVIDER_NOT_RESOLVED, id, message, null, evidence, below));
    }

    /**
     * The capabilities of other installed bundles (and the system bundle) matching a requirement.
     *
     * @param requirement the requirement
     * @param self the requiring bundle (its own exports count: a bundle may import what it exports)
     * @return the matches
     */
    List<BundleCapability> matching(BundleRequirement requirement, Bundle self) {
        List<BundleCapability> result = new ArrayList<>();
        for (BundleCapability capability : capabilities(requirement.getNamespace(), self)) {
            if (requirement.matches(capability)) {
                result.add(capability);
            }
        }
        return result;
    }

    private List<BundleCapability> capabilities(String namespace, Bundle self) {
        List<BundleCapability> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision != null) {
                result.addAll(revision.getDeclaredCapabilities(namespace));
            }
        }
        return result;
    }

    /** Whether a requirement must be met to resolve: not optional, not a dynamic import, effective at resolve time. */
    static boolean mandatory(BundleRequirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        String resolution = directives.get(Constants.RESOLUTION_DIRECTIVE);
        if (Constants.RESOLUTION_OPTIONAL.equals(resolution)
                || org.osgi.framework.namespace.PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)) {
            return false; // a dynamic import is looked up when a class is loaded, never at resolve time
        }
        String effective = directives.get(Constants.EFFECTIVE_DIRECTIVE);
        return effective == null || Constants.EFFECTIVE_RESOLVE.equals(effective);
    }

    static boolean resolved(Bundle bundle) {
        return (bundle.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0;
    }

    String who(Bundle bundle) {
        String id = idOfBundle.apply(bundle.getBundleId());
        String name = bundle.getBundleId() == 0 ? "the system bundle" : Objects.toString(id, bundle.getSymbolicName());
        return name + " " + bundle.getVersion();
    }
}
