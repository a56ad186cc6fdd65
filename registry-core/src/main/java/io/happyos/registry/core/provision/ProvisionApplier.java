package io.happyos.registry.core.provision;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ProvisionResult;
import io.happyos.registry.ProvisionResult.Action;
import io.happyos.registry.ProvisionResult.Change;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.deploy.JarInspector;
import io.happyos.registry.core.deploy.Reloads;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link ProvisionPlan} on the lifecycle thread through the registry's own paths:
 * installs what is new ({@link Installation}, so hooks and entries are as for any bundle), updates
 * what changed ({@link Reloads}), activates the new bundles in dependency order, uninstalls what the
 * sets no longer list, then keeps the sets. An install that fails uninstalls what this plan
 * installed before it, so a plan is carried out whole or not at all (activation failures aside:
 * those leave the entry in ERROR, as for any bundle).
 */
final class ProvisionApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionApplier.class);

    private final ComponentStore store;
    private final BundleContext context;
    private final Installation installation;
    private final Activation activation;
    private final Reloads reloads;
    private final KeptSets kept;
    private final Clock clock;

    ProvisionApplier(
            ComponentStore store,
            BundleContext context,
            Installation installation,
            Activation activation,
            Reloads reloads,
            KeptSets kept,
            Clock clock) {
        this.store = store;
        this.context = context;
        this.installation = installation;
        this.activation = activation;
        this.reloads = reloads;
        this.kept = kept;
        this.clock = clock;
    }

    ProvisionResult apply(ProvisionPlan plan, String actor) {
        Map<String, Change> changes = new LinkedHashMap<>();
        List<String> installed = new ArrayList<>();
        List<String> toActivate = new ArrayList<>();
        try {
            for (ProvisionPlan.Set set : plan.sets()) {
                for (PlannedBundle bundle : set.bundles()) {
                    if (!changes.containsKey(bundle.location())) {
                        changes.put(bundle.location(), handle(bundle, installed, toActivate));
                    }
                }
            }
        } catch (RuntimeException e) {
            undo(installed);
            throw e;
        }
        activation.resolveAll(installed);
        activateInOrder(toActivate);
        Set<String> names = new HashSet<>();
        plan.sets().forEach(s -> names.add(s.name()));
        for (ProvisionPlan.Set set : plan.sets()) {
            kept.get(set.name())
                    .ifPresent(previous -> KeptSets.asPlan(previous).bundles().stream()
                            .map(PlannedBundle::location)
                            .filter(location -> !changes.containsKey(location))
                            .forEach(location -> changes.put(location, remove(location, names))));
        }
        if (!plan.operation().equals("restore")) { // a restore puts back what was kept, as it was
            for (ProvisionPlan.Set set : plan.sets()) {
                kept.put(set, actor, clock.instant());
            }
        }
        return new ProvisionResult(List.copyOf(names.stream().sorted().toList()), List.copyOf(changes.values()));
    }

    /** Forgets a set; its bundles no other set lists are uninstalled. */
    ProvisionResult unprovision(String name) {
        ProvisionPlan.Set set = kept.get(name)
                .map(KeptSets::asPlan)
                .orElseThrow(() ->
                        new RegistryException("no provisioned set named '" + name + "'; registry:sets lists them"));
        List<Change> changes = new ArrayList<>();
        // dependents first: the reverse of the order they were installed in
        List<PlannedBundle> bundles = new ArrayList<>(set.bundles());
        java.util.Collections.reverse(bundles);
        for (PlannedBundle bundle : bundles) {
            changes.add(remove(bundle.location(), Set.of(name)));
        }
        kept.remove(name);
        java.util.Collections.reverse(changes);
        return new ProvisionResult(List.of(name), changes);
    }

    private Change handle(PlannedBundle bundle, List<String> installed, List<String> toActivate) {
        Bundle existing = context.getBundle(bundle.location());
        if (existing != null) {
            String id = idOf(existing);
            String before = kept.checksum(bundle.location());
            if (bundle.file() == null || before == null || before.equals(bundle.sha256()) || id == null) {
                return new Change(bundle.location(), id, Action.UNCHANGED, "");
            }
            Reloads.Outcome outcome =
                    reloads.reload(store.record(id), bundle.file(), JarInspector.inspect(bundle.file()));
            return new Change(
                    bundle.location(),
                    id,
                    Action.UPDATED,
                    "content changed; reloaded"
                            + (outcome.failures().isEmpty() ? "" : "; did not come back: " + outcome.failures()));
        }
        if (bundle.file() == null) {
            throw new RegistryException(bundle.location() + " is not installed and was not resolved");
        }
        Bundle same = sameNameAndVersion(bundle);
        if (same != null) {
            return new Change(
                    bundle.location(),
                    idOf(same),
                    Action.PRESENT,
                    bundle.symbolicName() + " " + bundle.version() + " is already installed from "
                            + same.getLocation());
        }
        String id;
        if (bundle.location().startsWith("file:")) {
            id = installation.register(ComponentInfo.ofJar(bundle.file().toString()), false);
        } else {
            ComponentInfo info = new ComponentInfo(
                    bundle.file().getFileName().toString(),
                    DynamicRegistry.TYPE_BUNDLE,
                    bundle.location(),
                    null,
                    null,
                    null,
                    Map.of(),
                    null);
            id = installation.register(info, bundle.file(), false);
        }
        installed.add(id);
        if (bundle.start()) {
            toActivate.add(id);
        }
        return new Change(bundle.location(), id, Action.INSTALLED, bundle.symbolicName() + " " + bundle.version());
    }

    private Change remove(String location, Set<String> sets) {
        if (kept.locationsOutside(sets).contains(location)) {
            return new Change(location, idOf(context.getBundle(location)), Action.UNCHANGED, "another set lists it");
        }
        Bundle bundle = context.getBundle(location);
        String id = idOf(bundle);
        if (id == null) {
            return new Change(location, null, Action.REMOVED, "was not installed");
        }
        activation.waiting().remove(id);
        List<String> stopped = installation.unregister(id);
        return new Change(
                location,
                null,
                Action.REMOVED,
                "was " + id + (stopped.isEmpty() ? "" : "; stopped with it: " + String.join(", ", stopped)));
    }

    private void undo(List<String> installed) {
        for (int i = installed.size() - 1; i >= 0; i--) {
            try {
                installation.unregister(installed.get(i));
            } catch (RuntimeException e) {
                LOG.warn("could not uninstall {} after a failed provisioning: {}", installed.get(i), e.getMessage());
            }
        }
    }

    private Bundle sameNameAndVersion(PlannedBundle bundle) {
        for (Bundle b : context.getBundles()) {
            if (bundle.symbolicName().equals(b.getSymbolicName())
                    && org.osgi.framework.Version.parseVersion(bundle.version()).equals(b.getVersion())) {
                return b;
            }
        }
        return null;
    }

    private String idOf(Bundle bundle) {
        return bundle == null
                ? null
                : store.findByBundle(bundle.getBundleId())
                        .map(ComponentRecord::id)
                        .orElse(null);
    }

    private void activateInOrder(List<String> ids) {
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(
                g, ids.stream().filter(g::contains).toList()));
        Set<String> wanted = new HashSet<>(ids);
        for (String id : order) {
            if (wanted.contains(id) && store.find(id).isPresent()) {
                tryActivate(id);
            }
        }
    }

    /** As the bundles folder does: one that waits for a requirement is activated when it arrives. */
    private void tryActivate(String id) {
        try {
            activation.activate(id);
        } catch (ComponentHeldException e) {
            LOG.info("{}", e.getMessage());
        } catch (RegistryException e) {
            if (activation.waiting().contains(id)) {
                LOG.info("{} waits: {}", id, e.getMessage());
            } else {
                LOG.warn("{}", e.getMessage());
            }
        }
    }
}
