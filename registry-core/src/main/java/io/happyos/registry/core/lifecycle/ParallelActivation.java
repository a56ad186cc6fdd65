package io.happyos.registry.core.lifecycle;

import io.happyos.registry.BatchItem;
import io.happyos.registry.BatchOutcome;
import io.happyos.registry.BatchResult;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.DependencyGraph;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Activates many components level by level of the dependency graph: level 0 needs nothing of the
 * batch, level n needs only lower levels, so the members of one level are activated in parallel
 * (bounded). A failed component does not stop unrelated ones; its dependents are skipped and name
 * it. Called on the lifecycle thread, which waits for each level.
 */
public final class ParallelActivation implements AutoCloseable {

    private final ComponentStore store;
    private final Activation activation;
    private final ExecutorService workers;

    /**
     * @param store the entries
     * @param activation how one component is activated
     * @param parallelism how many at once
     */
    public ParallelActivation(
            ComponentStore store,
            Activation activation,
            int parallelism,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.store = store;
        this.activation = activation;
        this.workers = threads.fixed("batch", parallelism);
    }

    /**
     * Activates the components and their dependencies.
     *
     * @param ids the components
     * @return one item per component activated or considered, in activation order
     */
    public BatchResult activate(Collection<String> ids) {
        ids.forEach(store::record);
        Map<String, Integer> level = new HashMap<>();
        List<List<List<String>>> levels = store.readGraph(g -> levels(g, ids, level));
        // one resolver pass for the whole batch: the workers' own resolves then find nothing to do
        activation.resolveAll(level.keySet());
        Map<String, BatchItem> items = new LinkedHashMap<>();
        for (List<List<String>> groups : levels) {
            List<Future<List<BatchItem>>> running = new ArrayList<>();
            for (List<String> group : groups) {
                String blocker = failedDependency(group, items);
                if (blocker != null) {
                    for (String id : group) {
                        items.put(
                                id,
                                new BatchItem(id, id, BatchOutcome.SKIPPED, "its dependency " + blocker + " failed"));
                    }
                    continue;
                }
                running.add(workers.submit(() -> activateGroup(group, ids)));
            }
            for (Future<List<BatchItem>> future : running) {
                for (BatchItem item : join(future)) {
                    items.put(item.key(), item);
                }
            }
        }
        return new BatchResult(new ArrayList<>(items.values()));
    }

    private List<BatchItem> activateGroup(List<String> group, Collection<String> requested) {
        List<BatchItem> result = new ArrayList<>();
        for (String id : group) {
            String inError = requested.contains(id) ? null : activation.errorAsDependency(id);
            if (inError != null) {
                // a dependency in ERROR is not started on the way: it blocks its dependents instead
                result.add(new BatchItem(id, id, BatchOutcome.FAILED, inError));
                continue;
            }
            try {
                boolean changed = activation.activate(id);
                result.add(new BatchItem(id, id, changed ? BatchOutcome.DONE : BatchOutcome.UNCHANGED, null));
            } catch (RegistryException e) {
                result.add(new BatchItem(id, id, BatchOutcome.FAILED, e.getMessage()));
            }
        }
        return result;
    }

    /** The first dependency of a group, outside it, that failed or was skipped in this batch. */
    private String failedDependency(List<String> group, Map<String, BatchItem> done) {
        for (String id : group) {
            for (String dependency : store.readGraph(g -> g.dependencies(id))) {
                BatchItem item = done.get(dependency);
                if (!group.contains(dependency) && item != null && !item.succeeded()) {
                    return dependency;
                }
            }
        }
        return null;
    }

    /** Groups (cycles together) of the closure, bucketed by level: 1 + the highest level they need. */
    private static List<List<List<String>>> levels(
            DependencyGraph graph, Collection<String> ids, Map<String, Integer> level) {
        List<List<List<String>>> levels = new ArrayList<>();
        for (List<String> group : GraphAlgorithms.activationGroups(graph, ids)) {
            Set<String> members = Set.copyOf(group);
            int mine = 0;
            for (String id : group) {
                for (String dependency : graph.dependencies(id)) {
                    if (!members.contains(dependency)) {
                        mine = Math.max(mine, level.getOrDefault(dependency, -1) + 1);
                    }
                }
            }
            for (String id : group) {
                level.put(id, mine);
            }
            while (levels.size() <= mine) {
                levels.add(new ArrayList<>());
            }
            levels.get(mine).add(group);
        }
        return levels;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while activating a batch", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new RegistryException("batch activation failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
