package io.happyos.registry.core.usage;

import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ServiceUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares declared dependencies with observed use; see {@link DriftReport} for the rules. Pure: it
 * works on facts and usage taken beforehand.
 */
final class DriftAnalysis {

    private static final Comparator<DriftItem> ORDER = Comparator.comparing(
                    (DriftItem i) -> i.consumer() == null ? "" : i.consumer())
            .thenComparing(DriftItem::component);

    private final Instant since;
    private final Map<String, ComponentFacts> byId;
    private final Map<String, ServiceUsage> usage;
    private final Map<Long, List<ComponentFacts>> byOwnerBundle;
    private final Map<String, List<ComponentFacts>> byOwnerEntry;

    /**
     * @param since when observation started
     * @param components every component
     * @param usage the usage of each component, by id (missing: never used)
     */
    DriftAnalysis(Instant since, List<ComponentFacts> components, Map<String, ServiceUsage> usage) {
        this.since = since;
        this.byId = components.stream()
                .collect(Collectors.toMap(ComponentFacts::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.usage = usage;
        this.byOwnerBundle = components.stream().collect(Collectors.groupingBy(ComponentFacts::ownerBundle));
        this.byOwnerEntry = components.stream()
                .filter(c -> c.ownerEntry() != null)
                .collect(Collectors.groupingBy(ComponentFacts::ownerEntry));
    }

    DriftReport report() {
        return new DriftReport(since, undeclared(), unused(), neverUsed());
    }

    private List<ConsumerUsage> consumers(String id) {
        ServiceUsage u = usage.get(id);
        return u == null ? List.of() : u.consumers();
    }

    private List<DriftItem> undeclared() {
        List<DriftItem> items = new ArrayList<>();
        for (ComponentFacts provider : byId.values()) {
            if (provider.system()) {
                continue;
            }
            for (ConsumerUsage use : consumers(provider.id())) {
                ComponentFacts consumer = use.consumer() == null ? null : byId.get(use.consumer());
                if (consumer == null
                        || consumer.system()
                        || use.bundleId() == provider.ownerBundle()
                        || declares(use.bundleId(), provider)) {
                    continue;
                }
                items.add(new DriftItem(
                        consumer.id(),
                        provider.id(),
                        use.lookups(),
                        use.instanceCalls(),
                        use.inUse(),
                        consumer.id() + " used " + provider.id() + ": " + Evidence.uses(use) + "; but neither "
                                + consumer.id() + " nor any component of it declares a dependency on " + provider.id()
                                + providedBy(provider) + ". Fix: declare it (Import-Package, Require-Capability or a"
                                + " DS reference), or run registry:depend " + consumer.id() + " " + provider.id()));
            }
        }
        items.sort(ORDER);
        return items;
    }

    private String providedBy(ComponentFacts provider) {
        return provider.ownerEntry() == null || provider.ownerEntry().equals(provider.id())
                ? ""
                : " or on " + provider.ownerEntry() + ", which provides it";
    }

    /** Whether any component of a bundle has an edge to the provider or to the bundle behind it. */
    private boolean declares(long consumerBundle, ComponentFacts provider) {
        for (ComponentFacts c : byOwnerBundle.getOrDefault(consumerBundle, List.of())) {
            for (Dependency d : c.dependencies()) {
                if (d.id().equals(provider.id()) || d.id().equals(provider.ownerEntry())) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<DriftItem> unused() {
        List<DriftItem> items = new ArrayList<>();
        for (ComponentFacts dependent : byId.values()) {
            if (dependent.system() || !dependent.active() || dependent.ownerBundle() == RegistryEntry.NO_BUNDLE) {
                continue;
            }
            Map<String, List<Dependency>> edges = dependent.dependencies().stream()
                    .collect(Collectors.groupingBy(Dependency::id, LinkedHashMap::new, Collectors.toList()));
            edges.forEach((dependencyId, why) -> {
                ComponentFacts dependency = byId.get(dependencyId);
                if (dependency == null || dependency.system() || dependency.ownerBundle() == dependent.ownerBundle()) {
                    return;
                }
                if (why.stream().allMatch(DriftAnalysis::classLevel)) {
                    return; // it may need only the classes, whose use cannot be observed
                }
                List<ComponentFacts> offering = offeredThrough(dependency);
                boolean observable = offering.stream().anyMatch(ComponentFacts::observable);
                if (observable && offering.stream().noneMatch(o -> usedBy(o, dependent.ownerBundle()))) {
                    items.add(new DriftItem(
                            dependent.id(),
                            dependencyId,
                            0,
                            0,
                            false,
                            unusedEvidence(dependent, dependency, why, offering)));
                }
            });
        }
        items.sort(ORDER);
        return items;
    }

    /** An edge that only brings in code (Import-Package, Require-Bundle): using it is loading classes. */
    private static boolean classLevel(Dependency edge) {
        String requirement = edge.requirement();
        return edge.origin() == DependencyOrigin.DECLARED
                && requirement != null
                && (requirement.startsWith("osgi.wiring.package")
                        || requirement.startsWith("osgi.wiring.bundle")
                        || requirement.startsWith("osgi.wiring.host"));
    }

    /** A component and, for a bundle, the service components it provides. */
    private List<ComponentFacts> offeredThrough(ComponentFacts dependency) {
        List<ComponentFacts> offering = new ArrayList<>();
        offering.add(dependency);
        if (dependency.id().equals(dependency.ownerEntry())) {
            byOwnerEntry.getOrDefault(dependency.id(), List.of()).stream()
                    .filter(c -> c != dependency)
                    .forEach(offering::add);
        }
        return offering;
    }

    private boolean usedBy(ComponentFacts component, long bundle) {
        return consumers(component.id()).stream().anyMatch(u -> u.bundleId() == bundle);
    }

    private String unusedEvidence(
            ComponentFacts dependent, ComponentFacts dependency, List<Dependency> why, List<ComponentFacts> offering) {
        String bundle = byOwnerBundle.getOrDefault(dependent.ownerBundle(), List.of()).stream()
                .filter(c -> c.id().equals(c.ownerEntry()))
                .map(ComponentFacts::id)
                .findFirst()
                .orElse("#" + dependent.ownerBundle());
        List<String> offers = offering.stream()
                .filter(ComponentFacts::observable)
                .flatMap(o -> o.offers().stream().map(s -> o.id() + ": " + s))
                .toList();
        boolean explicit = why.stream().anyMatch(d -> d.origin() == DependencyOrigin.EXPLICIT);
        boolean code = why.stream()
                .anyMatch(d -> d.requirement() != null
                        && (d.requirement().startsWith("osgi.wiring.package")
                                || d.requirement().startsWith("osgi.wiring.bundle")));
        return dependent.id() + " declares a dependency on " + dependency.id() + " (" + Evidence.origins(why)
                + ") but " + (bundle.equals(dependent.id()) ? "it" : "its bundle " + bundle)
                + " obtained nothing " + dependency.id() + " offers (" + String.join("; ", offers) + ") since "
                + since + ": 0 lookups, 0 instance calls, never seen holding a service. "
                + (code
                        ? "It also imports code from " + dependency.id() + " (Import-Package or Require-Bundle), and"
                                + " use of classes alone cannot be observed: it may need only those. "
                        : "Use of classes alone cannot be observed. ")
                + "Fix: if it is not needed, remove the "
                + (explicit
                        ? "dependency (registry:undepend " + dependent.id() + " " + dependency.id() + ")"
                        : "requirement from the manifest");
    }

    private List<DriftItem> neverUsed() {
        List<DriftItem> items = new ArrayList<>();
        for (ComponentFacts c : byId.values()) {
            if (c.system() || !c.active() || !c.observable()) {
                continue;
            }
            if (consumers(c.id()).stream().allMatch(u -> u.bundleId() == c.ownerBundle())) {
                items.add(new DriftItem(
                        null,
                        c.id(),
                        0,
                        0,
                        false,
                        c.id() + " is active and offers "
                                + String.join("; ", c.offers())
                                + ", but no other bundle looked it up, held it or obtained"
                                + " its instance since " + since
                                + " (0 lookups, 0 instance calls). Fix: if nothing needs"
                                + " it, deactivate or remove it"));
            }
        }
        items.sort(Comparator.comparing(DriftItem::component));
        return items;
    }

    /** How uses and edges read in evidence. */
    static final class Evidence {

        private Evidence() {}

        static String uses(ConsumerUsage use) {
            List<String> parts = new ArrayList<>();
            parts.add("looked up its service " + times(use.lookups()));
            parts.add("obtained its instance from the registry " + times(use.instanceCalls()));
            if (use.inUse()) {
                parts.add("holds its service now");
            } else {
                parts.add(
                        use.lookups() == 0 && use.instanceCalls() == 0
                                ? "was seen holding its service"
                                : "holds none of its services now");
            }
            return String.join(", ", parts) + " (first seen " + use.firstSeen() + ", last seen " + use.lastSeen() + ")";
        }

        static String times(long n) {
            return n == 1 ? "1 time" : n + " times";
        }

        static String origins(List<Dependency> why) {
            return why.stream()
                    .map(d -> d.origin() == DependencyOrigin.EXPLICIT
                            ? "explicit"
                            : "declared: " + Objects.requireNonNullElse(d.requirement(), "?"))
                    .distinct()
                    .collect(Collectors.joining("; "));
        }
    }
}
