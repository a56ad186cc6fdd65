package io.happyos.registry;

import io.happyos.registry.spi.ComponentFactory;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
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

    /**
     * The service property that makes a service a component of its own, named by the property's
     * value; a bundle's service with the bundle's own name is that bundle component's instance.
     */
    String COMPONENT_NAME_PROPERTY = "happyos.component.name";

    /** The service property giving the type of a service component (default {@value #TYPE_SERVICE}). */
    String COMPONENT_TYPE_PROPERTY = "happyos.component.type";

    /** The type of a service component that declares none. */
    String TYPE_SERVICE = "service";

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

    /**
     * The most recent status changes of every component, registrations and removals included, as
     * {@link #registerStatusCallback callbacks} are told of them. The registry keeps at least the
     * last 1,000 changes since it started, in memory only.
     *
     * @param limit at most this many changes, the newest
     * @return the changes, oldest first, unmodifiable; empty when there was none
     * @throws IllegalArgumentException when {@code limit} is less than 1
     * @since 1.4
     */
    List<StatusChange> getRecentStatusChanges(int limit);

    // ---------------------------------------------------------------- instances

    /**
     * The instance of an active component: what the {@link ComponentFactory} for its type creates;
     * without a factory, the service its bundle registers with {@value #COMPONENT_NAME_PROPERTY}
     * equal to its name; for a service component, the service object. Created on first use and kept
     * until the component is deactivated (or, with caching enabled, until evicted). Every call
     * counts as an access.
     *
     * @param id the component's id
     * @return the instance, never {@code null}
     * @throws ComponentNotFoundException for an unknown id
     * @throws RegistryException when the component is not active, nothing provides an instance, or
     *     the factory failed or timed out (the factory's exception is the cause)
     */
    Object getComponentInstance(String id);

    /**
     * {@link #getComponentInstance(String)}, cast.
     *
     * @param <T> the instance's type
     * @param id the component's id
     * @param type what the instance must be
     * @return the instance
     * @throws RegistryException as {@link #getComponentInstance(String)}, or when the instance is
     *     not a {@code type}
     */
    <T> T getComponentInstance(String id, Class<T> type);

    /**
     * Keeps at most {@code maxSize} instances, evicting the least recently used and every instance
     * {@code ttl} after it was created; an evicted instance is disposed of and created again on the
     * next access. Without this call instances are kept until their component is deactivated.
     *
     * @param maxSize the most instances kept, at least 1
     * @param ttl how long an instance is kept after creation, positive
     * @throws IllegalArgumentException for a size below 1 or a non-positive ttl
     */
    void enableInstanceCaching(int maxSize, Duration ttl);

    /**
     * Disposes of a component's instance, if it has one.
     *
     * @param id the component's id
     * @return whether there was one
     * @throws ComponentNotFoundException for an unknown id
     */
    boolean cleanupComponentInstance(String id);

    /**
     * Disposes of the instances not accessed for a while.
     *
     * @param idleFor how long without an access
     * @return the ids whose instances were disposed of
     */
    List<String> cleanupIdleInstances(Duration idleFor);

    // ---------------------------------------------------------------- extension points

    /**
     * Registers a factory for a component type, for code that is not a bundle (bundles publish a
     * {@link ComponentFactory} service). It ranks above every factory service of the type.
     *
     * @param type the component type
     * @param factory the factory
     * @return a handle whose {@link Registration#close()} removes it and disposes of its instances
     */
    Registration registerComponentFactory(String type, ComponentFactory factory);

    /**
     * Registers a lifecycle hook for one phase, for code that is not a bundle (bundles publish a
     * {@link LifecycleHook} service). It runs after the hook services of the phase.
     *
     * @param phase the phase
     * @param hook the hook
     * @return a handle whose {@link Registration#close()} removes it
     */
    Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook);

    // ---------------------------------------------------------------- indexes and health

    /**
     * The components neither in {@link ComponentStatus#ERROR} nor {@link ComponentStatus#INACTIVE},
     * ordered by id.
     *
     * @return snapshots, unmodifiable
     */
    List<RegistryEntry> getHealthyComponents();

    /**
     * Creates (or replaces) a custom index. The key function gets each entry and returns its key:
     * {@code null} for none, a value (its {@code toString()} is the key), or a {@link Collection} of
     * values for several keys. The index is kept current on every change of every entry.
     *
     * @param name the index's name
     * @param keyFunction the keys of an entry; it must not block, and one that throws gives no key
     */
    void createIndex(String name, Function<RegistryEntry, ?> keyFunction);

    /**
     * Creates (or replaces) an index by a manifest header: a bundle component is filed under the
     * value of that header in its manifest, a component without a bundle under the metadata entry
     * of that name. Unlike {@link #createIndex}, its definition is kept across restarts.
     *
     * @param name the index's name
     * @param header the manifest header, e.g. {@code Bundle-Vendor}
     * @throws RegistryException when the definition cannot be recorded
     */
    void createHeaderIndex(String name, String header);

    /**
     * The components an index files under a key, ordered by id.
     *
     * @param name the index's name
     * @param key the key
     * @return snapshots, unmodifiable; empty when none
     * @throws RegistryException when there is no such index
     */
    List<RegistryEntry> getComponentsByIndex(String name, String key);

    /**
     * Removes a custom index (and, for a header index, its kept definition).
     *
     * @param name the index's name
     * @return whether it existed
     */
    boolean dropIndex(String name);

    /** @return the names of the custom indexes, sorted */
    List<String> getIndexNames();

    // ---------------------------------------------------------------- batch operations

    /**
     * Registers several components, each as {@link #registerComponent}.
     *
     * @param components the components
     * @return per component (keyed by its path, or its name when it has none), what happened
     */
    CompletionStage<BatchResult> registerComponentsBatch(List<ComponentInfo> components);

    /**
     * Activates several components and their dependencies, level by level of the dependency graph:
     * the components of one level, which do not depend on each other, in parallel (bounded). One
     * failure does not stop unrelated components; the dependents of a failed one are skipped and
     * name it.
     *
     * @param ids the components
     * @return per component (the ones given and the dependencies activated for them), what happened
     */
    CompletionStage<BatchResult> activateComponentsBatch(Collection<String> ids);

    /**
     * Deactivates several components, dependents first.
     *
     * @param ids the components
     * @return per component (the ones given and the dependents deactivated for them), what happened
     */
    CompletionStage<BatchResult> deactivateComponentsBatch(Collection<String> ids);

    /**
     * Brings several components to a status each, as {@link #setComponentStatus}.
     *
     * @param statuses the status wanted for each id
     * @return per component, what happened
     */
    CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses);

    // ---------------------------------------------------------------- statistics

    /** @return the health of the components now */
    HealthStats getHealthStats();

    /** @return how much the components are used */
    UsageStats getUsageStats();

    /** @return how fast the registry works */
    PerformanceMetrics getPerformanceMetrics();

    /**
     * How long the most recent activation of one component by the registry took: starting its
     * bundle, or enabling a service component, hooks not included. A component started by someone
     * else (Felix's own {@code start}, another bundle) has none.
     *
     * @param id the component's id
     * @return the duration, or empty when the registry has not activated it since it started
     * @throws ComponentNotFoundException for an unknown id
     * @since 1.4
     */
    Optional<Duration> getActivationTime(String id);

    // ---------------------------------------------------------------- usage telemetry

    /**
     * Which consumer bundles used a component since the registry started, and how: lookups of its
     * services through their {@code BundleContext}, instance calls through
     * {@link #getComponentInstance(String)}, and whether they hold its services now (see
     * {@link ConsumerUsage}). Counting is always on and lock-free, and adds well under a microsecond
     * to a service lookup that returns a component's service; the counts are kept in memory and
     * start again from zero when the registry restarts.
     *
     * @param id the component's id
     * @return its usage; empty consumers when nothing used it
     * @throws ComponentNotFoundException for an unknown id
     */
    ServiceUsage getServiceUsage(String id);

    /**
     * Where declared dependencies and observed use disagree: dependencies used but not declared,
     * declared dependencies never used, and components never used since the registry started, each
     * with its evidence. Only use of what components offer (services, factory-made instances) can be
     * observed; see {@link DriftReport} for exactly what is and is not reported.
     *
     * @return the report, a snapshot
     */
    DriftReport getDrift();

    // ---------------------------------------------------------------- recovery

    /**
     * Activates a component, trying again with backoff when an attempt fails. After the last
     * failed attempt the component is in {@link ComponentStatus#ERROR} with each attempt's reason in
     * its history.
     *
     * @param id the component's id
     * @param policy how often and how far apart to try
     * @return as {@link #activateComponent(String)}, failing with the last attempt's exception
     */
    CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy);

    /**
     * Checks a component's dependencies: requirements nothing provides, dependencies in error,
     * dependencies not active. When there is a problem the component is marked in error with them.
     *
     * @param id the component's id
     * @return the problems, empty when there is none; fails with {@link ComponentNotFoundException}
     */
    CompletionStage<List<DependencyProblem>> validateDependencies(String id);

    // ---------------------------------------------------------------- graph export

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

    // ---------------------------------------------------------------- versions and reloads

    /**
     * The versions of a bundle component's JAR the registry keeps, newest first: the one installed
     * now, then the earlier ones (the last few, see {@code happyos.history.size}).
     *
     * @param id the component's id
     * @return the versions, unmodifiable; empty for a component the registry did not install
     * @throws ComponentNotFoundException for an unknown id
     */
    List<JarVersion> getVersionHistory(String id);

    /**
     * Reinstates the previous version of a component's JAR through the reload path: the affected
     * components are deactivated dependents first, the bundle updated and refreshed, and those that
     * were active activated again in dependency order. When the component's JAR lives in the bundles
     * folder, the folder's file is replaced too, so that the folder stays the truth.
     *
     * @param id the component's id
     * @return the version reinstated; fails with {@link RegistryException} when there is no earlier
     *     version
     */
    CompletionStage<String> rollbackComponent(String id);

    /**
     * {@link #rollbackComponent(String)} to a given version.
     *
     * @param id the component's id
     * @param version one of the versions {@link #getVersionHistory} lists
     * @return the version reinstated; fails with {@link RegistryException} when it is not kept
     */
    CompletionStage<String> rollbackComponent(String id, String version);

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

    // ---------------------------------------------------------------- audit

    /**
     * The audit log: one record per lifecycle operation, status change, dependency change,
     * hot-deploy event, quarantine, rollback and error, newest first.
     *
     * @param query the filters and the limit
     * @return the records, unmodifiable; empty when the registry keeps no audit log (persistence off)
     */
    List<AuditRecord> getAuditLog(AuditQuery query);

    // ---------------------------------------------------------------- diagnostics

    /**
     * Why a component is not active, or is active but unhealthy: one ranked tree of causes down to
     * the root, each root cause with a fix in words. It combines what the framework's resolver, the
     * registry's dependency graph, Declarative Services, the error history, the bundles folder and
     * the audit log know: unresolved requirements with the range asked for and what is installed
     * instead, {@code uses} conflicts, dependencies that are not active (recursively, down to the
     * component to fix), unsatisfied DS references, cycles with their path and the origin of each
     * edge, activators and hooks that threw or timed out, and quarantined files. Reads only: it
     * never waits for a lifecycle operation.
     *
     * @param id the component's id
     * @return the explanation; {@link Explanation#healthy()} when nothing is wrong
     * @throws ComponentNotFoundException for an unknown id
     */
    Explanation explain(String id);
}
