package io.happyos.registry.core.internal;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Snapshots of the dependency graph for export: the whole graph, or one component's neighbourhood. */
final class GraphViews {

    private GraphViews() {}

    static DependencyGraphView whole(ComponentStore store) {
        return view(store, store.readGraph(g -> new TreeSet<>(g.nodeIds())));
    }

    static DependencyGraphView around(ComponentStore store, String id) {
        store.record(id);
        Set<String> ids = store.readGraph(g -> {
            Set<String> around = new TreeSet<>(g.dependencyClosure(List.of(id)));
            around.addAll(g.dependentClosure(List.of(id)));
            return around;
        });
        return view(store, ids);
    }

    private static DependencyGraphView view(ComponentStore store, Collection<String> ids) {
        List<DependencyGraphView.Node> nodes = new ArrayList<>();
        for (String id : ids) {
            store.find(id)
                    .ifPresent(r -> nodes.add(new DependencyGraphView.Node(
                            id, r.info().name(), r.info().type(), r.status())));
        }
        Set<DependencyGraphView.Edge> edges = new LinkedHashSet<>();
        store.readGraph(g -> {
            for (String id : ids) {
                if (!g.contains(id)) {
                    continue;
                }
                for (Dependency d : g.dependencyDetails(id)) {
                    if (ids.contains(d.id())) {
                        edges.add(new DependencyGraphView.Edge(id, d.id(), d.origin()));
                    }
                }
            }
            return null;
        });
        return new DependencyGraphView(nodes, new ArrayList<>(edges));
    }
}
