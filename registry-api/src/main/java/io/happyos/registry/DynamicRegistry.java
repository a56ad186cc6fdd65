package io.happyos.registry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The HappyOS component registry, published as an OSGi service by the registry bundle.
 *
 * <p>Every installed bundle, and every component registered without one, is an entry with a stable
 * id. The registry derives dependencies from what bundles declare (Import-Package, Require-Bundle,
 * Require-Capability) and keeps the dependencies added through {@link Dependencies#addDependency} apart from
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

    // ---------------------------------------------------------------- lifecycle and queries

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
     *     {@link ComponentStatus#ERROR} with the reason in its error history; or with
     *     {@link ComponentHeldException} when a hook holds it back, and then it is
     *     {@link ComponentStatus#INACTIVE} with no error recorded
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

    /**
     * The instance of an active component: what the {@link io.happyos.registry.spi.InstanceFactory} for its type creates;
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

    /** @return the health of the components now */
    HealthStats getHealthStats();

    /**
     * This registry for a bundle that carries out requests on someone else's behalf (a cluster node
     * acting for {@code node:alpha/shell}, an HTTP API for {@code http:127.0.0.1}): the operations of
     * the returned object and of its views are audited under {@code actor} instead of this object's
     * own name. The calling bundle vouches for the name; usage telemetry still counts the calling
     * bundle. Calling it on the returned object gives an object for another actor.
     *
     * @param actor the name the audit log gives the calls, for example {@code node:alpha/shell}
     * @return a registry object for the same bundle, audited under {@code actor}
     * @throws NullPointerException when {@code actor} is null
     * @throws IllegalArgumentException when {@code actor} is blank
     * @since 2.1
     */
    DynamicRegistry actingFor(String actor);

    // ---------------------------------------------------------------- capability views

    /**
     * Lifecycle operations beyond the four above: retries, batches, statuses set by hand, status
     * listeners and lifecycle hooks.
     *
     * @return the lifecycle view, for the same caller as this registry object
     */
    Lifecycle lifecycle();

    /**
     * The dependency graph: explicit dependencies, dependents, cycles, activation order,
     * validation, impact and export.
     *
     * @return the dependency view, for the same caller as this registry object
     */
    Dependencies dependencies();

    /**
     * The instance cache, disposal of instances and instance factories.
     *
     * @return the instance view, for the same caller as this registry object
     */
    Instances instances();

    /**
     * Custom indexes over the entries.
     *
     * @return the index view
     */
    Indexes indexes();

    /**
     * Explanations, statistics, usage, drift, recent status changes and the audit log.
     *
     * @return the diagnostics view, for the same caller as this registry object
     */
    Diagnostics diagnostics();

    /**
     * Kept versions of bundle components and rollback.
     *
     * @return the version view, for the same caller as this registry object
     */
    Versions versions();

    /**
     * Installing bundles from Maven repositories and named sets of bundles (features files).
     *
     * <p>A default method, so that the interface keeps its twenty abstract methods; the registry's
     * own implementation overrides it.
     *
     * @return the provisioning view, for the same caller as this registry object
     * @throws UnsupportedOperationException when this registry does not provision (never for the
     *     registry service itself)
     * @since 2.1
     */
    default Provisioning provisioning() {
        throw new UnsupportedOperationException("this registry does not provision bundles");
    }

    /**
     * Quotas: limits on the components of a scope, refused, rejected or enforced by the registry.
     *
     * <p>A default method, so that the interface keeps its twenty abstract methods; the registry's
     * own implementation overrides it.
     *
     * @return the quota view, for the same caller as this registry object
     * @throws UnsupportedOperationException when this registry has no quotas (never for the registry
     *     service itself)
     * @since 2.3
     */
    default Quotas quotas() {
        throw new UnsupportedOperationException("this registry has no quotas");
    }
}
