package io.happyos.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the registry has observed: why a component is in its status, healthy components, usage and
 * performance statistics, activation times, service usage and drift, recent status changes and
 * the audit log. Reached through {@link DynamicRegistry#diagnostics()}.
 */
@ProviderType
public interface Diagnostics {

    /**
     * The most recent status changes of every component, registrations and removals included, as
     * {@link Lifecycle#addStatusListener listeners} are told of them. The registry keeps at least the
     * last 1,000 changes since it started, in memory only.
     *
     * @param limit at most this many changes, the newest
     * @return the changes, oldest first, unmodifiable; empty when there was none
     * @throws IllegalArgumentException when {@code limit} is less than 1
     * @since 1.4
     */
    List<StatusChange> getRecentStatusChanges(int limit);

    /**
     * The components neither in {@link ComponentStatus#ERROR} nor {@link ComponentStatus#INACTIVE},
     * ordered by id.
     *
     * @return snapshots, unmodifiable
     */
    List<RegistryEntry> getHealthyComponents();

    /** @return how much the components are used */
    UsageStats getUsageStats();

    /** @return how fast the registry works */
    PerformanceMetrics getPerformanceMetrics();

    /**
     * How long the most recent activation of one component by the registry took: starting its
     * bundle, or enabling a service component, hooks not included. A component started by someone
     * else (Felix's own {@code start}, another bundle) has none.
     *
     * @param id the component's id
     * @return the duration, or empty when the registry has not activated it since it started
     * @throws ComponentNotFoundException for an unknown id
     * @since 1.4
     */
    Optional<Duration> getActivationTime(String id);

    /**
     * Which consumer bundles used a component since the registry started, and how: lookups of its
     * services through their {@code BundleContext}, instance calls through
     * {@link DynamicRegistry#getComponentInstance(String)}, and whether they hold its services now (see
     * {@link ConsumerUsage}). Counting is always on and lock-free, and adds well under a microsecond
     * to a service lookup that returns a component's service; the counts are kept in memory and
     * start again from zero when the registry restarts.
     *
     * @param id the component's id
     * @return its usage; empty consumers when nothing used it
     * @throws ComponentNotFoundException for an unknown id
     */
    ServiceUsage getServiceUsage(String id);

    /**
     * Where declared dependencies and observed use disagree: dependencies used but not declared,
     * declared dependencies never used, and components never used since the registry started, each
     * with its evidence. Only use of what components offer (services, factory-made instances) can be
     * observed; see {@link DriftReport} for exactly what is and is not reported.
     *
     * @return the report, a snapshot
     */
    DriftReport getDrift();

    /**
     * The audit log: one record per lifecycle operation, status change, dependency change,
     * hot-deploy event, quarantine, rollback and error, newest first.
     *
     * @param query the filters and the limit
     * @return the records, unmodifiable; empty when the registry keeps no audit log (persistence off)
     */
    List<AuditRecord> getAuditLog(AuditQuery query);

    /**
     * Appends a record to the audit log, under this registry object's actor (see
     * {@link DynamicRegistry#actingFor}), for an operation carried out outside this registry: for
     * example {@code cluster:activate} done on another node of a cluster. The record is kept like
     * the registry's own and appears in {@link #getAuditLog}; returns once it is durable. Does
     * nothing when the registry keeps no audit log (persistence off).
     *
     * @param operation what was done, for example {@code cluster:activate}
     * @param componentId the component concerned, or {@code null} for none
     * @param ok whether it succeeded
     * @param error why it failed, or {@code null}
     * @param details more about it, or {@code null}
     * @throws NullPointerException when {@code operation} is null
     * @throws IllegalArgumentException when {@code operation} is blank
     * @throws RegistryException when the record cannot be written
     * @since 2.1
     */
    void recordAudit(String operation, String componentId, boolean ok, String error, String details);

    /**
     * Why a component is not active, or is active but unhealthy: one ranked tree of causes down to
     * the root, each root cause with a fix in words. It combines what the framework's resolver, the
     * registry's dependency graph, Declarative Services, the error history, the bundles folder and
     * the audit log know: unresolved requirements with the range asked for and what is installed
     * instead, {@code uses} conflicts, dependencies that are not active (recursively, down to the
     * component to fix), unsatisfied DS references, cycles with their path and the origin of each
     * edge, activators and hooks that threw or timed out, and quarantined files. Reads only: it
     * never waits for a lifecycle operation.
     *
     * @param id the component's id
     * @return the explanation; {@link Explanation#healthy()} when nothing is wrong
     * @throws ComponentNotFoundException for an unknown id
     */
    Explanation explain(String id);

    /**
     * What one component costs now: threads, CPU and allocation attributed to it (see
     * {@link ResourceUsage}), instances and cache entries the registry holds for it, its last
     * activation time and its instance calls per second.
     *
     * @param id the component's id
     * @return its usage, a snapshot
     * @throws ComponentNotFoundException for an unknown id
     * @since 2.3
     */
    ResourceUsage getResourceUsage(String id);

    /**
     * What every component costs now, ordered by id.
     *
     * @return snapshots, unmodifiable
     * @since 2.3
     */
    List<ResourceUsage> getResourceUsages();

    /**
     * Whether resource accounting (threads, CPU, allocation) is on. It is on unless the
     * {@code happyos.resources.accounting} setting is {@code false}, or it was switched off.
     *
     * @return whether it is on
     * @since 2.3
     */
    boolean isResourceAccountingEnabled();

    /**
     * Switches resource accounting on or off; audited. Off, no JDK Flight Recorder stream runs, usage
     * reports 0 for threads, CPU and allocation, and the resource limits of quotas are not checked.
     *
     * @param enabled on or off
     * @return completes once it is so
     * @since 2.3
     */
    CompletionStage<Void> setResourceAccounting(boolean enabled);

    /**
     * Recommendations from what the registry has observed: unused components, activation times and
     * error rates unusual for the component, components always used together, quotas from observed
     * peaks, dependencies declared and unused or used and undeclared. Each with its evidence and the
     * command that applies it.
     *
     * @return the advice, most useful first; empty on a registry with nothing to say
     * @since 2.3
     */
    List<Advice> getAdvice();
}
