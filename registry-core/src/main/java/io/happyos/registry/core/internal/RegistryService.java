package io.happyos.registry.core.internal;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyException;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.Registration;
import io.happyos.registry.StatusCallback;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Deactivation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.lifecycle.LifecycleExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The {@link DynamicRegistry} service: queries read the store, operations go through the lifecycle thread. */
public final class RegistryService implements DynamicRegistry {

    private final ComponentStore store;
    private final StatusNotifier notifier;
    private final LifecycleExecutor lifecycle;
    private final Activation activation;
    private final Deactivation deactivation;
    private final Installation installation;
    private final BundleContext context;

    /**
     * @param store the entries
     * @param notifier the status callbacks
     * @param lifecycle the lifecycle thread
     * @param context the registry bundle's context
     */
    public RegistryService(ComponentStore store, StatusNotifier notifier, LifecycleExecutor lifecycle,
            BundleContext context) {
        this.store = store;
        this.notifier = notifier;
        this.lifecycle = lifecycle;
        this.context = context;
        this.activation = new Activation(store, context);
        this.deactivation = new Deactivation(store, context);
        this.installation = new Installation(store, context, deactivation);
    }

    /** @return the activation steps, for start-up work already on the lifecycle thread */
    public Activation activation() {
        return activation;
    }

    /** @return the deactivation steps, for the framework's shutdown */
    public Deactivation deactivation() {
        return deactivation;
    }

    /** @return the install steps, for start-up work already on the lifecycle thread */
    public Installation installation() {
        return installation;
    }

    /** @return the lifecycle thread */
    public LifecycleExecutor lifecycle() {
        return lifecycle;
    }

    private <T> CompletionStage<T> operation(Callable<T> operation) {
        return lifecycle.submit(operation);
    }

    @Override
    public CompletionStage<String> registerComponent(ComponentInfo component) {
        Objects.requireNonNull(component, "component");
        return operation(() -> installation.register(component));
    }

    @Override
    public CompletionStage<Void> unregisterComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operation(() -> {
            installation.unregister(id);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operation(() -> activation.activate(id));
    }

    @Override
    public CompletionStage<Void> deactivateComponent(String id) {
        Objects.requireNonNull(id, "id");
        return operation(() -> {
            deactivation.deactivate(id);
            return null;
        });
    }

    @Override
    public RegistryEntry getComponent(String id) {
        return store.snapshot(store.record(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Optional<RegistryEntry> findComponent(String id) {
        return store.find(Objects.requireNonNull(id, "id")).map(store::snapshot);
    }

    @Override
    public List<RegistryEntry> listComponents() {
        return store.snapshots(r -> true);
    }

    @Override
    public List<RegistryEntry> getComponentsByType(String type) {
        Objects.requireNonNull(type, "type");
        return store.snapshots(r -> r.info().type().equals(type));
    }

    @Override
    public List<RegistryEntry> getComponentsByStatus(ComponentStatus status) {
        Objects.requireNonNull(status, "status");
        return store.snapshots(r -> r.status() == status);
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        String wanted = normalise(Objects.requireNonNull(path, "path"));
        return store.records().stream()
                .filter(r -> r.info().path() != null && normalise(r.info().path()).equals(wanted))
                .map(ComponentRecord::id)
                .sorted()
                .findFirst();
    }

    private static String normalise(String path) {
        try {
            Path p = path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
            return p.toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    @Override
    public CompletionStage<Void> addDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return operation(() -> {
            store.record(dependent);
            store.record(dependency);
            Optional<List<String>> cycle = store.updateGraph(g -> g.addExplicit(dependent, dependency));
            if (cycle.isPresent()) {
                throw new CircularDependencyException(cycle.get());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> removeDependency(String dependent, String dependency) {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        return operation(() -> {
            store.record(dependent);
            store.record(dependency);
            if (!store.updateGraph(g -> g.removeExplicit(dependent, dependency))) {
                throw new DependencyException(dependent + " has no explicit dependency on " + dependency
                        + ": declared dependencies follow the manifests and cannot be removed (see registry:deps "
                        + dependent + ")");
            }
            return null;
        });
    }

    @Override
    public Set<String> getDependencies(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencies(id) : Set.of());
    }

    @Override
    public List<Dependency> getDependencyDetails(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependencyDetails(id) : List.of());
    }

    @Override
    public Set<String> getDependents(String id) {
        store.record(id);
        return store.readGraph(g -> g.contains(id) ? g.dependents(id) : Set.of());
    }

    @Override
    public boolean hasCircularDependency(String id, String potentialDependency) {
        store.record(id);
        store.record(potentialDependency);
        return store.readGraph(g -> g.findPath(potentialDependency, id).isPresent());
    }

    @Override
    public List<List<String>> findCircularDependencies() {
        return store.readGraph(GraphAlgorithms::cycles);
    }

    @Override
    public List<String> getActivationOrder(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        ids.forEach(store::record);
        return store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids.isEmpty() ? g.nodeIds() : ids));
    }

    @Override
    public CompletionStage<Void> setComponentStatus(String id, ComponentStatus status) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        return operation(() -> {
            ComponentRecord record = store.record(id);
            switch (status) {
                case ACTIVE -> activation.activate(id);
                case INACTIVE -> deactivation.deactivate(id);
                case ERROR -> store.markError(record, "status set to ERROR by hand");
                case REGISTERED, DISCOVERED -> {
                    if (record.hasBundle()) {
                        throw new RegistryException("the status of " + id + " follows its bundle: " + status
                                + " cannot be set by hand; deactivate it (INACTIVE) or unregister it instead");
                    }
                    deactivation.deactivate(id);
                    store.setStatus(record, status);
                }
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        return operation(() -> {
            store.markError(store.record(id), message);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        Objects.requireNonNull(id, "id");
        return operation(() -> {
            ComponentRecord record = store.record(id);
            store.compareAndSetStatus(record, s -> s == ComponentStatus.ERROR, statusFromState(record));
            return null;
        });
    }

    private ComponentStatus statusFromState(ComponentRecord record) {
        if (!record.hasBundle()) {
            return ComponentStatus.REGISTERED;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
            return ComponentStatus.ACTIVE;
        }
        return record.wasActive() ? ComponentStatus.INACTIVE : ComponentStatus.REGISTERED;
    }

    @Override
    public Registration registerStatusCallback(StatusCallback callback) {
        return notifier.add(Objects.requireNonNull(callback, "callback"));
    }
}
