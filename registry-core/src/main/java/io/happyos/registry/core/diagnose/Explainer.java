package io.happyos.registry.core.diagnose;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.Explanation;
import io.happyos.registry.core.bundle.BundleComponents;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Answers "why is this component not active?" (and "why is this active component unhealthy?")
 * with one ranked tree of causes down to the roots, each root with a fix. Combines the resolver's
 * view (requirements, versions, {@code uses}), the registry's graph (dependencies, cycles),
 * Declarative Services, the error history, the bundles folder and the audit log. Reads only.
 */
public final class Explainer {

    private static final Comparator<Cause> RANK = Comparator.comparing(Cause::kind);

    private final ComponentStore store;
    private final BundleContext context;
    private final Supplier<ServiceDiagnosis> services;
    private final ErrorCauses errors;
    private final CycleCauses cycles;
    private final RequirementCauses requirements;
    private final UsesConflicts uses;

    /**
     * @param store the components
     * @param context the registry's bundle context
     * @param audit reads the audit log (empty when none is kept)
     * @param services what Declarative Services knows, looked up at each explanation
     */
    /**
     * Tells where a quota's last refusal or deactivation of a component is given as its cause.
     *
     * @param refusals the message and fix of a component's last refusal, or {@code null}
     */
    public void quotaRefusals(Function<String, String[]> refusals) {
        this.quotaRefusals = Objects.requireNonNull(refusals, "refusals");
    }

    private volatile Function<String, String[]> quotaRefusals = id -> null;

    public Explainer(
            ComponentStore store,
            BundleContext context,
            Function<AuditQuery, List<AuditRecord>> audit,
            Supplier<ServiceDiagnosis> services) {
        this.store = store;
        this.context = context;
        this.services = services;
        this.errors = new ErrorCauses(audit);
        this.cycles = new CycleCauses(store, errors);
        this.requirements = new RequirementCauses(
                context,
                bundleId ->
                        store.findByBundle(bundleId).map(ComponentRecord::id).orElse(null));
        this.uses = new UsesConflicts(requirements);
    }

    /**
     * Explains a component.
     *
     * @param id the component's id
     * @return the explanation
     * @throws io.happyos.registry.ComponentNotFoundException for an unknown id
     */
    public Explanation explain(String id) {
        ComponentRecord record = store.record(id);
        List<Cause> causes = new Run().causesOf(id);
        return new Explanation(id, record.status(), causes.isEmpty(), summary(record, causes), causes);
    }

    private static String summary(ComponentRecord record, List<Cause> causes) {
        if (causes.isEmpty()) {
            return record.id() + " is " + record.status() + " and nothing is wrong with it";
        }
        Cause root = new Explanation(record.id(), record.status(), false, "-", causes)
                .rootCauses()
                .get(0);
        return record.id() + " is " + record.status() + ": " + root.message() + ". Fix: " + root.fix();
    }

    /** One explanation: each component is explained once, and a component being explained is not entered again. */
    private final class Run {
        private final Map<String, List<Cause>> done = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        List<Cause> causesOf(String id) {
            List<Cause> known = done.get(id);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(id)) {
                return List.of(); // on a cycle: the cycle cause says so
            }
            try {
                List<Cause> causes = new ArrayList<>(compute(id));
                causes.sort(RANK);
                List<Cause> result = List.copyOf(causes);
                done.put(id, result);
                return result;
            } finally {
                inProgress.remove(id);
            }
        }

        private List<Cause> compute(String id) {
            Optional<ComponentRecord> found = store.find(id);
            if (found.isEmpty()) {
                return List.of(Cause.root(
                        CauseKind.OTHER_ERROR,
                        id,
                        id + " is not registered any more",
                        "register it again (registry:register FILE), or remove what depends on it",
                        List.of()));
            }
            ComponentRecord record = found.get();
            if (ErrorCauses.quarantined(record)) {
                return List.of(errors.quarantine(record));
            }
            if (record.status() == ComponentStatus.ACTIVE) {
                return unhealthy(record);
            }
            if (record.status() == ComponentStatus.INACTIVE && record.holdReason() != null) {
                return List.of(held(record));
            }
            String[] refusal = quotaRefusals.apply(id);
            if (refusal != null && record.status() != ComponentStatus.ERROR) {
                return List.of(Cause.root(CauseKind.QUOTA, id, refusal[0], refusal[1], List.of()));
            }
            List<Cause> causes = new ArrayList<>();
            Bundle bundle = record.hasBundle() ? context.getBundle(record.bundleId()) : null;
            boolean unresolved =
                    bundle != null && bundle.getState() == Bundle.INSTALLED && !BundleComponents.isFragment(bundle);
            if (unresolved) {
                causes.addAll(requirements.unresolved(id, bundle, this::causesOf));
                if (causes.isEmpty()) {
                    causes.addAll(uses.find(id, bundle));
                }
            }
            causes.addAll(referenceGaps(record));
            boolean structural = !causes.isEmpty();
            if (!structural) {
                errors.lastError(record).ifPresent(causes::add);
            }
            cycles.of(id).ifPresent(causes::add);
            if (!unresolved || !structural) {
                causes.addAll(inactiveDependencies(record, false));
            }
            if (causes.isEmpty()) {
                causes.addAll(errorsFurtherDown(record));
            }
            if (causes.isEmpty()) {
                causes.add(notActivated(record));
            }
            return causes;
        }

        /**
         * Components in ERROR that the component needs through dependencies that are active: its
         * activation is refused because of them (the activation checks the whole plan).
         */
        private List<Cause> errorsFurtherDown(ComponentRecord record) {
            String id = record.id();
            java.util.Set<String> closure = store.readGraph(
                    g -> g.contains(id) ? g.dependencyClosure(List.of(id)) : java.util.Set.<String>of());
            List<Cause> causes = new ArrayList<>();
            for (String member : new java.util.TreeSet<>(closure)) {
                ComponentStatus status =
                        store.find(member).map(ComponentRecord::status).orElse(null);
                if (member.equals(id) || status != ComponentStatus.ERROR) {
                    continue;
                }
                List<String> path = store.readGraph(g -> g.findPath(id, member)).orElse(List.of(id, member));
                causes.add(new Cause(
                        CauseKind.DEPENDENCY_NOT_ACTIVE,
                        id,
                        id + " needs " + member + " through "
                                + String.join(" -> ", path) + ", and " + member
                                + " is in ERROR: its activation is refused"
                                + " until that is fixed",
                        null,
                        List.of("path: " + String.join(" -> ", path)),
                        causesOf(member)));
            }
            return causes;
        }

        private List<Cause> unhealthy(ComponentRecord record) {
            List<Cause> causes = new ArrayList<>(inactiveDependencies(record, true));
            for (ComponentRecord declared : store.records()) {
                if (record.id().equals(declared.info().metadata().get("Declared-By"))
                        && declared.status() != ComponentStatus.ACTIVE) {
                    List<Cause> gaps = referenceGaps(declared);
                    if (!gaps.isEmpty()) {
                        causes.add(new Cause(
                                CauseKind.UNSATISFIED_REFERENCE,
                                record.id(),
                                record.id() + " is active, but its DS component " + declared.id() + " is not satisfied",
                                null,
                                List.of(),
                                gaps));
                    }
                }
            }
            return causes;
        }

        /**
         * Dependencies that are not active, each with its own causes. For a component that is not
         * active, a dependency merely not activated yet is no cause (activating the component
         * activates it); for an active one, it is.
         */
        private List<Cause> inactiveDependencies(ComponentRecord record, boolean evenIfOnlyNotActivated) {
            Map<String, List<Dependency>> byId = new LinkedHashMap<>();
            List<Dependency> details =
                    store.readGraph(g -> g.contains(record.id()) ? g.dependencyDetails(record.id()) : List.of());
            details.forEach(
                    d -> byId.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d));
            List<Cause> causes = new ArrayList<>();
            for (Map.Entry<String, List<Dependency>> e : byId.entrySet()) {
                String dependency = e.getKey();
                Optional<ComponentRecord> target = store.find(dependency);
                ComponentStatus status = target.map(ComponentRecord::status).orElse(null);
                if (status == ComponentStatus.ACTIVE) {
                    continue;
                }
                List<Cause> below = causesOf(dependency);
                if (below.isEmpty()) {
                    continue; // on the cycle being explained
                }
                if (!evenIfOnlyNotActivated && below.stream().allMatch(c -> c.kind() == CauseKind.NOT_ACTIVATED)) {
                    continue;
                }
                List<String> evidence = e.getValue().stream()
                        .map(d -> record.id() + " -> " + dependency + ": "
                                + d.origin().name().toLowerCase()
                                + (d.requirement() == null ? "" : " " + d.requirement()))
                        .toList();
                causes.add(new Cause(
                        CauseKind.DEPENDENCY_NOT_ACTIVE,
                        record.id(),
                        record.id() + " depends on " + dependency + ", which is "
                                + (status == null ? "not registered" : status),
                        null,
                        evidence,
                        below));
            }
            return causes;
        }

        private List<Cause> referenceGaps(ComponentRecord record) {
            String declaredBy = record.info().metadata().get("Declared-By");
            if (declaredBy == null || record.info().metadata().get("DS-Component") == null) {
                return List.of();
            }
            Optional<ComponentRecord> owner = store.find(declaredBy);
            if (owner.isEmpty() || !owner.get().hasBundle()) {
                return List.of();
            }
            List<Cause> causes = new ArrayList<>();
            for (ReferenceGap gap :
                    services.get().gaps(owner.get().bundleId(), record.info().name())) {
                causes.add(gap(record.id(), gap));
            }
            return causes;
        }

        private Cause gap(String id, ReferenceGap gap) {
            String wanted =
                    "service " + gap.interfaceName() + (gap.target() == null ? "" : " matching " + gap.target());
            String message = id + "'s reference " + gap.reference() + " (" + gap.cardinality() + ") needs a " + wanted
                    + ", and "
                    + (gap.registered() == 0
                            ? "no service of that interface is registered"
                            : gap.registered() + " service(s) of that interface are registered, none matching");
            List<String> evidence = new ArrayList<>();
            evidence.add("reference " + gap.reference() + ": interface " + gap.interfaceName() + ", cardinality "
                    + gap.cardinality() + (gap.target() == null ? "" : ", target " + gap.target()));
            List<Cause> below = new ArrayList<>();
            for (String provider : gap.providers()) {
                Optional<ComponentRecord> candidate = store.find(provider);
                if (candidate.isPresent() && candidate.get().status() != ComponentStatus.ACTIVE) {
                    evidence.add("DS component " + provider + " would provide it, but is "
                            + candidate.get().status());
                    below.addAll(causesOf(provider));
                }
            }
            if (!below.isEmpty()) {
                return new Cause(CauseKind.UNSATISFIED_REFERENCE, id, message, null, evidence, below);
            }
            return Cause.root(
                    CauseKind.UNSATISFIED_REFERENCE,
                    id,
                    message,
                    "install and start a bundle that registers a " + wanted
                            + (gap.cardinality().startsWith("0") ? "" : " (the reference is mandatory)"),
                    evidence);
        }

        /** A hook held it back when it was last to be activated: no error, and the one thing in the way. */
        private Cause held(ComponentRecord record) {
            String id = record.id();
            return Cause.root(
                    CauseKind.HELD,
                    id,
                    record.holdReason(),
                    "nothing to fix: it is activated here when the hook lets it (registry:activate " + id
                            + "); for a cluster singleton, when the node running it stops",
                    List.of());
        }

        private Cause notActivated(ComponentRecord record) {
            String id = record.id();
            Optional<AuditRecord> stopped = errors.lastDeactivation(id);
            String how = stopped.map(a -> "; it was deactivated by " + a.actor() + " at " + a.at())
                    .orElse("");
            List<String> evidence = ErrorCauses.evidence(record.errors());
            return Cause.root(
                    CauseKind.NOT_ACTIVATED,
                    id,
                    id + " is " + record.status() + how + " and nothing stands in the way of activating it",
                    "activate it: registry:activate " + id,
                    evidence);
        }
    }
}
