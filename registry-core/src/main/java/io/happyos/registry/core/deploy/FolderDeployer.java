package io.happyos.registry.core.deploy;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.JarVersion;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what changed in the bundles folder: new JARs are checked, installed together and
 * activated in dependency order (or when their requirements arrive); changed JARs are reloaded, and
 * rolled back when the new version does not come up; removed JARs are unregistered. A file that is
 * not a valid bundle goes to {@code .quarantine/} with a reason beside it. Runs on the lifecycle
 * thread, so one change at a time.
 */
public final class FolderDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(FolderDeployer.class);
    static final String QUARANTINE = ".quarantine";
    private static final int MAX_TRIES = 5;

    private final Path folder;
    private final ComponentStore store;
    private final BundleContext context;
    private final Activation activation;
    private final Installation installation;
    private final Reloads reloads;
    private final VersionHistory history;
    private final DeployState state;
    private final boolean autoRollback;
    private final java.time.Duration grace;
    private final java.util.function.Consumer<Runnable> onLifecycleThread;
    private final io.happyos.registry.core.model.Journal journal;
    private final Quarantine quarantine;
    private final java.util.concurrent.ScheduledExecutorService timer;

    /**
     * @param folder the bundles folder
     * (the last parameter, {@code threads}, makes its reload-grace timer)
     * @param store the entries
     * @param context the registry bundle's context
     * @param activation how components are activated
     * @param installation how JARs are installed and uninstalled
     * @param reloads how JARs are replaced
     * @param history the kept versions
     * @param stateFile where the checksums of installed JARs are kept
     * @param autoRollback whether a reload that fails is rolled back
     * @param grace how long after a reload a component going to ERROR still rolls it back
     * @param onLifecycleThread runs a task on the lifecycle thread (for the grace-period check)
     * @param journal where the audit records of what the folder did go
     */
    public FolderDeployer(
            Path folder,
            ComponentStore store,
            BundleContext context,
            Activation activation,
            Installation installation,
            Reloads reloads,
            VersionHistory history,
            Path stateFile,
            boolean autoRollback,
            java.time.Duration grace,
            java.util.function.Consumer<Runnable> onLifecycleThread,
            io.happyos.registry.core.model.Journal journal,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.timer = threads.scheduler("reload-grace");
        this.folder = folder.toAbsolutePath().normalize();
        this.store = store;
        this.context = context;
        this.activation = activation;
        this.installation = installation;
        this.reloads = reloads;
        this.history = history;
        this.state = new DeployState(stateFile);
        this.autoRollback = autoRollback;
        this.grace = grace;
        this.onLifecycleThread = onLifecycleThread;
        this.journal = journal;
        this.quarantine = new Quarantine(this.folder, store, this::audit);
    }

    private void audit(String operation, String componentId, String error, String details) {
        journal.audit(io.happyos.registry.core.model.Actors.FOLDER_WATCHER, operation, componentId, error, details);
    }

    /** Stops the grace-period timer. */
    public void close() {
        timer.shutdownNow();
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /**
     * The folder is the truth: at start-up, JARs added, changed or removed while the container was
     * down are installed, reloaded or uninstalled.
     *
     * @param scanner told which files are already handled
     */
    public void reconcile(FolderScanner scanner) {
        quarantine.restore(scanner);
        List<Path> added = new ArrayList<>();
        List<Path> changed = new ArrayList<>();
        for (Path jar : jars()) {
            Bundle bundle = context.getBundle(location(jar));
            if (bundle == null) {
                added.add(jar);
            } else if (!checksum(jar).equals(state.checksum(location(jar)))) {
                changed.add(jar);
            } else {
                scanner.markReported(jar);
            }
        }
        List<Path> removed = new ArrayList<>();
        String prefix = folder.toUri().toString();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith(prefix)
                    && !location.substring(prefix.length()).contains("/")
                    && !Files.exists(Path.of(java.net.URI.create(location)))) {
                removed.add(Path.of(java.net.URI.create(location)));
            }
        }
        handle(new FolderScanner.Changes(added, changed, removed), scanner);
        added.forEach(scanner::markReported);
        changed.forEach(scanner::markReported);
    }

    /**
     * Applies one set of changes.
     *
     * @param changes what the scanner found
     * @param scanner told of quarantined files, which are no longer the folder's
     */
    public void handle(FolderScanner.Changes changes, FolderScanner scanner) {
        quarantine.reexamine(changes.quarantined(), scanner);
        for (Path jar : changes.removed()) {
            attempt("remove", jar, () -> remove(jar), 0);
        }
        for (Path jar : changes.changed()) {
            attempt("reload", jar, () -> change(jar, scanner), 0);
        }
        add(changes.added(), scanner);
    }

    /**
     * Applies the removal or change of one file; one that fails is audited and tried again a few
     * times, a little later each time, so that a folder change is never left half-applied.
     */
    private void attempt(String operation, Path jar, Runnable change, int tries) {
        try {
            change.run();
        } catch (RuntimeException e) {
            boolean again = tries < MAX_TRIES;
            audit(
                    operation,
                    idOf(jar),
                    e.getMessage(),
                    jar.getFileName()
                            + (again
                                    ? ": tried again in " + retryDelay(tries) + " ms"
                                    : ": given up after " + (tries + 1) + " tries"));
            LOG.warn(
                    "could not apply the {} of {} ({}){}",
                    operation,
                    jar.getFileName(),
                    e.getMessage(),
                    again ? "; trying again" : "; giving up: fix the cause, then touch or remove the file again");
            if (again) {
                try {
                    timer.schedule(
                            () -> onLifecycleThread.accept(() -> attempt(operation, jar, change, tries + 1)),
                            retryDelay(tries),
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    LOG.debug("registry stopping: the {} of {} is applied at the next start", operation, jar);
                }
            }
        }
    }

    private static long retryDelay(int tries) {
        return 1000L << Math.min(tries, 4);
    }

    private String idOf(Path jar) {
        Bundle bundle = context.getBundle(location(jar));
        String file = jar.getFileName().toString();
        return bundle == null
                ? file
                : store.findByBundle(bundle.getBundleId())
                        .map(ComponentRecord::id)
                        .orElse(file);
    }

    private void remove(Path jar) {
        if (Files.exists(jar)) {
            return; // back again since the removal was seen: nothing to remove
        }
        String location = location(jar);
        Bundle bundle = context.getBundle(location);
        ComponentRecord record =
                bundle == null ? null : store.findByBundle(bundle.getBundleId()).orElse(null);
        if (record != null) {
            LOG.info("{} was removed from the bundles folder: unregistering {}", jar.getFileName(), record.id());
            activation.waiting().remove(record.id());
            List<String> stopped = installation.unregister(record.id());
            // what stopped with it waits for it (or another provider) to come back
            stopped.forEach(activation.waiting()::add);
            stopped.forEach(activation::showWhyItWaits);
            audit(
                    "remove",
                    record.id(),
                    null,
                    jar.getFileName() + " was removed from the bundles folder"
                            + (stopped.isEmpty() ? "" : "; stopped with it, waiting for it to come back: " + stopped));
        }
        state.remove(location);
    }

    private void add(List<Path> jars, FolderScanner scanner) {
        List<String> installed = new ArrayList<>();
        Map<Path, JarInspector.JarCheck> toKeep = new java.util.LinkedHashMap<>();
        Map<String, String> byNameAndVersion = installedByNameAndVersion();
        try {
            for (Path jar : jars) {
                JarInspector.JarCheck check = JarInspector.inspect(jar);
                String problem = check.valid() ? duplicate(check, jar, byNameAndVersion) : check.reason();
                if (problem != null) {
                    quarantine(jar, problem, scanner);
                    continue;
                }
                if (context.getBundle(location(jar)) != null) {
                    change(jar, scanner); // a quarantined file came back as a good one for an installed bundle
                    continue;
                }
                clearQuarantineEntry(jar);
                try {
                    String id = installation.register(ComponentInfo.ofJar(jar.toString()), false);
                    byNameAndVersion.put(check.symbolicName() + " " + check.version(), location(jar));
                    toKeep.put(jar, check);
                    installed.add(id);
                    audit("deploy", id, null, jar.getFileName() + " " + check.version());
                } catch (RegistryException e) {
                    if (stopping()) {
                        // the framework is shutting down: the file is fine, it is deployed at the next start
                        LOG.info("not deploying {}: the framework is stopping", jar.getFileName());
                        return;
                    }
                    quarantine(jar, e.getMessage(), scanner);
                }
            }
            activation.resolveAll(installed); // the whole set in one resolver pass
            activateInOrder(installed);
        } finally {
            // housekeeping after the plugins run: the copies for rollback, and the checksums saved
            // once for the whole set (a crash before this reloads the same JARs at the next start)
            toKeep.forEach((jar, check) -> keep(check, jar));
            state.save();
        }
    }

    /** Whether the framework is on its way down, when an install failing says nothing about the file. */
    private boolean stopping() {
        try {
            Bundle system = context.getBundle(0);
            return system == null
                    || system.getState() != Bundle.ACTIVE
                    || context.getBundle().getState() == Bundle.STOPPING;
        } catch (IllegalStateException invalidContext) {
            return true;
        }
    }

    private void change(Path jar, FolderScanner scanner) {
        JarInspector.JarCheck check = JarInspector.inspect(jar);
        if (!check.valid()) {
            quarantine(jar, check.reason(), scanner);
            return;
        }
        Bundle bundle = context.getBundle(location(jar));
        if (bundle == null) {
            add(List.of(jar), scanner);
            return;
        }
        if (check.sha256().equals(state.checksum(location(jar)))) {
            return; // written again with the same content
        }
        ComponentRecord record = store.findByBundle(bundle.getBundleId()).orElseThrow();
        String from = record.info().version();
        LOG.info("{} changed: reloading {} {} -> {}", jar.getFileName(), record.id(), from, check.version());
        Reloads.Outcome outcome = reloads.reload(record, jar, check);
        state.put(location(jar), check.sha256());
        audit(
                "reload",
                record.id(),
                outcome.failures().isEmpty() ? null : String.join("; ", outcome.failures()),
                from + " -> " + check.version());
        if (!outcome.failures().isEmpty()) {
            String reason = String.join("; ", outcome.failures());
            store.recordError(record, "reload of " + record.id() + " to " + check.version() + " failed: " + reason);
            if (autoRollback) {
                rollBack(record, from, reason, outcome.wereActive());
            }
        } else if (autoRollback) {
            watchAfterReload(record, jar, check.sha256(), from, outcome.wereActive());
        }
    }

    /**
     * A reloaded component that goes to ERROR within the grace period is rolled back as if it had
     * failed to start, unless its file changed again meanwhile.
     */
    private void watchAfterReload(
            ComponentRecord record, Path jar, String sha256, String from, List<String> wereActive) {
        long deadline = System.nanoTime() + grace.toNanos();
        Runnable[] check = new Runnable[1];
        check[0] = () -> onLifecycleThread.accept(() -> {
            if (!sha256.equals(state.checksum(location(jar)))
                    || store.find(record.id()).orElse(null) != record) {
                return;
            }
            if (record.status() == ComponentStatus.ERROR) {
                var errors = record.errors();
                String why = errors.isEmpty()
                        ? "it went to ERROR"
                        : errors.get(errors.size() - 1).message();
                rollBack(
                        record,
                        from,
                        "went to ERROR within " + grace.toSeconds() + " s of the reload: " + why,
                        wereActive);
            } else if (System.nanoTime() < deadline) {
                schedule(check[0]);
            }
        });
        schedule(check[0]);
    }

    private void schedule(Runnable check) {
        try {
            timer.schedule(check, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("registry stopping: grace-period check dropped");
        }
    }

    /** Puts back the version that was running before a failed reload. */
    private void rollBack(ComponentRecord record, String toVersion, String why, List<String> wereActive) {
        List<JarVersion> versions = history.list(record.info().name());
        Optional<JarVersion> previous = versions.stream()
                .skip(1)
                .filter(v -> v.version().equals(toVersion))
                .findFirst()
                .or(() -> versions.stream().skip(1).findFirst());
        if (previous.isEmpty()) {
            LOG.warn("cannot roll {} back: no earlier version kept", record.id());
            return;
        }
        rollBackTo(record, previous.get(), wereActive);
        String message =
                "rolled back " + record.id() + " to " + previous.get().version() + " after a failed reload: " + why;
        store.recordError(record, message);
        audit("rollback", record.id(), null, message);
        LOG.warn("{}", message);
    }

    /**
     * Reinstates a kept version of a component, replacing the folder's file too.
     *
     * @param record the component
     * @param version the version
     * @param alsoActive components to activate afterwards as well
     * @return what failed to come back
     */
    public List<String> rollBackTo(ComponentRecord record, JarVersion version, List<String> alsoActive) {
        Path file = record.info().path() == null ? null : Path.of(record.info().path());
        return reloads.reinstate(
                record,
                version,
                stored -> {
                    if (file != null && file.startsWith(folder)) {
                        state.put(location(file), version.checksum()); // the watcher then finds nothing new
                        try {
                            Reloads.replace(stored, file);
                        } catch (IOException e) {
                            LOG.warn("cannot put version {} back into {}: {}", version.version(), file, e.getMessage());
                        }
                    }
                },
                alsoActive);
    }

    /** The installed bundles' locations by symbolic name and version, read once per set of new JARs. */
    private Map<String, String> installedByNameAndVersion() {
        Map<String, String> locations = new java.util.HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            locations.putIfAbsent(bundle.getSymbolicName() + " " + bundle.getVersion(), bundle.getLocation());
        }
        return locations;
    }

    private String duplicate(JarInspector.JarCheck check, Path jar, Map<String, String> byNameAndVersion) {
        String location = byNameAndVersion.get(check.symbolicName() + " " + check.version());
        if (location != null && !location.equals(location(jar))) {
            return "duplicate: " + check.symbolicName() + " " + check.version() + " is already installed from "
                    + location + "; remove one of the two files";
        }
        return null;
    }

    private void quarantine(Path jar, String reason, FolderScanner scanner) {
        quarantine.move(jar, reason, scanner);
    }

    private void clearQuarantineEntry(Path jar) {
        quarantine.clearEntry(jar);
    }

    /** Keeps the checksum (saved by the caller) and a copy for rollback. */
    private void keep(JarInspector.JarCheck check, Path jar) {
        state.putUnsaved(location(jar), check.sha256());
        try {
            history.record(check.symbolicName(), check.version(), check.sha256(), jar);
        } catch (IOException e) {
            LOG.warn("cannot keep a copy of {} for rollback: {}", jar, e.getMessage());
        }
    }

    private void activateInOrder(List<String> ids) {
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(
                g, ids.stream().filter(g::contains).toList()));
        Set<String> wanted = new java.util.HashSet<>(ids);
        for (String id : order) {
            if (wanted.contains(id)) {
                tryActivate(id);
            }
        }
    }

    /**
     * Activates; a component that waits for a requirement or a dependency is activated when that
     * arrives (see {@link io.happyos.registry.core.lifecycle.WaitingComponents}).
     */
    private void tryActivate(String id) {
        if (store.find(id).isEmpty()) {
            return;
        }
        try {
            activation.activate(id);
        } catch (ComponentHeldException e) {
            LOG.info("{}", e.getMessage()); // not an error: it is activated when the hook lets it
        } catch (RegistryException e) {
            if (activation.waiting().contains(id)) {
                LOG.info("{} waits: {}", id, e.getMessage());
            } else {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    private List<Path> jars() {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")
                            && Files.isRegularFile(f)
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot read the bundles folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static String checksum(Path jar) {
        String sha = JarInspector.inspect(jar).sha256();
        return sha == null ? "" : sha;
    }

    private static String location(Path jar) {
        return jar.toAbsolutePath().normalize().toUri().toString();
    }
}
