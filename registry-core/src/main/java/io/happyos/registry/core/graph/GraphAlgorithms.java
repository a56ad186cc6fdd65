package io.happyos.registry.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** Orders and cycles of a {@link DependencyGraph}. Pure functions; the caller holds the lock. */
public final class GraphAlgorithms {

    private GraphAlgorithms() {
    }

    /**
     * The strongly connected groups of the given nodes, considering only edges between them. Each
     * group's ids are sorted.
     *
     * @param graph the graph
     * @param subset the nodes to consider
     * @return every group, singletons included, in no particular order
     */
    public static List<List<String>> stronglyConnected(DependencyGraph graph, Set<String> subset) {
        return new Tarjan(graph, subset).run();
    }

    /**
     * The groups of components that depend on each other in a cycle: strongly connected groups of
     * two or more nodes. Ids sorted in each group, groups ordered by first id.
     *
     * @param graph the graph
     * @return the groups
     */
    public static List<List<String>> cycles(DependencyGraph graph) {
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> group : stronglyConnected(graph, graph.nodeIds())) {
            if (group.size() > 1) {
                cycles.add(group);
            }
        }
        cycles.sort(Comparator.comparing(group -> group.get(0)));
        return List.copyOf(cycles);
    }

    /**
     * The activation order of the given nodes and their transitive dependencies: each after all of
     * its dependencies, members of a cycle together and sorted, ties broken by the smallest id.
     *
     * @param graph the graph
     * @param roots the nodes wanted
     * @return the order, unmodifiable
     */
    public static List<String> activationOrder(DependencyGraph graph, Collection<String> roots) {
        List<List<String>> groups = activationGroups(graph, roots);
        List<String> order = new ArrayList<>();
        groups.forEach(order::addAll);
        return List.copyOf(order);
    }

    /**
     * Like {@link #activationOrder} but keeps the groups: a group of more than one id is a cycle
     * whose members must be activated together.
     *
     * @param graph the graph
     * @param roots the nodes wanted
     * @return the groups in activation order
     */
    public static List<List<String>> activationGroups(DependencyGraph graph, Collection<String> roots) {
        Set<String> closure = graph.dependencyClosure(roots);
        List<List<String>> groups = stronglyConnected(graph, closure);
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String id : groups.get(g)) {
                groupOf.put(id, g);
            }
        }
        int[] remaining = new int[groups.size()];
        List<Set<Integer>> dependentGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            dependentGroups.add(new HashSet<>());
        }
        for (int g = 0; g < groups.size(); g++) {
            Set<Integer> needs = new HashSet<>();
            for (String id : groups.get(g)) {
                for (String dependency : graph.out(id)) {
                    Integer target = groupOf.get(dependency);
                    if (target != null && target != g) {
                        needs.add(target);
                    }
                }
            }
            remaining[g] = needs.size();
            for (int target : needs) {
                dependentGroups.get(target).add(g);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparing(g -> groups.get(g).get(0)));
        for (int g = 0; g < groups.size(); g++) {
            if (remaining[g] == 0) {
                ready.add(g);
            }
        }
        List<List<String>> ordered = new ArrayList<>(groups.size());
        while (!ready.isEmpty()) {
            int g = ready.poll();
            ordered.add(groups.get(g));
            for (int dependent : dependentGroups.get(g)) {
                if (--remaining[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        return List.copyOf(ordered);
    }

    /** Tarjan's algorithm without recursion, so deep chains do not overflow the stack. */
    private static final class Tarjan {
        private final DependencyGraph graph;
        private final Set<String> subset;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Set<String> onStack = new HashSet<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<List<String>> groups = new ArrayList<>();
        private int counter;

        Tarjan(DependencyGraph graph, Set<String> subset) {
            this.graph = graph;
            this.subset = subset;
        }

        List<List<String>> run() {
            for (String id : subset) {
                if (!index.containsKey(id)) {
                    visit(id);
                }
            }
            return groups;
        }

        private void visit(String root) {
            Deque<Frame> frames = new ArrayDeque<>();
            frames.push(open(root));
            while (!frames.isEmpty()) {
                Frame frame = frames.peek();
                if (frame.successors.hasNext()) {
                    String next = frame.successors.next();
                    if (!subset.contains(next)) {
                        continue;
                    }
                    if (!index.containsKey(next)) {
                        frames.push(open(next));
                    } else if (onStack.contains(next)) {
                        lowLink.merge(frame.id, index.get(next), Math::min);
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    lowLink.merge(frames.peek().id, lowLink.get(frame.id), Math::min);
                }
                if (lowLink.get(frame.id).equals(index.get(frame.id))) {
                    closeGroup(frame.id);
                }
            }
        }

        private Frame open(String id) {
            index.put(id, counter);
            lowLink.put(id, counter);
            counter++;
            stack.push(id);
            onStack.add(id);
            return new Frame(id, List.copyOf(graph.out(id)).iterator());
        }

        private void closeGroup(String root) {
            List<String> group = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                group.add(member);
            } while (!member.equals(root));
            group.sort(null);
            groups.add(List.copyOf(group));
        }

        private record Frame(String id, Iterator<String> successors) {
        }
    }
}
