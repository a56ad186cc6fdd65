package io.happyos.registry.shell.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.BatchItem;
import io.happyos.registry.BatchOutcome;
import io.happyos.registry.BatchResult;
import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyException;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.HealthStats;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.StatusChange;
import io.happyos.registry.UsageStats;
import io.happyos.registry.spi.InstanceFactory;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.spi.StatusListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An in-memory registry for the shell's unit tests: no bundles, no threads, a simple graph. Status
 * callbacks are called at once on the calling thread; "now" is a clock the test moves.
 */
final class FakeRegistry
        implements DynamicRegistry,
                io.happyos.registry.Lifecycle,
                io.happyos.registry.Dependencies,
                io.happyos.registry.Instances,
                io.happyos.registry.Indexes,
                io.happyos.registry.Diagnostics,
                io.happyos.registry.Versions {

    @Override
    public io.happyos.registry.Lifecycle lifecycle() {
        return this;
    }

    @Override
    public io.happyos.registry.Dependencies dependencies() {
        return this;
    }

    @Override
    public io.happyos.registry.Instances instances() {
        return this;
    }

    @Override
    public io.happyos.registry.Indexes indexes() {
        return this;
    }

    @Override
    public io.happyos.registry.Diagnostics diagnostics() {
        return this;
    }

    @Override
    public io.happyos.registry.Versions versions() {
        return this;
    }

    /** Manifest headers of the fake bundles, for header indexes. */
    @FunctionalInterface
    interface BundleHeaders {
        String header(long bundleId, String name);
    }

    private final BundleHeaders bundleHeaders;

    FakeRegistry() {
        this((bundleId, name) -> null);
    }

    FakeRegistry(BundleHeaders bundleHeaders) {
        this.bundleHeaders = bundleHeaders;
    }

    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private static final class State {
        ComponentInfo info;
        ComponentStatus status = ComponentStatus.REGISTERED;
        long bundleId = RegistryEntry.NO_BUNDLE;
        boolean failsToStart;
        Map<String, String> metadata = Map.of();
        Object instance;
        long accessCount;
        Instant lastAccessed;
        Duration activationTime;
        final List<ErrorRecord> errors = new ArrayList<>();
    }

    /** How long every activation takes in this fake, unless a test says otherwise. */
    static final Duration ACTIVATION_TIME = Duration.ofMillis(12);

    private final Map<String, State> states = new TreeMap<>();
    /** One edge of the graph: {@code to.id()} is the dependency. */
    private record Edge(String from, Dependency to) {}

    private final List<Edge> edges = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private long nextBundle = 100;
    private final List<StatusListener> callbacks = new CopyOnWriteArrayList<>();
    /** Every status change, oldest first, as the registry's recent history. */
    private final List<StatusChange> changes = new CopyOnWriteArrayList<>();

    private final Map<String, Function<RegistryEntry, ?>> indexes = new TreeMap<>();
    private final Map<String, List<String>> missing = new HashMap<>();
    private final Map<String, Object> instanceValues = new HashMap<>();
    private final List<Object> extensions = new ArrayList<>();
    private Instant now = T0;
    private final Map<String, List<ConsumerUsage>> usage = new HashMap<>();
    private DriftReport drift = new DriftReport(T0, List.of(), List.of(), List.of());
    private PerformanceMetrics metrics = new PerformanceMetrics(
            0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 0, 0, 0);

    /** The arguments of the last {@link #enableInstanceCaching} call, or null. */
    Object[] caching;
    /** The policy of the last {@link #activateComponent(String, RetryPolicy)} call, or null. */
    RetryPolicy lastRetryPolicy;

    /** How many status callbacks are registered now. */
    int callbackCount() {
        return callbacks.size();
    }

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

    /** Gives a component metadata (what a component without a bundle has instead of headers). */
    FakeRegistry metadata(String id, Map<String, String> metadata) {
        states.get(id).metadata = Map.copyOf(metadata);
        return this;
    }

    /** Makes a component's instance this object (by default a {@link FakeInstance}). */
    FakeRegistry instance(String id, Object value) {
        instanceValues.put(id, value);
        return this;
    }

    /** A requirement of the component that nothing provides. */
    FakeRegistry missing(String id, String requirement) {
        missing.computeIfAbsent(id, k -> new ArrayList<>()).add(requirement);
        return this;
    }

    /** The fake's clock. */
    Instant now() {
        return now;
    }

    /** Moves the clock on. */
    FakeRegistry advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    FakeRegistry metrics(PerformanceMetrics value) {
        metrics = value;
        return this;
    }

    /** Records that a consumer used a component, as telemetry would have seen it. */
    FakeRegistry used(String id, ConsumerUsage consumer) {
        state(id);
        usage.computeIfAbsent(id, k -> new ArrayList<>()).add(consumer);
        return this;
    }

    /** Sets what {@link #getDrift()} returns. */
    FakeRegistry drift(DriftReport value) {
        drift = value;
        return this;
    }

    /** What a component's instance is when the test gave none. */
    record FakeInstance(String id) {}

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

    private void setStatus(String id, State s, ComponentStatus status) {
        ComponentStatus old = s.status;
        s.status = status;
        if (status != ComponentStatus.ACTIVE) {
            s.instance = null;
        }
        if (old != status) {
            if (status == ComponentStatus.ACTIVE && s.activationTime == null) {
                s.activationTime = ACTIVATION_TIME;
            }
            changes.add(new StatusChange(changes.size() + 1, id, old, status, now));
            callbacks.forEach(c -> c.statusChanged(id, old, status));
        }
    }

    /** Sets how long a component's last activation took. */
    FakeRegistry activationTime(String id, Duration took) {
        states.get(id).activationTime = took;
        return this;
    }

    /** Counts accesses to a component's instance, as if they had been made. */
    FakeRegistry accesses(String id, long count) {
        states.get(id).accessCount += count;
        return this;
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
                    s.errors.add(new ErrorRecord(T0, "activator threw"));
                    setStatus(next, s, ComponentStatus.ERROR);
                    throw new ComponentActivationException(
                            next, "cannot activate " + next + ": its activator threw; see registry:info " + next, null);
                }
                setStatus(next, s, ComponentStatus.ACTIVE);
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
        setStatus(id, s, ComponentStatus.INACTIVE);
    }

    @Override
    public RegistryEntry getComponent(String id) {
        State s = state(id);
        ComponentInfo info = s.metadata.isEmpty() ? s.info : s.info.withMetadata(s.metadata);
        return new RegistryEntry(
                id,
                info,
                s.status,
                T0,
                s.lastAccessed,
                s.accessCount,
                getDependencies(id),
                getDependents(id),
                s.errors,
                s.bundleId);
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
        return listComponents().stream()
                .filter(e -> e.component().type().equals(type))
                .toList();
    }

    @Override
    public List<RegistryEntry> getComponentsByStatus(ComponentStatus status) {
        return listComponents().stream().filter(e -> e.status() == status).toList();
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        return states.entrySet().stream()
                .filter(e -> path.equals(e.getValue().info.path()))
                .map(Map.Entry::getKey)
                .findFirst();
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
                    && e.to().id().equals(dependency)
                    && e.to().origin() == DependencyOrigin.EXPLICIT);
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
        return edges.stream()
                .filter(e -> e.from().equals(id))
                .map(Edge::to)
                .sorted(Comparator.comparing(Dependency::id).thenComparing(Dependency::origin))
                .toList();
    }

    @Override
    public Set<String> getDependents(String id) {
        state(id);
        return edges.stream()
                .filter(e -> e.to().id().equals(id))
                .map(Edge::from)
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
            setStatus(id, state(id), status);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        return attempt(() -> {
            State s = state(id);
            s.errors.add(new ErrorRecord(T0, message));
            setStatus(id, s, ComponentStatus.ERROR);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        return attempt(() -> {
            State s = state(id);
            if (s.status == ComponentStatus.ERROR) {
                setStatus(id, s, ComponentStatus.REGISTERED);
            }
            return null;
        });
    }

    @Override
    public Registration addStatusListener(StatusListener callback) {
        callbacks.add(callback);
        return () -> callbacks.remove(callback);
    }

    @Override
    public List<StatusChange> getRecentStatusChanges(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least 1 status change, not " + limit);
        }
        List<StatusChange> all = List.copyOf(changes);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    // ---------------------------------------------------------------- instances

    @Override
    public Object getComponentInstance(String id) {
        State s = state(id);
        if (s.status != ComponentStatus.ACTIVE) {
            throw new RegistryException(id + " is not active: activate it first");
        }
        if (s.instance == null) {
            s.instance = instanceValues.getOrDefault(id, new FakeInstance(id));
        }
        s.accessCount++;
        s.lastAccessed = now;
        return s.instance;
    }

    @Override
    public <T> T getComponentInstance(String id, Class<T> type) {
        Object instance = getComponentInstance(id);
        if (!type.isInstance(instance)) {
            throw new RegistryException("the instance of " + id + " is not a " + type.getName());
        }
        return type.cast(instance);
    }

    @Override
    public void enableInstanceCaching(int maxSize, Duration ttl) {
        if (maxSize < 1 || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("maxSize must be at least 1 and ttl positive");
        }
        caching = new Object[] {maxSize, ttl};
    }

    @Override
    public boolean cleanupComponentInstance(String id) {
        State s = state(id);
        boolean had = s.instance != null;
        s.instance = null;
        return had;
    }

    @Override
    public List<String> cleanupIdleInstances(Duration idleFor) {
        List<String> disposed = new ArrayList<>();
        states.forEach((id, s) -> {
            if (s.instance != null && !s.lastAccessed.plus(idleFor).isAfter(now)) {
                s.instance = null;
                disposed.add(id);
            }
        });
        return disposed;
    }

    // ---------------------------------------------------------------- extension points

    @Override
    public Registration registerInstanceFactory(String type, InstanceFactory factory) {
        extensions.add(factory);
        return () -> extensions.remove(factory);
    }

    @Override
    public Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook) {
        extensions.add(hook);
        return () -> extensions.remove(hook);
    }

    // ---------------------------------------------------------------- indexes and health

    @Override
    public List<RegistryEntry> getHealthyComponents() {
        return listComponents().stream()
                .filter(e -> e.status() != ComponentStatus.ERROR && e.status() != ComponentStatus.INACTIVE)
                .toList();
    }

    @Override
    public void createIndex(String name, Function<RegistryEntry, ?> keyFunction) {
        indexes.put(name, keyFunction);
    }

    /** Header index definitions, name to header. */
    final Map<String, String> headerIndexes = new java.util.TreeMap<>();

    @Override
    public void createHeaderIndex(String name, String header) {
        headerIndexes.put(name, header);
        createIndex(
                name,
                entry -> entry.hasBundle()
                        ? bundleHeaders.header(entry.bundleId(), header)
                        : entry.component().metadata().get(header));
    }

    @Override
    public List<RegistryEntry> getComponentsByIndex(String name, String key) {
        Function<RegistryEntry, ?> keys = indexes.get(name);
        if (keys == null) {
            throw new RegistryException("no index named '" + name + "'");
        }
        return listComponents().stream()
                .filter(e -> keysOf(keys, e).contains(key))
                .toList();
    }

    private static Set<String> keysOf(Function<RegistryEntry, ?> keys, RegistryEntry e) {
        Object value;
        try {
            value = keys.apply(e);
        } catch (RuntimeException ignored) {
            return Set.of();
        }
        if (value == null) {
            return Set.of();
        }
        Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
        return values.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.toSet());
    }

    @Override
    public boolean dropIndex(String name) {
        return indexes.remove(name) != null;
    }

    @Override
    public List<String> getIndexNames() {
        return List.copyOf(indexes.keySet());
    }

    // ---------------------------------------------------------------- batch operations

    @Override
    public CompletionStage<BatchResult> registerComponentsBatch(List<ComponentInfo> components) {
        List<BatchItem> items = new ArrayList<>();
        for (ComponentInfo c : components) {
            String key = c.path() != null ? c.path() : c.name();
            CompletableFuture<String> f = registerComponent(c).toCompletableFuture();
            items.add(
                    f.isCompletedExceptionally()
                            ? new BatchItem(
                                    key,
                                    null,
                                    BatchOutcome.FAILED,
                                    Completion.unwrap(failure(f)).getMessage())
                            : new BatchItem(key, f.join(), BatchOutcome.DONE, null));
        }
        return CompletableFuture.completedFuture(new BatchResult(items));
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.join();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Override
    public CompletionStage<BatchResult> activateComponentsBatch(Collection<String> ids) {
        return attempt(() -> {
            ids.forEach(this::state);
            Map<String, String> broken = new HashMap<>();
            List<BatchItem> items = new ArrayList<>();
            for (String id : getActivationOrder(ids)) {
                State s = state(id);
                String failedDependency = getDependencies(id).stream()
                        .filter(broken::containsKey)
                        .findFirst()
                        .orElse(null);
                if (failedDependency != null) {
                    broken.put(id, failedDependency);
                    items.add(
                            new BatchItem(id, id, BatchOutcome.SKIPPED, "dependency " + failedDependency + " failed"));
                } else if (s.status == ComponentStatus.ACTIVE) {
                    items.add(new BatchItem(id, id, BatchOutcome.UNCHANGED, null));
                } else if (s.failsToStart) {
                    s.errors.add(new ErrorRecord(T0, "activator threw"));
                    setStatus(id, s, ComponentStatus.ERROR);
                    broken.put(id, id);
                    items.add(new BatchItem(id, id, BatchOutcome.FAILED, "its activator threw"));
                } else {
                    setStatus(id, s, ComponentStatus.ACTIVE);
                    items.add(new BatchItem(id, id, BatchOutcome.DONE, null));
                }
            }
            return new BatchResult(items);
        });
    }

    @Override
    public CompletionStage<BatchResult> deactivateComponentsBatch(Collection<String> ids) {
        return attempt(() -> {
            Set<String> affected = new HashSet<>();
            for (String id : ids) {
                withDependents(id, affected);
            }
            List<String> order = new ArrayList<>(getActivationOrder(affected));
            order.retainAll(affected);
            Collections.reverse(order);
            List<BatchItem> items = new ArrayList<>();
            for (String id : order) {
                State s = state(id);
                if (s.status == ComponentStatus.ACTIVE) {
                    setStatus(id, s, ComponentStatus.INACTIVE);
                    items.add(new BatchItem(id, id, BatchOutcome.DONE, null));
                } else {
                    items.add(new BatchItem(id, id, BatchOutcome.UNCHANGED, null));
                }
            }
            return new BatchResult(items);
        });
    }

    private void withDependents(String id, Set<String> into) {
        if (into.add(id)) {
            getDependents(id).forEach(d -> withDependents(d, into));
        }
    }

    @Override
    public CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses) {
        List<BatchItem> items = new ArrayList<>();
        statuses.forEach((id, status) -> {
            State s = states.get(id);
            if (s == null) {
                items.add(new BatchItem(id, null, BatchOutcome.FAILED, "no component with id '" + id + "'"));
            } else if (s.status == status) {
                items.add(new BatchItem(id, id, BatchOutcome.UNCHANGED, null));
            } else if (s.bundleId != RegistryEntry.NO_BUNDLE
                    && (status == ComponentStatus.REGISTERED || status == ComponentStatus.DISCOVERED)) {
                items.add(new BatchItem(id, id, BatchOutcome.FAILED, status + " cannot be set on a bundle"));
            } else {
                setStatus(id, s, status);
                items.add(new BatchItem(id, id, BatchOutcome.DONE, null));
            }
        });
        return CompletableFuture.completedFuture(new BatchResult(items));
    }

    // ---------------------------------------------------------------- statistics

    @Override
    public HealthStats getHealthStats() {
        int total = states.size();
        int healthy = getHealthyComponents().size();
        int error = getComponentsByStatus(ComponentStatus.ERROR).size();
        int inactive = getComponentsByStatus(ComponentStatus.INACTIVE).size();
        return new HealthStats(total, healthy, error, inactive, total == 0 ? 1.0 : (double) healthy / total);
    }

    @Override
    public UsageStats getUsageStats() {
        long accesses = states.values().stream().mapToLong(s -> s.accessCount).sum();
        String most = states.entrySet().stream()
                .filter(e -> e.getValue().accessCount > 0)
                .max(Comparator.comparingLong((Map.Entry<String, State> e) -> e.getValue().accessCount)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
        int total = states.size();
        return new UsageStats(
                total,
                getComponentsByStatus(ComponentStatus.ACTIVE).size(),
                accesses,
                total == 0 ? 0 : (double) accesses / total,
                most);
    }

    @Override
    public PerformanceMetrics getPerformanceMetrics() {
        return metrics;
    }

    @Override
    public Optional<Duration> getActivationTime(String id) {
        return Optional.ofNullable(state(id).activationTime);
    }

    // ---------------------------------------------------------------- usage telemetry

    @Override
    public ServiceUsage getServiceUsage(String id) {
        State s = state(id);
        List<ConsumerUsage> consumers = usage.getOrDefault(id, List.of());
        boolean active = s.status == ComponentStatus.ACTIVE;
        return new ServiceUsage(
                id,
                T0,
                active,
                active ? List.of("service com.acme." + id + " (service.id " + s.bundleId + ")") : List.of(),
                consumers);
    }

    @Override
    public DriftReport getDrift() {
        return drift;
    }

    // ---------------------------------------------------------------- recovery

    @Override
    public CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy) {
        lastRetryPolicy = policy;
        return activateComponent(id);
    }

    @Override
    public CompletionStage<List<DependencyProblem>> validateDependencies(String id) {
        return attempt(() -> {
            State s = state(id);
            List<DependencyProblem> problems = new ArrayList<>();
            for (String requirement : missing.getOrDefault(id, List.of())) {
                problems.add(new DependencyProblem(
                        requirement, DependencyProblem.Kind.MISSING, "nothing provides " + requirement));
            }
            for (String dependency : getDependencies(id)) {
                ComponentStatus status = state(dependency).status;
                if (status == ComponentStatus.ERROR) {
                    problems.add(new DependencyProblem(
                            dependency, DependencyProblem.Kind.IN_ERROR, dependency + " is in error"));
                } else if (status != ComponentStatus.ACTIVE) {
                    problems.add(new DependencyProblem(
                            dependency, DependencyProblem.Kind.NOT_ACTIVE, dependency + " is " + status));
                }
            }
            if (!problems.isEmpty()) {
                s.errors.add(new ErrorRecord(T0, problems.size() + " dependency problems"));
                setStatus(id, s, ComponentStatus.ERROR);
            }
            return List.copyOf(problems);
        });
    }

    // ---------------------------------------------------------------- graph export

    @Override
    public DependencyGraphView getDependencyGraph() {
        return view(states.keySet());
    }

    @Override
    public DependencyGraphView getDependencyGraph(String id) {
        Set<String> ids = new TreeSet<>();
        collect(id, ids);
        Set<String> dependents = new TreeSet<>();
        withDependents(id, dependents);
        ids.addAll(dependents);
        return view(ids);
    }

    private DependencyGraphView view(Collection<String> ids) {
        List<DependencyGraphView.Node> nodes = new ArrayList<>();
        List<DependencyGraphView.Edge> graphEdges = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            State s = state(id);
            nodes.add(new DependencyGraphView.Node(id, s.info.name(), s.info.type(), s.status));
            for (Dependency d : getDependencyDetails(id)) {
                if (ids.contains(d.id())) {
                    graphEdges.add(new DependencyGraphView.Edge(id, d.id(), d.origin()));
                }
            }
        }
        return new DependencyGraphView(nodes, graphEdges);
    }

    @Override
    public String exportDependencyGraph(GraphFormat format, String id) {
        DependencyGraphView view = id == null ? getDependencyGraph() : getDependencyGraph(id);
        StringBuilder out = new StringBuilder();
        switch (format) {
            case DOT -> {
                out.append("digraph dependencies {\n");
                view.edges()
                        .forEach(e -> out.append("  \"")
                                .append(e.from())
                                .append("\" -> \"")
                                .append(e.to())
                                .append("\";\n"));
                out.append("}\n");
            }
            case MERMAID -> {
                out.append("flowchart LR\n");
                view.edges()
                        .forEach(e -> out.append("  ")
                                .append(e.from())
                                .append(" --> ")
                                .append(e.to())
                                .append('\n'));
            }
            case JSON -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put(
                        "nodes",
                        view.nodes().stream().map(n -> Map.of("id", n.id())).toList());
                json.put(
                        "edges",
                        view.edges().stream()
                                .map(e -> Map.of(
                                        "from",
                                        e.from(),
                                        "to",
                                        e.to(),
                                        "origin",
                                        e.origin().name().toLowerCase(Locale.ROOT)))
                                .toList());
                out.append(io.happyos.registry.text.JsonOutput.text(json));
            }
            default -> throw new IllegalArgumentException(format.toString());
        }
        return out.toString();
    }

    /** Versions kept per component, newest first; tests fill it in. */
    final Map<String, List<io.happyos.registry.JarVersion>> versions = new java.util.HashMap<>();

    @Override
    public List<io.happyos.registry.JarVersion> getVersionHistory(String id) {
        getComponent(id);
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id) {
        return rollbackComponent(id, null);
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id, String version) {
        try {
            List<io.happyos.registry.JarVersion> kept = getVersionHistory(id);
            return CompletableFuture.completedFuture(kept.stream()
                    .skip(1)
                    .filter(v -> version == null || v.version().equals(version))
                    .findFirst()
                    .orElseThrow(() -> new RegistryException(id + " has no earlier version to roll back to"))
                    .version());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<String> getImpact(String id) {
        getComponent(id);
        List<String> impact = new java.util.ArrayList<>(getDependents(id));
        java.util.Collections.sort(impact);
        impact.add(id);
        return impact;
    }

    // ---------------------------------------------------------------- audit

    /** The audit log, in the order written; tests fill it in. */
    final List<AuditRecord> auditLog = new ArrayList<>();
    /** The query of the last {@link #getAuditLog} call, or null. */
    AuditQuery lastAuditQuery;

    /** Adds a record to the audit log, numbered after the last one. */
    FakeRegistry audit(Instant at, String actor, String operation, String componentId, String error, String details) {
        auditLog.add(
                new AuditRecord(auditLog.size() + 1, at, actor, operation, componentId, error == null, error, details));
        return this;
    }

    @Override
    public List<AuditRecord> getAuditLog(AuditQuery query) {
        lastAuditQuery = query;
        return auditLog.stream()
                .filter(r -> query.componentId() == null || query.componentId().equals(r.componentId()))
                .filter(r -> query.operation() == null || query.operation().equals(r.operation()))
                .filter(r -> query.actor() == null || query.actor().equals(r.actor()))
                .filter(r -> query.since() == null || !r.at().isBefore(query.since()))
                .filter(r -> query.until() == null || r.at().isBefore(query.until()))
                .filter(r -> !query.failedOnly() || !r.ok())
                .sorted(Comparator.comparingLong(AuditRecord::sequence).reversed())
                .limit(query.limit())
                .toList();
    }

    // ---------------------------------------------------------------- diagnostics

    /** What {@link #explain} answers, per id; tests fill it in. */
    final Map<String, io.happyos.registry.Explanation> explanations = new HashMap<>();

    @Override
    public io.happyos.registry.Explanation explain(String id) {
        io.happyos.registry.Explanation explanation = explanations.get(id);
        if (explanation == null) {
            state(id); // unknown ids fail as the registry's do
            return new io.happyos.registry.Explanation(
                    id,
                    getComponent(id).status(),
                    true,
                    id + " is " + getComponent(id).status() + " and nothing is wrong with it",
                    List.of());
        }
        return explanation;
    }
}
