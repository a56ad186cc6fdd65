package io.happyos.registry.core.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyGraphView;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Explanation;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.HealthStats;
import io.happyos.registry.JarVersion;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.StatusCallback;
import io.happyos.registry.StatusChange;
import io.happyos.registry.UsageStats;
import io.happyos.registry.spi.ComponentFactory;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.osgi.framework.Bundle;

/**
 * A bundle's view of the registry service: calls that change something or depend on who calls
 * (operations, instances, registrations) run with the bundle named as the actor and caller; pure
 * reads go straight through. A plain class rather than a dynamic proxy, so that a lookup through a
 * view costs a virtual call and nothing else: no reflection, no argument array.
 */
final class ActorView implements DynamicRegistry {

    private final DynamicRegistry registry;
    private final String actor;
    private final Bundle bundle;

    ActorView(DynamicRegistry registry, String actor, Bundle bundle) {
        this.registry = registry;
        this.actor = actor;
        this.bundle = bundle;
    }

    @Override
    public String toString() {
        return "DynamicRegistry for " + actor;
    }

    @Override
    public CompletionStage<String> registerComponent(ComponentInfo component) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.registerComponent(component);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Void> unregisterComponent(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.unregisterComponent(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.activateComponent(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Void> deactivateComponent(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.deactivateComponent(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public RegistryEntry getComponent(String id) {
        return registry.getComponent(id);
    }

    @Override
    public Optional<RegistryEntry> findComponent(String id) {
        return registry.findComponent(id);
    }

    @Override
    public List<RegistryEntry> listComponents() {
        return registry.listComponents();
    }

    @Override
    public List<RegistryEntry> getComponentsByType(String type) {
        return registry.getComponentsByType(type);
    }

    @Override
    public List<RegistryEntry> getComponentsByStatus(ComponentStatus status) {
        return registry.getComponentsByStatus(status);
    }

    @Override
    public Optional<String> findComponentByPath(String path) {
        return registry.findComponentByPath(path);
    }

    @Override
    public CompletionStage<Void> addDependency(String dependent, String dependency) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.addDependency(dependent, dependency);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Void> removeDependency(String dependent, String dependency) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.removeDependency(dependent, dependency);
        } finally {
            frame.pop();
        }
    }

    @Override
    public Set<String> getDependencies(String id) {
        return registry.getDependencies(id);
    }

    @Override
    public List<Dependency> getDependencyDetails(String id) {
        return registry.getDependencyDetails(id);
    }

    @Override
    public Set<String> getDependents(String id) {
        return registry.getDependents(id);
    }

    @Override
    public boolean hasCircularDependency(String id, String potentialDependency) {
        return registry.hasCircularDependency(id, potentialDependency);
    }

    @Override
    public List<List<String>> findCircularDependencies() {
        return registry.findCircularDependencies();
    }

    @Override
    public List<String> getActivationOrder(Collection<String> ids) {
        return registry.getActivationOrder(ids);
    }

    @Override
    public CompletionStage<Void> setComponentStatus(String id, ComponentStatus status) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.setComponentStatus(id, status);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.markComponentError(id, message);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.clearComponentError(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public Registration registerStatusCallback(StatusCallback callback) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.registerStatusCallback(callback);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<StatusChange> getRecentStatusChanges(int limit) {
        return registry.getRecentStatusChanges(limit);
    }

    @Override
    public Object getComponentInstance(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.getComponentInstance(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public <T> T getComponentInstance(String id, Class<T> type) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.getComponentInstance(id, type);
        } finally {
            frame.pop();
        }
    }

    @Override
    public void enableInstanceCaching(int maxSize, Duration ttl) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            registry.enableInstanceCaching(maxSize, ttl);
        } finally {
            frame.pop();
        }
    }

    @Override
    public boolean cleanupComponentInstance(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.cleanupComponentInstance(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<String> cleanupIdleInstances(Duration idleFor) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.cleanupIdleInstances(idleFor);
        } finally {
            frame.pop();
        }
    }

    @Override
    public Registration registerComponentFactory(String type, ComponentFactory factory) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.registerComponentFactory(type, factory);
        } finally {
            frame.pop();
        }
    }

    @Override
    public Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.registerLifecycleHook(phase, hook);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<RegistryEntry> getHealthyComponents() {
        return registry.getHealthyComponents();
    }

    @Override
    public void createIndex(String name, Function<RegistryEntry, ?> keyFunction) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            registry.createIndex(name, keyFunction);
        } finally {
            frame.pop();
        }
    }

    @Override
    public void createHeaderIndex(String name, String header) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            registry.createHeaderIndex(name, header);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<RegistryEntry> getComponentsByIndex(String name, String key) {
        return registry.getComponentsByIndex(name, key);
    }

    @Override
    public boolean dropIndex(String name) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.dropIndex(name);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<String> getIndexNames() {
        return registry.getIndexNames();
    }

    @Override
    public CompletionStage<BatchResult> registerComponentsBatch(List<ComponentInfo> components) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.registerComponentsBatch(components);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<BatchResult> activateComponentsBatch(Collection<String> ids) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.activateComponentsBatch(ids);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<BatchResult> deactivateComponentsBatch(Collection<String> ids) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.deactivateComponentsBatch(ids);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.updateComponentStatusBatch(statuses);
        } finally {
            frame.pop();
        }
    }

    @Override
    public HealthStats getHealthStats() {
        return registry.getHealthStats();
    }

    @Override
    public UsageStats getUsageStats() {
        return registry.getUsageStats();
    }

    @Override
    public PerformanceMetrics getPerformanceMetrics() {
        return registry.getPerformanceMetrics();
    }

    @Override
    public Optional<Duration> getActivationTime(String id) {
        return registry.getActivationTime(id);
    }

    @Override
    public ServiceUsage getServiceUsage(String id) {
        return registry.getServiceUsage(id);
    }

    @Override
    public DriftReport getDrift() {
        return registry.getDrift();
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.activateComponent(id, policy);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<List<DependencyProblem>> validateDependencies(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.validateDependencies(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public DependencyGraphView getDependencyGraph() {
        return registry.getDependencyGraph();
    }

    @Override
    public DependencyGraphView getDependencyGraph(String id) {
        return registry.getDependencyGraph(id);
    }

    @Override
    public String exportDependencyGraph(GraphFormat format, String id) {
        return registry.exportDependencyGraph(format, id);
    }

    @Override
    public List<JarVersion> getVersionHistory(String id) {
        return registry.getVersionHistory(id);
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.rollbackComponent(id);
        } finally {
            frame.pop();
        }
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id, String version) {
        Actors.Frame frame = Actors.push(actor, bundle);
        try {
            return registry.rollbackComponent(id, version);
        } finally {
            frame.pop();
        }
    }

    @Override
    public List<String> getImpact(String id) {
        return registry.getImpact(id);
    }

    @Override
    public List<AuditRecord> getAuditLog(AuditQuery query) {
        return registry.getAuditLog(query);
    }

    @Override
    public Explanation explain(String id) {
        return registry.explain(id);
    }
}
