package io.happyos.registry.core.internal;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.DependencyException;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.model.PendingWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Explicit dependencies: checked against cycles, queued in the journal, then applied; a write
 * that turns out to fail undoes the change (see {@link PendingWrites}). Runs on the lifecycle
 * thread.
 */
final class ExplicitDependencies {

    private final ComponentStore store;
    private final Journal journal;

    ExplicitDependencies(ComponentStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
    }

    /** Adds {@code dependent -> dependency}, or throws {@link CircularDependencyException}. */
    void add(String dependent, String dependency, String actor) {
        store.record(dependent);
        store.record(dependency);
        if (store.readGraph(g -> g.hasExplicit(dependent, dependency))) {
            return;
        }
        Optional<List<String>> path = store.readGraph(g -> g.findPath(dependency, dependent));
        if (path.isPresent()) {
            List<String> cycle = new ArrayList<>();
            cycle.add(dependent);
            cycle.addAll(path.get());
            throw new CircularDependencyException(cycle);
        }
        CompletableFuture<Void> write = journal.writeDependency(dependent, dependency, actor);
        Optional<List<String>> cycle = store.updateGraph(g -> g.addExplicit(dependent, dependency));
        if (cycle.isPresent()) {
            journal.deleteDependency(dependent, dependency); // a manifest closed the cycle meanwhile
            throw new CircularDependencyException(cycle.get());
        }
        // the operation completes once this is durable; if it cannot be, the edge goes again
        PendingWrites.add(write, () -> store.updateGraph(g -> g.removeExplicit(dependent, dependency)));
    }

    /** Removes {@code dependent -> dependency}, or throws {@link DependencyException}. */
    void remove(String dependent, String dependency) {
        store.record(dependent);
        store.record(dependency);
        if (!store.readGraph(g -> g.hasExplicit(dependent, dependency))) {
            if (!store.readGraph(
                    g -> g.contains(dependent) && g.dependencies(dependent).contains(dependency))) {
                throw new DependencyException(dependent + " does not depend on " + dependency + "; registry:deps "
                        + dependent + " lists its dependencies");
            }
            throw new DependencyException(dependent + " has no explicit dependency on " + dependency
                    + ": declared dependencies follow the manifests and cannot be removed (see registry:deps "
                    + dependent + ")");
        }
        CompletableFuture<Void> write = journal.deleteDependency(dependent, dependency);
        store.updateGraph(g -> g.removeExplicit(dependent, dependency));
        PendingWrites.add(write, () -> store.updateGraph(g -> g.addExplicit(dependent, dependency)));
    }
}
