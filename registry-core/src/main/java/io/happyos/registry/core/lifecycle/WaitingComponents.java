package io.happyos.registry.core.lifecycle;

import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.model.ComponentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components that were asked to become active and wait for something outside them: a
 * requirement that nothing installed provides, a dependency in ERROR, a dependency that waits
 * itself or failed to start. Whenever something arrives (a bundle installed, resolved or updated; a
 * component becoming active or leaving ERROR), {@link #retry} activates, in dependency order, every
 * waiting component that nothing blocks any more.
 *
 * <p>A component joins when an activation of it fails for such a reason, however it was asked for
 * (the bundles folder, the API, the shell, a restart). It leaves when it becomes active, when its
 * own start fails (its activator or a hook is at fault: trying again would fail again), and when it
 * is deactivated, marked in error by hand or unregistered. Every failed retry thus either removes a
 * component or leaves it blocked, so retries never loop.
 *
 * <p>The set is kept in {@code STORAGE/waiting.txt} (written through a temporary file and a rename
 * when it changes), so that a component waiting when the container stopped is still waiting after
 * the restart. Thread-safe: batch workers activate in parallel.
 */
public final class WaitingComponents {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingComponents.class);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Path file;

    /**
     * @param file where the set is kept, or {@code null} to keep it in memory only; read now
     */
    public WaitingComponents(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        ids.add(line.strip());
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot read the waiting components from {}: {}", file, e.getMessage());
            }
        }
    }

    /** @return whether a component waits */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** @return whether nothing waits */
    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** @return the waiting components, sorted */
    public List<String> ids() {
        return List.copyOf(new TreeSet<>(ids));
    }

    /**
     * A component waits for something outside it.
     *
     * @param id the component
     */
    public void add(String id) {
        if (ids.add(id)) {
            save();
        }
    }

    /**
     * A component no longer waits: it is active, failed on its own, or was told otherwise.
     *
     * @param id the component
     */
    public void remove(String id) {
        if (ids.remove(id)) {
            save();
        }
    }

    /**
     * Activates, dependencies first, every waiting component that nothing blocks any more. Runs on
     * the lifecycle thread.
     *
     * @param store the entries (components no longer there stop waiting)
     * @param activation how components are activated
     * @return the components activated
     */
    public List<String> retry(ComponentStore store, Activation activation) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> ready = new ArrayList<>();
        for (String id : ids()) {
            var record = store.find(id);
            if (record.isEmpty()) {
                remove(id);
            } else if (activation.nothingBlocks(id)) {
                ready.add(id);
            } else if (record.get().status() != io.happyos.registry.ComponentStatus.ERROR) {
                activation.showWhyItWaits(id); // after a restart, or stopped because what it needs went
            }
        }
        if (ready.isEmpty()) {
            return List.of();
        }
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(
                g, ready.stream().filter(g::contains).toList()));
        Set<String> wanted = Set.copyOf(ready);
        List<String> activated = new ArrayList<>();
        for (String id : order) {
            if (!wanted.contains(id) || !ids.contains(id)) {
                continue; // not waiting, or brought up already as a dependency of another
            }
            try {
                activation.activate(id);
                activated.add(id);
            } catch (RegistryException e) {
                LOG.info("{} still cannot be activated: {}", id, e.getMessage());
            }
        }
        if (!activated.isEmpty()) {
            LOG.info("activated {} components that were waiting: {}", activated.size(), activated);
        }
        return activated;
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, new TreeSet<>(ids));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot keep the waiting components in {}: {}", file, e.getMessage());
        }
    }
}
