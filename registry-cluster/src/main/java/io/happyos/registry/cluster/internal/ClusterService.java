package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.ClusterDifference;
import io.happyos.registry.cluster.ClusterException;
import io.happyos.registry.cluster.ClusterListener;
import io.happyos.registry.cluster.ClusterNode;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.cluster.PickStrategy;
import io.happyos.registry.cluster.RemoteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link ClusterRegistry} one caller gets: queries read the member's view; operations on
 * another node go through its request channel, under the caller's actor name, and are audited on
 * this node too.
 */
final class ClusterService implements ClusterRegistry {

    private final Supplier<ClusterMember> member;
    private final String actor;
    private final InstancePicker picker;

    /**
     * @param member the current member, or {@code null} while the registry is not there
     * @param actor the caller, as the audit log names it ({@code shell}, {@code bundle:NAME})
     * @param picker the picker shared by all callers (round-robin turns are the cluster's, not the caller's)
     */
    ClusterService(Supplier<ClusterMember> member, String actor, InstancePicker picker) {
        this.member = member;
        this.actor = actor;
        this.picker = picker;
    }

    private ClusterMember member() {
        ClusterMember current = member.get();
        if (current == null) {
            throw new ClusterException("the cluster view is not ready: the registry service is not available yet");
        }
        return current;
    }

    @Override
    public String nodeName() {
        return member().settings().node();
    }

    @Override
    public boolean isStale() {
        return member().staleSince() != null;
    }

    @Override
    public List<ClusterNode> getNodes() {
        ClusterMember m = member();
        return m.view().nodes(m.staleSince());
    }

    @Override
    public List<ClusterComponent> getComponents(String node, String type, ComponentStatus status) {
        return member().view().components(node, type, status);
    }

    @Override
    public List<ClusterComponent> getInstances(String nameOrType) {
        Objects.requireNonNull(nameOrType, "nameOrType");
        return member().view().instances(nameOrType);
    }

    @Override
    public Optional<ClusterComponent> pick(String nameOrType, PickStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return picker.pick(nameOrType, getInstances(nameOrType), strategy);
    }

    @Override
    public CompletionStage<List<ClusterDifference>> diff(String left, String right) {
        ClusterMember m = member();
        for (String node : List.of(left, right)) {
            if (!m.view().hasNode(node)) {
                return CompletableFuture.failedFuture(
                        new ClusterException("unknown node '" + node + "'; cluster:nodes lists the live nodes"));
            }
        }
        Map<String, ClusterComponent> l = byName(m.view().components(left, null, null));
        Map<String, ClusterComponent> r = byName(m.view().components(right, null, null));
        List<CompletableFuture<ClusterDifference>> found = new ArrayList<>();
        for (String name : new TreeSet<>(union(l, r))) {
            ClusterComponent a = l.get(name);
            ClusterComponent b = r.get(name);
            if (a == null || b == null) {
                found.add(CompletableFuture.completedFuture(new ClusterDifference(
                        a == null ? ClusterDifference.Kind.ONLY_RIGHT : ClusterDifference.Kind.ONLY_LEFT,
                        name,
                        a == null ? null : a.id(),
                        b == null ? null : b.id(),
                        null)));
            } else if (!Objects.equals(
                    a.entry().component().version(), b.entry().component().version())) {
                found.add(CompletableFuture.completedFuture(new ClusterDifference(
                        ClusterDifference.Kind.VERSION,
                        name,
                        a.entry().component().version(),
                        b.entry().component().version(),
                        null)));
            } else if (a.status() != b.status()) {
                found.add(statusDifference(name, a, b));
            }
        }
        return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
                .thenApply(v -> found.stream().map(CompletableFuture::join).toList());
    }

    /** Both have it, with different statuses: the one not ACTIVE (or the right one) says why. */
    private CompletableFuture<ClusterDifference> statusDifference(String name, ClusterComponent a, ClusterComponent b) {
        ClusterComponent asked = a.status() != ComponentStatus.ACTIVE ? a : b;
        return explain(asked.node(), asked.id())
                .toCompletableFuture()
                .handle((result, error) -> new ClusterDifference(
                        ClusterDifference.Kind.STATUS,
                        name,
                        a.status().name(),
                        b.status().name(),
                        error != null
                                ? "(cannot ask node " + asked.node() + ": " + LocalOperations.message(error) + ")"
                                : "on " + asked.node() + ": " + result.message()));
    }

    private static Map<String, ClusterComponent> byName(List<ClusterComponent> components) {
        Map<String, ClusterComponent> out = new TreeMap<>();
        components.forEach(c -> out.putIfAbsent(c.name(), c));
        return out;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> out = new ArrayList<>(a.keySet());
        out.addAll(b.keySet());
        return out;
    }

    @Override
    public CompletionStage<RemoteResult> activate(String node, String id) {
        return change(node, LocalOperations.ACTIVATE, id);
    }

    @Override
    public CompletionStage<RemoteResult> deactivate(String node, String id) {
        return change(node, LocalOperations.DEACTIVATE, id);
    }

    @Override
    public CompletionStage<RemoteResult> explain(String node, String id) {
        return member().requests().ask(node, LocalOperations.EXPLAIN, id, actor);
    }

    private CompletionStage<RemoteResult> change(String node, String operation, String id) {
        ClusterMember m = member();
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(id, "id");
        return m.requests().ask(node, operation, id, actor).whenComplete((result, error) -> {
            if (node.equals(m.settings().node())) {
                return; // done here: the registry audited it itself
            }
            boolean ok = error == null && result.ok();
            String why = error != null ? LocalOperations.message(error) : result.ok() ? null : result.message();
            m.registry()
                    .actingFor(actor)
                    .diagnostics()
                    .recordAudit("cluster:" + operation, result == null ? id : result.id(), ok, why, "on node " + node);
        });
    }

    @Override
    public CompletionStage<List<RemoteResult>> rollingChange(String name, boolean activate) {
        List<String> nodes = member().view().components(null, null, null).stream()
                .filter(c -> c.name().equals(name))
                .map(ClusterComponent::node)
                .distinct()
                .sorted()
                .toList();
        CompletableFuture<List<RemoteResult>> done = new CompletableFuture<>();
        next(name, activate, nodes, 0, new ArrayList<>(), done);
        return done;
    }

    private void next(
            String name,
            boolean activate,
            List<String> nodes,
            int index,
            List<RemoteResult> results,
            CompletableFuture<List<RemoteResult>> done) {
        if (index == nodes.size()) {
            done.complete(List.copyOf(results));
            return;
        }
        String node = nodes.get(index);
        (activate ? activate(node, name) : deactivate(node, name)).whenComplete((result, error) -> {
            RemoteResult r = error == null
                    ? result
                    : new RemoteResult(
                            node,
                            name,
                            activate ? LocalOperations.ACTIVATE : LocalOperations.DEACTIVATE,
                            false,
                            null,
                            LocalOperations.message(error));
            results.add(r);
            if (r.ok()) {
                next(name, activate, nodes, index + 1, results, done);
            } else {
                done.complete(List.copyOf(results));
            }
        });
    }

    @Override
    public Map<String, String> getSingletons() {
        Map<String, String> out = new TreeMap<>();
        for (ClusterComponent c : member().view().components(null, null, null)) {
            if (c.singleton()) {
                String running = c.status() == ComponentStatus.ACTIVE ? c.node() : null;
                if (running != null || !out.containsKey(c.name())) {
                    out.put(c.name(), running);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public Optional<Long> fencingToken(String name) {
        return member().singletons().token(name);
    }

    @Override
    public Registration addListener(ClusterListener listener) {
        ClusterMember m = member();
        m.view().addListener(listener);
        return () -> m.view().removeListener(listener);
    }
}
