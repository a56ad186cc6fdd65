package io.happyos.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The dependency graph: explicit dependencies added and removed, what a component needs and what
 * needs it, cycles, activation order, validation, impact and graph export.
 * Reached through {@link DynamicRegistry#dependencies()}.
 */
@ProviderType
public interface Dependencies {

    /**
     * Makes {@code dependent} depend on {@code dependency}, explicitly. Explicit dependencies are kept
     * apart from declared ones and survive bundle updates. Adding an existing one does nothing.
     *
     * @param dependent the component that needs the other
     * @param dependency the component needed
     * @return completes when the edge is in the graph; fails with {@link ComponentNotFoundException},
     *     or with {@link CircularDependencyException} carrying the cycle's path when the edge would
     *     close a cycle, and then nothing was changed
     */
    CompletionStage<Void> addDependency(String dependent, String dependency);

    /**
     * Removes an explicit dependency. Declared dependencies cannot be removed: they follow the
     * manifests.
     *
     * @param dependent the component that needed the other
     * @param dependency the component needed
     * @return completes when the edge is gone; fails with {@link ComponentNotFoundException}, or with
     *     {@link DependencyException} when there is no such explicit dependency
     */
    CompletionStage<Void> removeDependency(String dependent, String dependency);

    /**
     * The ids of the components this one depends on directly.
     *
     * @param id the component's id
     * @return ids, unmodifiable
     * @throws ComponentNotFoundException for an unknown id
     */
    Set<String> getDependencies(String id);

    /**
     * The direct dependencies of a component with their origins: one element per reason, so a
     * component both declared and explicitly added appears twice. Ordered by id, then origin.
     *
     * @param id the component's id
     * @return dependencies, unmodifiable
     * @throws ComponentNotFoundException for an unknown id
     */
    List<Dependency> getDependencyDetails(String id);

    /**
     * The ids of the components that depend directly on this one.
     *
     * @param id the component's id
     * @return ids, unmodifiable
     * @throws ComponentNotFoundException for an unknown id
     */
    Set<String> getDependents(String id);

    /**
     * Whether making {@code id} depend on {@code potentialDependency} would close a cycle, that is
     * whether {@code potentialDependency} is {@code id} or already depends on it, directly or not.
     *
     * @param id the would-be dependent
     * @param potentialDependency the would-be dependency
     * @return {@code true} when the edge would close a cycle
     * @throws ComponentNotFoundException for an unknown id
     */
    boolean hasCircularDependency(String id, String potentialDependency);

    /**
     * Every group of components that depend on each other in a cycle (the manifests may declare
     * such groups; {@link #addDependency} never creates one). Each group's ids are sorted, groups
     * ordered by their first id.
     *
     * @return the groups, unmodifiable; empty when the graph has no cycle
     */
    List<List<String>> findCircularDependencies();

    /**
     * The order in which to activate components: the given ids and their transitive dependencies,
     * each after all of its dependencies, ties broken by id so the result is deterministic.
     * Members of a cycle come together, sorted by id.
     *
     * @param ids the components wanted; empty means every component
     * @return ids in activation order, unmodifiable
     * @throws ComponentNotFoundException for an unknown id
     */
    List<String> getActivationOrder(Collection<String> ids);

    /**
     * Checks a component's dependencies: requirements nothing provides, dependencies in error,
     * dependencies not active. When there is a problem the component is marked in error with them.
     *
     * @param id the component's id
     * @return the problems, empty when there is none; fails with {@link ComponentNotFoundException}
     */
    CompletionStage<List<DependencyProblem>> validateDependencies(String id);

    /**
     * The whole dependency graph.
     *
     * @return a snapshot
     */
    DependencyGraphView getDependencyGraph();

    /**
     * One component's neighbourhood: it, its transitive dependencies and its transitive dependents.
     *
     * @param id the component's id
     * @return a snapshot
     * @throws ComponentNotFoundException for an unknown id
     */
    DependencyGraphView getDependencyGraph(String id);

    /**
     * The dependency graph as text.
     *
     * @param format the format
     * @param id a component whose neighbourhood to export, or {@code null} for the whole graph
     * @return the text
     * @throws ComponentNotFoundException for an unknown id
     */
    String exportDependencyGraph(GraphFormat format, String id);

    /**
     * What a reload or removal of a component would deactivate, before anyone does it: the active
     * components among the bundle and everything wired to it (and the components depending on those
     * in the registry), in the order they would be deactivated.
     *
     * @param id the component's id
     * @return ids, dependents first; empty when nothing active is affected
     * @throws ComponentNotFoundException for an unknown id
     */
    List<String> getImpact(String id);
}
