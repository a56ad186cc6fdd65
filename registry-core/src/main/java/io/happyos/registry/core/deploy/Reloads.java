package io.happyos.registry.core.deploy;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.JarVersion;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Deactivation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a bundle's JAR while the container runs: the affected components (the bundle and
 * everything wired to it, and what depends on those in the registry) are deactivated dependents
 * first, the bundle is updated and refreshed, and those that were active are activated again in
 * dependency order. When the new version fails to activate, the previous one is reinstated the same
 * way. Runs on the lifecycle thread.
 */
public final class Reloads {

    private static final Logger LOG = LoggerFactory.getLogger(Reloads.class);

    private final ComponentStore store;
    private final BundleContext context;
    private final Activation activation;
    private final Deactivation deactivation;
    private final VersionHistory history;

    /**
     * @param store the entries
     * @param context the registry bundle's context
     * @param activation how components are activated
     * @param deactivation how components are deactivated
     * @param history the kept versions of each JAR
     */
    public Reloads(
            ComponentStore store,
            BundleContext context,
            Activation activation,
            Deactivation deactivation,
            VersionHistory history) {
        this.store = store;
        this.context = context;
        this.activation = activation;
        this.deactivation = deactivation;
        this.history = history;
    }

    /**
     * What a reload or removal of a component would deactivate.
     *
     * @param id the component
     * @return the active affected ids, dependents first
     */
    public List<String> impact(String id) {
        return deactivation.wouldStop(affected(store.record(id)));
    }

    private Set<String> affected(ComponentRecord record) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(record.id());
        Bundle bundle = record.hasBundle() ? context.getBundle(record.bundleId()) : null;
        if (bundle != null) {
            for (Bundle wired : wiring().getDependencyClosure(List.of(bundle))) {
                store.findByBundle(wired.getBundleId()).ifPresent(r -> ids.add(r.id()));
            }
        }
        return store.readGraph(g -> {
            Set<String> all = new LinkedHashSet<>(ids);
            all.addAll(g.dependentClosure(ids.stream().filter(g::contains).toList()));
            return all;
        });
    }

    /**
     * What a reload did.
     *
     * @param wereActive the components that were active before, and were deactivated for it
     * @param failures why those that did not come back failed; empty when all did
     */
    public record Outcome(List<String> wereActive, List<String> failures) {}

    /**
     * Updates a component's bundle from a JAR, then brings back what was active.
     *
     * @param record the component
     * @param jar the new JAR
     * @param check what the inspector found in it
     * @return what was active and what failed to come back
     * @throws RegistryException when the update itself fails (the old version stays)
     */
    public Outcome reload(ComponentRecord record, Path jar, JarInspector.JarCheck check) {
        List<String> active = stop(record);
        update(record, jar);
        record(check, jar);
        return new Outcome(active, restart(active));
    }

    /**
     * Reinstates a kept version: updates the bundle from it and brings back what was active, and
     * what was active before a failed reload.
     *
     * @param record the component
     * @param version the version to reinstate
     * @param replaceFolderFile told the stored JAR, to copy it where the component's file is
     * @param alsoActive components to activate as well (those a failed reload could not bring back)
     * @return the ids that failed to come back
     */
    public List<String> reinstate(
            ComponentRecord record, JarVersion version, Consumer<Path> replaceFolderFile, List<String> alsoActive) {
        List<String> active = new ArrayList<>(stop(record));
        alsoActive.stream().filter(id -> !active.contains(id)).forEach(active::add);
        update(record, Path.of(version.path()));
        replaceFolderFile.accept(Path.of(version.path()));
        history.recordExisting(record.info().name(), version);
        return restart(active);
    }

    private List<String> stop(ComponentRecord record) {
        List<String> active = deactivation.wouldStop(affected(record));
        deactivation.stopAll(record, active);
        return active;
    }

    private void update(ComponentRecord record, Path jar) {
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle == null) {
            throw new RegistryException(record.id() + " has no bundle to update");
        }
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        } catch (IOException | BundleException e) {
            throw new RegistryException("cannot update " + record.id() + " from " + jar + ": " + e.getMessage(), e);
        }
        Installation.refresh(context, bundle);
    }

    private void record(JarInspector.JarCheck check, Path jar) {
        try {
            history.record(check.symbolicName(), check.version(), check.sha256(), jar);
        } catch (IOException e) {
            LOG.warn("cannot keep a copy of {} for rollback: {}", jar, e.getMessage());
        }
    }

    private List<String> restart(List<String> wereActive) {
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(
                g, wereActive.stream().filter(g::contains).toList()));
        List<String> failures = new ArrayList<>();
        for (String id : order) {
            if (!wereActive.contains(id)
                    || store.find(id)
                            .map(r -> r.status() == ComponentStatus.ACTIVE)
                            .orElse(true)) {
                continue;
            }
            try {
                activation.activate(id);
            } catch (ComponentHeldException e) {
                LOG.info("{}", e.getMessage()); // held back by a hook: no failure of the new version
            } catch (RegistryException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** Copies a file over another through a temporary file and an atomic rename. */
    static void replace(Path source, Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
