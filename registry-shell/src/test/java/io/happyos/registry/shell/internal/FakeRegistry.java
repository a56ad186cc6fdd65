package io.happyos.registry.shell.internal;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyException;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.StatusCallback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** An in-memory registry for the shell's unit tests: no bundles, no threads, a simple graph. */
final class FakeRegistry implements DynamicRegistry {

    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private static final class State {
        ComponentInfo info;
        ComponentStatus status = ComponentStatus.REGISTERED;
        long bundleId = RegistryEntry.NO_BUNDLE;
        boolean failsToStart;
        final List<ErrorRecord> errors = new ArrayList<>();
    }

    private final Map<String, State> states = new TreeMap<>();
    /** One edge of the graph: {@code to.id()} is the dependency. */
    private record Edge(String from, Dependency to) {
    }

    private final List<Edge> edges = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private long nextBundle = 100;

    FakeRegistry add(String id, String name, String type, long bundleId) {
        State s = new State();
        s.info = new ComponentInfo(name, type, "/jars/" + id + ".jar", name, null, "1.0.0", Map.of(), null);
        s.bundleId = bundleId;
        states.put(id, s);
        return this;
    }

    FakeRegistry declare(String dependent, String dependency, String requirement) {
        edges.add(new Edge(dependent, new Dependency(dependency, DependencyOrigin.DECLARED, requirement)));
        return this;
    }

    FakeRegistry failing(String id) {
        states.get(id).failsToStart = true;
        return this;
    }

    FakeRegistry status(String id, ComponentStatus status) {
        states.get(id).status = status;
        return this;
    }

    FakeRegistry cycle(String... ids) {
        cycles.add(List.of(ids));
        return this;
    }

    private State state(String id) {
        State s = states.get(id);
        if (s == null) {
            throw new ComponentNotFoundException(id);
        }
        return s;
    }

    private static <T> CompletionStage<T> attempt(Supplier<T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<String> registerComponent(ComponentInfo component) {
        return attempt(() -> {
            String id = component.name().replaceAll("(-[0-9.]+)?\\.jar$", "");
            if (states.containsKey(id)) {
                throw new RegistryException(id + " is already registered");
            }
            State s = new State();
            s.info = component.withVersion("2.0.0");
            s.bundleId = nextBundle++;
            states.put(id, s);
            return id;
        });
    }

    @Override
    public CompletionStage<Void> unregisterComponent(String id) {
        return attempt(() -> {
            state(id);
            states.remove(id);
            edges.removeIf(e -> e.from().equals(id) || e.to().id().equals(id));
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id) {
        return attempt(() -> {
            boolean was = state(id).status == ComponentStatus.ACTIVE;
            for (String next : getActivationOrder(List.of(id))) {
                State s = state(next);
                if (s.failsToStart) {
                    s.status = ComponentStatus.ERROR;
                    s.errors.add(new ErrorRecord(T0, "activator threw"));
                    throw new ComponentActivationException(next, "cannot activate " + next
                            + ": its activator threw; see registry:info " + next, null);
                }
                s.status = ComponentStatus.ACTIVE;
            }
            return !was;
        });
    }

    @Override
    public CompletionStage<Void> deactivateComponent(String id) {
        return attempt(() -> {
            deactivate(id);
            return null;
        });
    }

    private void deactivate(String id) {
        State s = state(id);
        if (s.status != ComponentStatus.ACTIVE) {
            return;
        }
        for (String dependent : getDependents(id)) {
            deactivate(dependent);
        }
        s.status = ComponentStatus.INACTIVE;
    }

    @Override
    public RegistryEntry getComponent(String id) {
        State s = state(id);
        return new RegistryEntry(id, s.info, s.status, T0, null, 0, getDependencies(id), getDependents(id),
                s.errors, s.bundleId);
    }

    @Override
    public Optional<RegistryEntry> findComponent(String id) {
        return states.containsKey(id) ? Optional.of(getComponent(id)) : Optional.empty();
    }

    @Override
    public List<RegistryEntry> listComponents() {
        return states.keySet().stream().map(this::getComponent).toList();
    }

    @Override
    public List<RegistryEntry> getComponentsByType(String type) {
        return listComponents().stream().filter(e -> e.component().type().equals(type)).toList();
    }

    @Override
    public List<RegistryEntry> getComponentsByStatus(ComponentStatus status) {
        return listComponents().stream().filter(e -> e.status() == status).toList();
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        return states.entrySet().stream().filter(e -> path.equals(e.getValue().info.path()))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public CompletionStage<Void> addDependency(String dependent, String dependency) {
        return attempt(() -> {
            state(dependent);
            state(dependency);
            List<String> path = path(dependency, dependent);
            if (path != null) {
                List<String> cycle = new ArrayList<>();
                cycle.add(dependent);
                cycle.addAll(path);
                throw new CircularDependencyException(cycle);
            }
            edges.add(new Edge(dependent, new Dependency(dependency, DependencyOrigin.EXPLICIT, null)));
            return null;
        });
    }

    /** A path of dependencies from one component to another, both included, or null. */
    private List<String> path(String from, String to) {
        if (from.equals(to)) {
            return new ArrayList<>(List.of(from));
        }
        for (String next : getDependencies(from)) {
            List<String> rest = path(next, to);
            if (rest != null) {
                rest.add(0, from);
                return rest;
            }
        }
        return null;
    }

    @Override
    public CompletionStage<Void> removeDependency(String dependent, String dependency) {
        return attempt(() -> {
            state(dependent);
            state(dependency);
            boolean removed = edges.removeIf(e -> e.from().equals(dependent)
                    && e.to().id().equals(dependency) && e.to().origin() == DependencyOrigin.EXPLICIT);
            if (!removed) {
                throw new DependencyException("no explicit dependency " + dependent + " -> " + dependency);
            }
            return null;
        });
    }

    @Override
    public Set<String> getDependencies(String id) {
        return getDependencyDetails(id).stream().map(Dependency::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public List<Dependency> getDependencyDetails(String id) {
        state(id);
        return edges.stream().filter(e -> e.from().equals(id)).map(Edge::to)
                .sorted(Comparator.comparing(Dependency::id).thenComparing(Dependency::origin)).toList();
    }

    @Override
    public Set<String> getDependents(String id) {
        state(id);
        return edges.stream().filter(e -> e.to().id().equals(id)).map(Edge::from)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public boolean hasCircularDependency(String id, String potentialDependency) {
        return path(potentialDependency, id) != null;
    }

    @Override
    public List<List<String>> findCircularDependencies() {
        return List.copyOf(cycles);
    }

    @Override
    public List<String> getActivationOrder(Collection<String> ids) {
        Set<String> wanted = new TreeSet<>();
        for (String id : ids.isEmpty() ? states.keySet() : ids) {
            collect(id, wanted);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < wanted.size()) {
            for (String id : wanted) {
                if (!order.contains(id) && order.containsAll(getDependencies(id))) {
                    order.add(id);
                    break;
                }
            }
        }
        return order;
    }

    private void collect(String id, Set<String> into) {
        state(id);
        if (into.add(id)) {
            getDependencies(id).forEach(d -> collect(d, into));
        }
    }

    @Override
    public CompletionStage<Void> setComponentStatus(String id, ComponentStatus status) {
        return attempt(() -> {
            state(id).status = status;
            return null;
        });
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        return attempt(() -> {
            State s = state(id);
            s.status = ComponentStatus.ERROR;
            s.errors.add(new ErrorRecord(T0, message));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        return attempt(() -> {
            State s = state(id);
            if (s.status == ComponentStatus.ERROR) {
                s.status = ComponentStatus.REGISTERED;
            }
            return null;
        });
    }

    @Override
    public Registration registerStatusCallback(StatusCallback callback) {
        throw new UnsupportedOperationException();
    }
}
