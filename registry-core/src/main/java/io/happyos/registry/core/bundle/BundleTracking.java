package io.happyos.registry.core.bundle;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.RegistryStarts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the entries in step with the framework, whoever changes a bundle: the registry, a shell
 * command, another bundle or the framework itself. Events arrive synchronously on the thread that
 * made the change; this class only updates the store and never waits for a lifecycle operation.
 */
public final class BundleTracking implements SynchronousBundleListener, FrameworkListener {

    private static final Logger LOG = LoggerFactory.getLogger(BundleTracking.class);

    private final BundleContext context;
    private final ComponentStore store;
    private final Runnable onFrameworkStopping;
    private final java.util.function.Consumer<String> onStopped;
    /** Guards the index and orders derivations, which events on several threads may ask for at once. */
    private final DependencyIndex index = new DependencyIndex();

    private volatile io.happyos.registry.core.model.Journal journal = io.happyos.registry.core.model.Journal.NONE;
    private volatile Runnable onArrival = () -> {};

    /**
     * @param context the registry bundle's context
     * @param store the registry's entries
     * @param onStopped told, on the stopping thread, the id of a component whose bundle stopped
     * @param onFrameworkStopping run, on the framework's thread, when the framework begins to stop
     */
    public BundleTracking(
            BundleContext context,
            ComponentStore store,
            java.util.function.Consumer<String> onStopped,
            Runnable onFrameworkStopping) {
        this.context = context;
        this.store = store;
        this.onStopped = onStopped;
        this.onFrameworkStopping = onFrameworkStopping;
    }

    /**
     * Sets where changes made behind the registry's back (a shell's {@code stop}, another bundle,
     * the framework) are audited.
     *
     * @param journal the journal
     */
    public void journal(io.happyos.registry.core.model.Journal journal) {
        this.journal = journal;
    }

    /**
     * Sets what to do when a bundle is installed, resolved or updated, which may bring what a
     * waiting component needs. Called on the changing thread: it must only queue work.
     *
     * @param task the task
     */
    public void onArrival(Runnable task) {
        this.onArrival = task;
    }

    /** Whether the registry itself is changing bundles on this thread. */
    private static boolean byRegistry() {
        return RegistryStarts.inProgress() || Thread.currentThread().getName().startsWith("happyos-registry-");
    }

    private void auditOutside(String operation, ComponentRecord record, String error) {
        if (!byRegistry()) {
            journal.audit(
                    io.happyos.registry.core.model.Actors.FRAMEWORK,
                    operation,
                    record.id(),
                    error,
                    "outside the registry, on thread " + Thread.currentThread().getName());
        }
    }

    /** Starts listening and creates an entry for every bundle already installed. */
    public void open() {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        for (Bundle bundle : context.getBundles()) {
            entryFor(bundle);
        }
        synchronized (index) {
            for (Bundle bundle : context.getBundles()) {
                index.provide(bundle.getBundleId(), bundle.adapt(BundleRevision.class));
            }
            deriveAll();
        }
    }

    /** Stops listening. */
    public void close() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        try {
            switch (event.getType()) {
                case BundleEvent.INSTALLED -> {
                    entryFor(bundle);
                    offered(bundle, true);
                    onArrival.run();
                }
                case BundleEvent.RESOLVED -> {
                    offered(bundle, false);
                    if (BundleComponents.isFragment(bundle)) {
                        entryFor(bundle).ifPresent(r -> store.setStatus(r, ComponentStatus.ACTIVE)); // attached
                    }
                    onArrival.run();
                }
                case BundleEvent.UNRESOLVED -> {
                    offered(bundle, false);
                    if (BundleComponents.isFragment(bundle)) {
                        entryFor(bundle)
                                .ifPresent(r -> store.compareAndSetStatus(
                                        r, s -> s == ComponentStatus.ACTIVE, ComponentStatus.REGISTERED));
                    }
                }
                case BundleEvent.UPDATED -> {
                    entryFor(bundle).ifPresent(r -> store.setInfo(r, BundleComponents.info(bundle)));
                    synchronized (index) {
                        index.provide(bundle.getBundleId(), bundle.adapt(BundleRevision.class));
                        deriveAll();
                    }
                    onArrival.run();
                }
                case BundleEvent.STARTING -> entryFor(bundle).ifPresent(r -> r.starting(true));
                case BundleEvent.STARTED ->
                    entryFor(bundle).ifPresent(r -> {
                        r.starting(false);
                        store.setStatus(r, ComponentStatus.ACTIVE);
                        auditOutside("started", r, null);
                    });
                case BundleEvent.STOPPED -> entryFor(bundle).ifPresent(this::stopped);
                case BundleEvent.UNINSTALLED -> {
                    store.findByBundle(bundle.getBundleId()).ifPresent(r -> {
                        auditOutside("uninstalled", r, null);
                        store.remove(r);
                    });
                    synchronized (index) {
                        index.uninstalled(bundle.getBundleId());
                        deriveAll();
                    }
                }
                case BundleEvent.STOPPING -> {
                    if (bundle.getBundleId() == 0) {
                        onFrameworkStopping.run();
                    }
                }
                default -> {
                    // LAZY_ACTIVATION: the status changes on STARTED
                }
            }
        } catch (RuntimeException e) {
            LOG.error("could not record bundle event {} of {}", event.getType(), bundle, e);
        }
    }

    /** A stop right after STARTING, with no STARTED between, is a start that failed. */
    private void stopped(ComponentRecord record) {
        onStopped.accept(record.id());
        if (record.starting()) {
            record.starting(false);
            if (!RegistryStarts.inProgress()) {
                String message = record.id() + " failed to start: its activator threw an exception"
                        + " (started outside the registry; the framework log has the stack trace)";
                store.markError(record, message);
                auditOutside("start", record, message);
            }
            return;
        }
        store.compareAndSetStatus(record, s -> s == ComponentStatus.ACTIVE, ComponentStatus.INACTIVE);
        auditOutside("stopped", record, null);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() != FrameworkEvent.ERROR || bundle == null || bundle.getBundleId() == 0) {
            return;
        }
        Throwable error = event.getThrowable();
        String message = bundle.getSymbolicName() + ": " + (error == null ? "framework error" : describe(error));
        store.findByBundle(bundle.getBundleId()).ifPresent(r -> {
            store.markError(r, message);
            journal.audit(io.happyos.registry.core.model.Actors.FRAMEWORK, "error", r.id(), message, null);
        });
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + ": " + root.getMessage();
    }

    private Optional<ComponentRecord> entryFor(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return Optional.empty();
        }
        Optional<ComponentRecord> existing = store.findByBundle(bundle.getBundleId());
        if (existing.isPresent()) {
            return existing;
        }
        boolean attached = BundleComponents.isFragment(bundle) && bundle.getState() != Bundle.INSTALLED;
        ComponentStatus status =
                bundle.getState() == Bundle.ACTIVE || attached ? ComponentStatus.ACTIVE : ComponentStatus.REGISTERED;
        return Optional.of(store.add(
                BundleComponents.preferredId(bundle), bundle.getBundleId(), BundleComponents.info(bundle), status));
    }

    /**
     * A bundle was installed, resolved or unresolved: derives its dependencies, and those of the
     * unresolved bundles whose requirements what it offers may satisfy (an installed bundle can
     * fill a missing requirement; a resolved one becomes the preferred provider). Resolved bundles
     * read their wiring, which another bundle's event does not change, so the work is proportional
     * to the bundles concerned, not to all installed.
     */
    private void offered(Bundle bundle, boolean installed) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        synchronized (index) {
            if (installed) {
                index.provide(bundle.getBundleId(), revision);
            }
            deriveOne(bundle);
            if (revision != null) {
                for (long requirer : index.requirersOf(revision)) {
                    Bundle other = context.getBundle(requirer);
                    if (other != null && other != bundle) {
                        deriveOne(other);
                    }
                }
            }
        }
    }

    /**
     * Derives every bundle's declared dependencies again: at start, and after an update or an
     * uninstall, which can change what any bundle is wired to.
     */
    public void deriveAll() {
        synchronized (index) {
            for (Bundle bundle : context.getBundles()) {
                if (bundle.getBundleId() != 0) {
                    deriveOne(bundle);
                }
            }
        }
    }

    private void deriveOne(Bundle bundle) {
        store.findByBundle(bundle.getBundleId()).ifPresent(record -> derive(record, bundle));
    }

    private void derive(ComponentRecord record, Bundle bundle) {
        DeclaredDependencies.Result result = DeclaredDependencies.of(bundle, this::candidates);
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (result.fromWiring() || revision == null) {
            index.resolved(bundle.getBundleId());
        } else {
            index.require(bundle.getBundleId(), revision);
        }
        Map<String, List<String>> byId = new HashMap<>();
        result.providers()
                .forEach((providerId, requirements) ->
                        store.findByBundle(providerId).ifPresent(provider -> byId.put(provider.id(), requirements)));
        store.setDeclared(record, byId, result.missing());
    }

    private Iterable<Bundle> candidates(BundleRequirement requirement) {
        List<Bundle> bundles = new java.util.ArrayList<>();
        for (long id : index.candidates(requirement)) {
            Bundle bundle = context.getBundle(id);
            if (bundle != null) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }
}
