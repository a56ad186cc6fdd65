package io.happyos.registry.core.internal;

import io.happyos.registry.Dependencies;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.core.export.GraphExporter;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.model.ComponentStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@link Dependencies} for one caller: explicit edges are added and removed under its name. */
final class DependencyView implements Dependencies {

    private final RegistryCore core;
    private final ComponentStore store;
    private final String actor;

    DependencyView(RegistryCore core, Caller caller) {
        this.core = core;
        this.store = core.store;
        this.actor = caller.actor();
    }

    @Override
    public CompletionStage<Void> addDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return core.operations.run(actor, "add-dependency", dependent, dependency, () -> {
            core.dependencies.add(dependent, dependency, actor);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> removeDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return core.operations.run(actor, "remove-dependency", dependent, dependency, () -> {
            core.dependencies.remove(dependent, dependency);
            core.retryWaiting();
            return null;
        });
    }

    @Override
    public Set<String> getDependencies(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencies(id) : Set.of());
    }

    @Override
    public List<Dependency> getDependencyDetails(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencyDetails(id) : List.of());
    }

    @Override
    public Set<String> getDependents(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependents(id) : Set.of());
    }

    @Override
    public boolean hasCircularDependency(String id, String potentialDependency) {
        store.record(id);
        store.record(potentialDependency);
        return store.readGraph(g -> g.findPath(potentialDependency, id).isPresent());
    }

    @Override
    public List<List<String>> findCircularDependencies() {
        return store.readGraph(GraphAlgorithms::cycles);
    }

    @Override
    public List<String> getActivationOrder(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        ids.forEach(store::record);
        return store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids.isEmpty() ? g.nodeIds() : ids));
    }

    @Override
    public CompletionStage<List<DependencyProblem>> validateDependencies(String id) {
        Objects.requireNonNull(id, "id");
        return core.operations.run(
                actor,
                "validate",
                id,
                problems -> problems.isEmpty()
                        ? "no dependency problems"
                        : problems.size() + " dependency problems: " + problems,
                () -> core.recovery.validate(id));
    }

    @Override
    public DependencyGraphView getDependencyGraph() {
        return GraphViews.whole(store);
    }

    @Override
    public DependencyGraphView getDependencyGraph(String id) {
        return GraphViews.around(store, Objects.requireNonNull(id, "id"));
    }

    @Override
    public String exportDependencyGraph(GraphFormat format, String id) {
        Objects.requireNonNull(format, "format");
        return GraphExporter.export(id == null ? getDependencyGraph() : getDependencyGraph(id), format);
    }

    @Override
    public List<String> getImpact(String id) {
        return core.reloads.impact(Objects.requireNonNull(id, "id"));
    }
}
