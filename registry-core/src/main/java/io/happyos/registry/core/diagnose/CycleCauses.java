package io.happyos.registry.core.diagnose;

import io.happyos.registry.AuditRecord;
import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.core.graph.DependencyGraph;
import io.happyos.registry.core.model.ComponentStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A component on a dependency cycle: the full path, each edge with its origin (the manifest
 * requirement, or who added the explicit dependency and when), and the edge to remove.
 */
final class CycleCauses {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ComponentStore store;
    private final ErrorCauses errors;

    CycleCauses(ComponentStore store, ErrorCauses errors) {
        this.store = store;
        this.errors = errors;
    }

    /**
     * The cycle through a component, if it is on one.
     *
     * @param id the component
     * @return the cycle as a cause; empty when it is on none
     */
    Optional<Cause> of(String id) {
        Optional<Path> found = store.readGraph(g -> shortestCycle(g, id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path cycle = found.get();
        List<String> evidence = new ArrayList<>();
        String explicitFix = null;
        for (int i = 0; i + 1 < cycle.ids().size(); i++) {
            String from = cycle.ids().get(i);
            String to = cycle.ids().get(i + 1);
            for (Dependency edge : cycle.edges().get(i)) {
                if (edge.origin() == DependencyOrigin.EXPLICIT) {
                    Optional<AuditRecord> added = errors.explicitAdded(from, to);
                    String when = added.map(a -> " added at " + TIME.format(a.at()) + " by " + a.actor())
                            .orElse("");
                    evidence.add(from + " -> " + to + ": explicit dependency" + when);
                    if (explicitFix == null) {
                        explicitFix = "remove the explicit dependency " + from + " -> " + to + when
                                + " (registry:undepend " + from + " " + to + ")";
                    }
                } else {
                    evidence.add(
                            from + " -> " + to + ": " + (edge.requirement() == null ? "declared" : edge.requirement()));
                }
            }
        }
        String path = String.join(" -> ", cycle.ids());
        String fix = explicitFix != null
                ? explicitFix
                : "break the cycle " + path + ": move what these bundles share into a bundle of its own, or make one"
                        + " of the requirements above optional";
        return Optional.of(Cause.root(
                CauseKind.CYCLE,
                id,
                id + " is on the dependency cycle " + path + "; its members can only start together",
                fix,
                evidence));
    }

    /** A cycle through {@code id}: ids from id back to id, and the dependencies behind each step. */
    record Path(List<String> ids, List<List<Dependency>> edges) {}

    static Optional<Path> shortestCycle(DependencyGraph graph, String id) {
        if (!graph.contains(id)) {
            return Optional.empty();
        }
        List<String> best = null;
        for (String dependency : graph.dependencies(id)) {
            Optional<List<String>> back =
                    dependency.equals(id) ? Optional.of(List.of(id)) : graph.findPath(dependency, id);
            if (back.isPresent() && (best == null || back.get().size() + 1 < best.size())) {
                List<String> ids = new ArrayList<>();
                ids.add(id);
                ids.addAll(back.get());
                best = ids;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<List<Dependency>> edges = new ArrayList<>();
        for (int i = 0; i + 1 < best.size(); i++) {
            String to = best.get(i + 1);
            edges.add(graph.dependencyDetails(best.get(i)).stream()
                    .filter(d -> d.id().equals(to))
                    .toList());
        }
        return Optional.of(new Path(List.copyOf(best), edges));
    }
}
