package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.core.bundle.BundleComponents;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.model.ComponentControl;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.RegistryStarts;
import io.happyos.registry.spi.LifecyclePhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activates a component after its transitive dependencies. The whole plan is checked, and every
 * PRE_ACTIVATION hook asked, before anything starts; a start that fails part-way stops again what
 * this activation started. Runs on the lifecycle thread (or a batch worker).
 */
public final class Activation {

    private static final Logger LOG = LoggerFactory.getLogger(Activation.class);

    private final Lifecycle lifecycle;
    private final ComponentStore store;
    private final WaitingComponents waiting;

    private volatile io.happyos.registry.core.model.QuotaGate quotas = io.happyos.registry.core.model.QuotaGate.OPEN;

    /**
     * Tells the quotas to ask before components start.
     *
     * @param quotas the quotas
     */
    public void quotas(io.happyos.registry.core.model.QuotaGate quotas) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * @param lifecycle what the lifecycle steps share
     * @param waiting where components that wait for something outside them are kept
     */
    public Activation(Lifecycle lifecycle, WaitingComponents waiting) {
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.waiting = waiting;
    }

    /**
     * Shows why a waiting component waits: it goes to ERROR with the reason (recorded in its
     * history only when the reason is new, so restarts do not repeat it). Nothing else changes.
     *
     * @param id the component
     */
    public void showWhyItWaits(String id) {
        ComponentRecord record = store.find(id).orElse(null);
        if (record == null || !waiting.contains(id)) {
            return;
        }
        Blocker blocker = blocker(record, plan(id));
        String reason = blocker == null ? null : blocker.message();
        if (reason == null) {
            return;
        }
        ErrorRecord last = lastError(record);
        if (last != null && last.message().equals(reason)) {
            store.setStatus(record, ComponentStatus.ERROR);
        } else {
            store.markError(record, reason);
        }
    }

    /**
     * Why a component in ERROR may not be started as another's dependency.
     *
     * @param id the component
     * @return the reason, or {@code null} when it is not in ERROR or only waits
     */
    public String errorAsDependency(String id) {
        ComponentRecord record = store.find(id).orElse(null);
        if (record == null || record.status() != ComponentStatus.ERROR || waiting.contains(id)) {
            return null;
        }
        return inError(record);
    }

    /** "ID is in ERROR (its last error); fix it, then ..." */
    private static String inError(ComponentRecord record) {
        ErrorRecord last = lastError(record);
        return record.id() + " is in ERROR (" + (last == null ? "no reason recorded" : last.message())
                + "); fix it, then activate " + record.id() + " directly or clear it with registry:clear "
                + record.id();
    }

    /** @return the components waiting for something outside them */
    public WaitingComponents waiting() {
        return waiting;
    }

    /**
     * Whether activating a component now would get as far as starting it: no requirement missing
     * and no dependency in ERROR (other than one that waits itself and is brought up with it). Reads
     * only.
     *
     * @param id the component
     * @return whether nothing blocks it
     */
    public boolean nothingBlocks(String id) {
        ComponentRecord target = store.find(id).orElse(null);
        return target != null && blocker(target, plan(id)) == null;
    }

    /**
     * Activates a component and what it needs.
     *
     * @param id the component
     * @return {@code true} when it was made active, {@code false} when it already was
     * @throws ComponentActivationException naming the requirement, component or hook at fault
     */
    public boolean activate(String id) {
        ComponentRecord target = store.record(id);
        if (target.status() == ComponentStatus.ACTIVE && isRunning(target)) {
            waiting.remove(id);
            return false;
        }
        List<ComponentRecord> plan = plan(id);
        Blocker blocker = blocker(target, plan);
        if (blocker != null) {
            if (blocker.waits()) {
                waiting.add(id);
                StartMarks.clear(lifecycle.bundle(target), id); // a restart must not start it either
            } else {
                waiting.remove(id);
            }
            throw fail(target, blocker.message());
        }
        if (isFragment(target) && !isResolved(target)) {
            FragmentAttachment.refreshHosts(lifecycle.context(), lifecycle.bundle(target));
        }
        resolve(plan);
        List<ComponentRecord> toStart = new ArrayList<>();
        for (ComponentRecord record : plan) {
            if (!isRunning(record) && !isFragment(record)) {
                toStart.add(record);
            }
        }
        // quotas first: a refusal changes nothing, not even what hooks were told
        Runnable unadmit;
        try {
            unadmit = quotas.admitActivation(id, toStart);
        } catch (io.happyos.registry.QuotaExceededException refused) {
            // refused, it stays as it is; and the framework must not start it past the quota either
            // (a bundle marked to start by an earlier run would be started at its start level)
            waiting.remove(id);
            for (ComponentRecord record : toStart) {
                StartMarks.clear(lifecycle.bundle(record), record.id());
            }
            throw refused;
        }
        for (ComponentRecord record : toStart) {
            try {
                lifecycle.hooks().pre(lifecycle.event(LifecyclePhase.PRE_ACTIVATION, record, null));
                record.holdReason(null);
            } catch (Hooks.Veto veto) {
                unadmit.run();
                waiting.remove(id);
                if (veto.getCause() instanceof ComponentHeldException hold) {
                    throw held(target, record, Objects.requireNonNullElse(hold.reason(), "a lifecycle hook holds it"));
                }
                throw failed(target, null, veto.getMessage(), veto.getCause());
            }
        }
        List<ComponentRecord> started = new ArrayList<>();
        for (ComponentRecord record : toStart) {
            long begin = System.nanoTime();
            try {
                start(record);
                long took = System.nanoTime() - begin;
                lifecycle.performance().activation(took, true);
                record.activationTook(took);
                started.add(record);
            } catch (BundleException | RuntimeException e) {
                lifecycle.performance().activation(System.nanoTime() - begin, false);
                rollBack(started);
                unadmit.run();
                // the one whose start failed stops waiting (trying again would fail again); a
                // dependent waits until that one is fixed
                waiting.remove(record.id());
                if (record != target) {
                    waiting.add(id);
                }
                throw failed(target, record, Failures.describe(e), e);
            }
        }
        quotas.activated(toStart);
        if (isFragment(target)) {
            attached(target);
        }
        for (ComponentRecord record : plan) {
            if (isRunning(record)) {
                waiting.remove(record.id());
            }
        }
        for (ComponentRecord record : started) {
            lifecycle.post(LifecyclePhase.POST_ACTIVATION, record, null);
        }
        return true;
    }

    private List<ComponentRecord> plan(String id) {
        List<List<String>> groups = store.readGraph(g -> GraphAlgorithms.activationGroups(g, List.of(id)));
        List<ComponentRecord> plan = new ArrayList<>();
        for (List<String> group : groups) {
            for (String member : group) {
                store.find(member).ifPresent(plan::add);
            }
        }
        return plan;
    }

    /** Why a component cannot be activated now, or {@code null} when nothing stands in the way. */
    private record Blocker(String message, boolean waits) {}

    private Blocker blocker(ComponentRecord target, List<ComponentRecord> plan) {
        for (ComponentRecord record : plan) {
            if (record != target && record.status() == ComponentStatus.ERROR && !waiting.contains(record.id())) {
                return new Blocker(
                        "cannot activate " + target.id() + ": its dependency " + inError(record) + " (" + target.id()
                                + " is activated as soon as nothing blocks it)",
                        true);
            }
            if (!isResolved(record) && !record.missingRequirements().isEmpty()) {
                String requirement = record.missingRequirements().get(0);
                String who = record == target ? target.id() + ": it" : target.id() + ": its dependency " + record.id();
                return new Blocker(
                        "cannot activate " + who + " has a missing requirement " + requirement
                                + "; install a bundle that provides it (" + target.id()
                                + " is activated when it arrives)",
                        true);
            }
        }
        return null;
    }

    /** A fragment is ACTIVE once attached to a host; one that could not attach is in ERROR. */
    private void attached(ComponentRecord fragment) {
        if (!isResolved(fragment)) {
            List<String> hosts = FragmentAttachment.hosts(lifecycle.context(), lifecycle.bundle(fragment)).stream()
                    .map(b -> b.getSymbolicName() + " " + b.getVersion())
                    .toList();
            throw fail(
                    fragment,
                    fragment.id() + " is a fragment and could not attach to "
                            + (hosts.isEmpty()
                                    ? "a host: no installed bundle matches its Fragment-Host; install the host"
                                    : String.join(", ", hosts) + ": the framework did not resolve the host with it"
                                            + " (registry:why " + fragment.id() + " tells why)"));
        }
        store.setStatus(fragment, ComponentStatus.ACTIVE);
    }

    private static ErrorRecord lastError(ComponentRecord record) {
        List<ErrorRecord> errors = record.errors();
        return errors.isEmpty() ? null : errors.get(errors.size() - 1);
    }

    /**
     * Resolves the bundles of many components in one pass of the framework's resolver, instead of
     * one pass each (a batch does this before it starts anything). What cannot be resolved stays
     * as it is and is reported when its component is activated.
     *
     * @param ids the components
     */
    public void resolveAll(java.util.Collection<String> ids) {
        List<ComponentRecord> records = new ArrayList<>();
        for (String id : ids) {
            store.find(id).ifPresent(records::add);
        }
        resolve(records);
    }

    private void resolve(List<ComponentRecord> plan) {
        List<Bundle> bundles = new ArrayList<>();
        for (ComponentRecord record : plan) {
            Bundle bundle = lifecycle.bundle(record);
            if (bundle != null && bundle.getState() == Bundle.INSTALLED) {
                bundles.add(bundle);
            }
        }
        if (!bundles.isEmpty()) {
            // a failure shows up, with the resolver's own words, when the bundle is started
            lifecycle.context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        }
    }

    private void start(ComponentRecord record) throws BundleException {
        Bundle bundle = lifecycle.bundle(record);
        if (bundle == null) {
            enable(record);
            return;
        }
        lifecycle.callBundle(
                record,
                "start",
                () -> RegistryStarts.run(() -> {
                    bundle.start();
                    return null;
                }),
                quotas.activationTimeout(record, lifecycle.timeout()));
        if (bundle.getState() != Bundle.ACTIVE) {
            StartMarks.awaitStartedByFramework(lifecycle.context(), bundle, lifecycle.timeout());
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            throw new BundleException(record.id() + " did not become active (bundle state " + bundle.getState()
                    + "): check its start level and activation policy");
        }
        // the STARTED event normally did this already; a bundle started earlier and marked in error
        // by hand is set back here
        store.setStatus(record, ComponentStatus.ACTIVE);
    }

    /** A component with no bundle: a DS component is enabled through SCR, others just become active. */
    private void enable(ComponentRecord record) throws BundleException {
        ComponentControl control = record.control();
        if (control == null) {
            store.setStatus(record, ComponentStatus.ACTIVE);
            return;
        }
        ComponentStatus[] status = new ComponentStatus[1];
        lifecycle.callBundle(record, "enable", () -> {
            status[0] = control.enable(lifecycle.timeout());
            return null;
        });
        store.setStatus(record, status[0]);
        if (status[0] != ComponentStatus.ACTIVE) {
            throw new BundleException(record.id() + " is enabled but not satisfied: a service it references is"
                    + " missing (registry:deps " + record.id() + " shows its references)");
        }
    }

    private void rollBack(List<ComponentRecord> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            ComponentRecord record = started.get(i);
            Bundle bundle = lifecycle.bundle(record);
            try {
                if (bundle == null && record.control() != null) {
                    record.control().disable(lifecycle.timeout());
                    store.setStatus(record, ComponentStatus.INACTIVE);
                } else if (bundle == null) {
                    store.setStatus(record, ComponentStatus.INACTIVE);
                } else {
                    lifecycle.callBundle(record, "stop", () -> {
                        bundle.stop();
                        return null;
                    });
                }
                lifecycle.stopped().accept(record.id());
            } catch (Exception e) {
                LOG.warn("could not stop {} again after a failed activation", record.id(), e);
            }
        }
    }

    private ComponentActivationException failed(
            ComponentRecord target, ComponentRecord culprit, String reason, Throwable cause) {
        String message;
        if (culprit == null) {
            message = "cannot activate " + target.id() + ": " + reason;
        } else if (culprit == target) {
            message = target.id() + " failed to start: " + reason;
        } else {
            store.markError(culprit, culprit.id() + " failed to start: " + reason);
            message = "cannot activate " + target.id() + ": its dependency " + culprit.id() + " failed to start: "
                    + reason;
        }
        return error(target, message, cause);
    }

    /**
     * A hook holds a component back for a reason that is not an error (a singleton running on
     * another node, a quota): the held one, and the target when it is held through a dependency,
     * become INACTIVE with the reason kept for explanations. Nothing goes to the error history, no
     * ON_ERROR hook is told, nothing waits (the hook's owner activates it when it lets it), and the
     * framework's mark to start is cleared, so that a restart does not start it past the hook.
     */
    private ComponentHeldException held(ComponentRecord target, ComponentRecord held, String reason) {
        String why = held == target ? reason : "its dependency " + held.id() + " is held: " + reason;
        holdBack(held, reason);
        if (held != target) {
            holdBack(target, why);
        }
        ComponentHeldException exception = new ComponentHeldException(target.id(), why);
        LOG.info("{}", exception.getMessage()); // the caller gets it through the exception
        return exception;
    }

    private void holdBack(ComponentRecord record, String reason) {
        record.holdReason(reason);
        StartMarks.clear(lifecycle.bundle(record), record.id());
        if (!isRunning(record)) {
            store.setStatus(record, ComponentStatus.INACTIVE);
        }
    }

    private ComponentActivationException fail(ComponentRecord target, String message) {
        return error(target, message, null);
    }

    private ComponentActivationException error(ComponentRecord target, String message, Throwable cause) {
        store.markError(target, message);
        LOG.info("{}", message); // the caller gets it through the exception
        ComponentActivationException exception = new ComponentActivationException(target.id(), message, cause);
        lifecycle.post(LifecyclePhase.ON_ERROR, target, exception);
        return exception;
    }

    private boolean isRunning(ComponentRecord record) {
        Bundle bundle = lifecycle.bundle(record);
        if (bundle == null) {
            return record.status() == ComponentStatus.ACTIVE;
        }
        return bundle.getState() == Bundle.ACTIVE || BundleComponents.isFragment(bundle) && isResolved(record);
    }

    private boolean isFragment(ComponentRecord record) {
        Bundle bundle = lifecycle.bundle(record);
        return bundle != null && BundleComponents.isFragment(bundle);
    }

    private boolean isResolved(ComponentRecord record) {
        Bundle bundle = lifecycle.bundle(record);
        return bundle == null || (bundle.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0;
    }
}
