package io.happyos.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The HappyOS component registry, published as an OSGi service by the registry bundle.
 *
 * <p>Every installed bundle, and every component registered without one, is an entry with a stable
 * id. The registry derives dependencies from what bundles declare (Import-Package, Require-Bundle,
 * Require-Capability) and keeps the dependencies added through {@link #addDependency} apart from
 * them. It activates components after their dependencies and deactivates dependents first.
 *
 * <p><b>Threads.</b> Every method may be called from any thread at once. Queries are synchronous,
 * return immutable snapshots and never wait for a lifecycle operation. Operations that change
 * state return a {@link CompletionStage}; they report every failure through it (never by throwing),
 * except {@link NullPointerException} for a null argument.
 */
@ProviderType
public interface DynamicRegistry {

    /** The manifest header that names a bundle's component type. */
    String COMPONENT_TYPE_HEADER = "HappyOS-Component-Type";

    /** The type of a bundle that declares no {@value #COMPONENT_TYPE_HEADER}. */
    String TYPE_BUNDLE = "bundle";

    /** The type of the system bundle and of the container's own runtime bundles. */
    String TYPE_SYSTEM = "system";

    /**
     * The service property the registry sets to {@value #STATE_READY} once the bundles folder given
     * at start-up has been deployed.
     */
    String STATE_PROPERTY = "happyos.registry.state";

    /** The value of {@value #STATE_PROPERTY} once start-up deployment is over. */
    String STATE_READY = "ready";

    // ---------------------------------------------------------------- lifecycle

    /**
     * Registers a component. With a {@link ComponentInfo#path() path} to a JAR, installs it as a
     * bundle (the entry's name, version and type then come from its manifest); without one,
     * registers a component that no bundle stands behind. The new entry is
     * {@link ComponentStatus#REGISTERED}.
     *
     * @param component the component
     * @return its id; fails with {@link RegistryException} when the JAR cannot be installed (missing,
     *     corrupt, not a bundle) or the component is already registered
     */
    CompletionStage<String> registerComponent(ComponentInfo component);

    /**
     * Deactivates the component (its dependents first), then removes it; a bundle is uninstalled.
     *
     * @param id the component's id
     * @return completes when the entry is gone; fails with {@link ComponentNotFoundException} for an
     *     unknown id
     */
    CompletionStage<Void> unregisterComponent(String id);

    /**
     * Activates the component after its transitive dependencies, each after its own. Components
     * that depend on each other through manifests are activated as one group. Before anything is
     * started the whole plan is checked: a requirement nothing provides or a dependency in
     * {@link ComponentStatus#ERROR} fails the operation and starts nothing. When a start fails
     * part-way, what this call started is stopped again.
     *
     * @param id the component's id
     * @return {@code true} when this call made it active, {@code false} when it already was; fails
     *     with {@link ComponentNotFoundException} or {@link ComponentActivationException}, whose
     *     message names the missing requirement or the failing component, and then the component is
     *     {@link ComponentStatus#ERROR} with the reason in its error history
     */
    CompletionStage<Boolean> activateComponent(String id);

    /**
     * Deactivates the active components that depend on this one, dependents first, then this one,
     * which becomes {@link ComponentStatus#INACTIVE}. Does nothing to a component that is not active.
     *
     * @param id the component's id
     * @return completes when done; fails with {@link ComponentNotFoundException} or
     *     {@link ComponentActivationException}
     */
    CompletionStage<Void> deactivateComponent(String id);

    // ---------------------------------------------------------------- queries

    /**
     * The component with this id.
     *
     * @param id the id
     * @return a snapshot of its entry
     * @throws ComponentNotFoundException when there is none
     */
    RegistryEntry getComponent(String id);

    /**
     * The component with this id, if there is one.
     *
     * @param id the id
     * @return a snapshot of its entry, or empty
     */
    Optional<RegistryEntry> findComponent(String id);

    /**
     * Every component, ordered by id.
     *
     * @return snapshots, unmodifiable
     */
    List<RegistryEntry> listComponents();

    /**
     * The components of one type, ordered by id.
     *
     * @param type the type, for example {@code skill}
     * @return snapshots, unmodifiable; empty when none
     */
    List<RegistryEntry> getComponentsByType(String type);

    /**
     * The components in one status, ordered by id.
     *
     * @param status the status
     * @return snapshots, unmodifiable; empty when none
     */
    List<RegistryEntry> getComponentsByStatus(ComponentStatus status);

    /**
     * The component that comes from a file.
     *
     * @param path the file's path, as given or as a {@code file:} URI
     * @return its id, or empty when no component comes from it
     */
    Optional<String> findComponentByPath(String path);

    // ---------------------------------------------------------------- dependencies

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

    // ---------------------------------------------------------------- status

    /**
     * Brings a component to a status. {@link ComponentStatus#ACTIVE} activates it (as
     * {@link #activateComponent}), {@link ComponentStatus#INACTIVE} deactivates it,
     * {@link ComponentStatus#ERROR} marks it in error. A bundle's status otherwise follows the
     * bundle, so {@link ComponentStatus#REGISTERED} and {@link ComponentStatus#DISCOVERED} can be set
     * only on a component with no bundle.
     *
     * @param id the component's id
     * @param status the status wanted
     * @return completes when the component has that status; fails with
     *     {@link ComponentNotFoundException}, {@link ComponentActivationException}, or
     *     {@link RegistryException} for a status that cannot be set on a bundle
     */
    CompletionStage<Void> setComponentStatus(String id, ComponentStatus status);

    /**
     * Puts a component in {@link ComponentStatus#ERROR} and appends the message to its history. An
     * active bundle keeps running: the status says it needs attention.
     *
     * @param id the component's id
     * @param message why
     * @return completes when recorded; fails with {@link ComponentNotFoundException}
     */
    CompletionStage<Void> markComponentError(String id, String message);

    /**
     * Takes a component out of {@link ComponentStatus#ERROR}: a bundle's status is derived again from
     * its state; a component with no bundle goes back to {@link ComponentStatus#REGISTERED}. The
     * history is kept. Does nothing to a component not in error.
     *
     * @param id the component's id
     * @return completes when done; fails with {@link ComponentNotFoundException}
     */
    CompletionStage<Void> clearComponentError(String id);

    /**
     * Registers a callback told of every status change.
     *
     * @param callback the callback
     * @return a handle whose {@link Registration#close()} removes it
     */
    Registration registerStatusCallback(StatusCallback callback);
}
