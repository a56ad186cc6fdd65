package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.stats.PerformanceRecorder;
import io.happyos.registry.spi.LifecycleEvent;
import io.happyos.registry.spi.LifecyclePhase;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * What the lifecycle steps share: the entries, the framework, the hooks, the timed calls into
 * bundle code, the performance figures, and who to tell when a component stops.
 *
 * @param store the entries
 * @param context the registry bundle's context
 * @param hooks the lifecycle hooks
 * @param calls how activators and hooks are run
 * @param timeout how long an activator may run
 * @param performance where activation times go
 * @param stopped told the id of each component that stopped (its instance is disposed of)
 * @param journal where registrations and removals are kept
 */
public record Lifecycle(
        ComponentStore store,
        BundleContext context,
        Hooks hooks,
        TimedCalls calls,
        Duration timeout,
        PerformanceRecorder performance,
        Consumer<String> stopped,
        io.happyos.registry.core.model.Journal journal) {

    /**
     * An event for a hook about an entry.
     *
     * @param phase the phase
     * @param record the entry
     * @param error the failure, for ON_ERROR
     * @return the event
     */
    LifecycleEvent event(LifecyclePhase phase, ComponentRecord record, Throwable error) {
        RegistryEntry entry = store.find(record.id()).map(store::snapshot).orElse(null);
        return new LifecycleEvent(phase, record.id(), record.info(), entry, error);
    }

    /**
     * An event for a hook about a component not (or no longer) registered.
     *
     * @param phase the phase
     * @param id its id
     * @param info what is known of it
     * @return the event
     */
    LifecycleEvent event(LifecyclePhase phase, String id, ComponentInfo info) {
        return new LifecycleEvent(phase, id, info, null, null);
    }

    /** Runs the POST (or ON_ERROR) hooks of a phase; failures go to the entry's history. */
    void post(LifecyclePhase phase, ComponentRecord record, Throwable error) {
        hooks.post(event(phase, record, error), message -> store.recordError(record, message));
    }

    /** @return the bundle behind a component, or {@code null} */
    Bundle bundle(ComponentRecord record) {
        return record.hasBundle() ? context.getBundle(record.bundleId()) : null;
    }

    /**
     * Calls bundle code (start, stop) with the timeout.
     *
     * @param record whose bundle
     * @param what "start" or "stop", for the message
     * @param call the call
     * @throws BundleException what the framework threw, or a timeout in words
     */
    void callBundle(ComponentRecord record, String what, Callable<Void> call) throws BundleException {
        callBundle(record, what, call, timeout);
    }

    /**
     * Calls bundle code (start, stop) with a given timeout.
     *
     * @param record whose bundle
     * @param what "start" or "stop", for the message
     * @param call the call
     * @param timeout how long it may take
     * @throws BundleException what the framework threw, or a timeout in words
     */
    void callBundle(ComponentRecord record, String what, Callable<Void> call, Duration timeout) throws BundleException {
        try {
            calls.call(call, timeout);
        } catch (TimedCalls.TimedOutException e) {
            String state = switch (what) {
                case "start" -> " (the bundle stays STARTING until then)";
                case "stop" -> " (the bundle stays STOPPING until then)";
                default -> "";
            };
            throw new BundleException(
                    record.id() + " timed out after " + TimedCalls.describe(timeout) + ": its " + what
                            + " did not return; the thread running it was interrupted and is left to finish" + state,
                    e);
        } catch (BundleException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while waiting for " + record.id() + " to " + what, e);
        } catch (Exception e) {
            throw new BundleException(record.id() + " failed to " + what, e);
        }
    }
}
