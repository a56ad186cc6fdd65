package io.happyos.registry;

import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.spi.StatusListener;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry's lifecycle operations beyond the four in {@link DynamicRegistry}: activation with
 * retries, batches, statuses set by hand, status listeners and lifecycle hooks.
 * Reached through {@link DynamicRegistry#lifecycle()}; calls made through it are audited under
 * the calling bundle's name, like those of the registry itself.
 */
@ProviderType
public interface Lifecycle {

    /**
     * Brings a component to a status. {@link ComponentStatus#ACTIVE} activates it (as
     * {@link DynamicRegistry#activateComponent}), {@link ComponentStatus#INACTIVE} deactivates it
     * (a component that was never active stays {@link ComponentStatus#REGISTERED}: nothing to stop),
     * {@link ComponentStatus#ERROR} marks it in error. A bundle's status otherwise follows the
     * bundle, so {@link ComponentStatus#REGISTERED} and {@link ComponentStatus#DISCOVERED} can be set
     * only on a component with no bundle.
     *
     * @param id the component's id
     * @param status the status wanted
     * @return completes when the component has that status (or stays REGISTERED, as above); fails with
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
     * Adds a listener told of every status change, for code that is not a bundle (bundles can
     * publish a {@link StatusListener} service instead).
     *
     * @param listener the listener
     * @return a handle whose {@link Registration#close()} removes it
     */
    Registration addStatusListener(StatusListener listener);

    /**
     * Registers a lifecycle hook for one phase, for code that is not a bundle (bundles publish a
     * {@link LifecycleHook} service). It runs after the hook services of the phase.
     *
     * @param phase the phase
     * @param hook the hook
     * @return a handle whose {@link Registration#close()} removes it
     */
    Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook);

    /**
     * Registers several components, each as {@link DynamicRegistry#registerComponent}.
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
     * @return per component, what happened: UNCHANGED (with the reason) for one that already had
     *     its status or stays where it was
     */
    CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses);

    /**
     * Activates a component, trying again with backoff when an attempt fails. After the last
     * failed attempt the component is in {@link ComponentStatus#ERROR} with each attempt's reason in
     * its history. A component held back by a hook ({@link ComponentHeldException}) is not tried
     * again: that is no error.
     *
     * @param id the component's id
     * @param policy how often and how far apart to try
     * @return as {@link DynamicRegistry#activateComponent(String)}, failing with the last attempt's exception
     */
    CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy);
}
