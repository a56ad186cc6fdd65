package io.happyos.registry.meters;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.PerformanceMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The registry's meters, the same wherever they are bound: registry-core binds them to JMX,
 * registry-web to Prometheus. Every meter reads the registry when it is read (a scrape, a JMX
 * attribute), so that two registries bound to the same registry show the same values: nothing is
 * counted here. See {@code docs/metrics.md} for the table of names.
 *
 * <p>Micrometer holds the object a function meter reads weakly: the meters read this binder, so
 * whoever binds it must keep a reference to it for as long as the meters are in use.
 */
public final class RegistryMeterBinder implements MeterBinder {

    /** The prefix of every meter's name. */
    public static final String PREFIX = "happyos.";

    private final ToIntFunction<ComponentStatus> componentsByStatus;
    private final Supplier<PerformanceMetrics> performance;

    /**
     * Meters reading a registry.
     *
     * @param registry the registry to read
     */
    public RegistryMeterBinder(DynamicRegistry registry) {
        this(
                status -> registry.getComponentsByStatus(status).size(),
                () -> registry.diagnostics().getPerformanceMetrics());
        Objects.requireNonNull(registry, "registry");
    }

    /**
     * Meters reading two functions: for tests, and for anyone with the figures but no registry.
     *
     * @param componentsByStatus how many components are in a status now
     * @param performance the registry's figures now
     */
    public RegistryMeterBinder(
            ToIntFunction<ComponentStatus> componentsByStatus, Supplier<PerformanceMetrics> performance) {
        this.componentsByStatus = Objects.requireNonNull(componentsByStatus, "componentsByStatus");
        this.performance = Objects.requireNonNull(performance, "performance");
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (ComponentStatus status : ComponentStatus.values()) {
            Gauge.builder(PREFIX + "components", this, b -> b.componentsByStatus.applyAsInt(status))
                    .description("components by status")
                    .tag("status", status.name())
                    .register(meters);
        }
        counter(meters, "activations", "activations that succeeded", PerformanceMetrics::activations);
        counter(meters, "activation.failures", "activations that failed", PerformanceMetrics::activationFailures);
        timer(
                meters,
                "activation",
                "how long the activations that succeeded took",
                PerformanceMetrics::activations,
                PerformanceMetrics::totalActivationTime);
        time(meters, "activation.max", "the longest activation", PerformanceMetrics::maxActivationTime);
        time(meters, "activation.p50", "the median of the recent activations", PerformanceMetrics::p50ActivationTime);
        time(
                meters,
                "activation.p99",
                "the 99th percentile of the recent activations",
                PerformanceMetrics::p99ActivationTime);
        counter(meters, "errors", "changes of a component's status to ERROR", PerformanceMetrics::errors);
        counter(meters, "reloads", "reloads of a changed JAR in the bundles folder", PerformanceMetrics::reloads);
        counter(meters, "quarantines", "files moved to the quarantine", PerformanceMetrics::quarantines);
        counter(meters, "lookups", "instance lookups through the registry", PerformanceMetrics::lookups);
        counter(meters, "cache.hits", "instance lookups served from the cache", RegistryMeterBinder::cacheHits);
        counter(meters, "cache.misses", "instance lookups that made the instance", PerformanceMetrics::cacheMisses);
        counter(meters, "operations", "lifecycle operations", PerformanceMetrics::operations);
        counter(
                meters,
                "operation.failures",
                "lifecycle operations that failed",
                PerformanceMetrics::operationFailures);
        timer(
                meters,
                "persistence.write",
                "changes committed to the registry database, from queued to committed",
                PerformanceMetrics::persistenceWrites,
                PerformanceMetrics::persistenceWriteTime);
        time(
                meters,
                "persistence.write.max",
                "the longest time a change waited to be committed",
                PerformanceMetrics::maxPersistenceWriteTime);
    }

    static double cacheHits(PerformanceMetrics p) {
        return Math.max(0L, p.lookups() - p.cacheMisses());
    }

    private void counter(
            MeterRegistry meters, String name, String description, ToDoubleFunction<PerformanceMetrics> value) {
        FunctionCounter.builder(PREFIX + name, this, b -> value.applyAsDouble(b.performance.get()))
                .description(description)
                .register(meters);
    }

    private void timer(
            MeterRegistry meters,
            String name,
            String description,
            ToLongFunction<PerformanceMetrics> count,
            Function<PerformanceMetrics, Duration> total) {
        FunctionTimer.builder(
                        PREFIX + name,
                        this,
                        b -> count.applyAsLong(b.performance.get()),
                        b -> total.apply(b.performance.get()).toNanos(),
                        TimeUnit.NANOSECONDS)
                .description(description)
                .register(meters);
    }

    private void time(
            MeterRegistry meters, String name, String description, Function<PerformanceMetrics, Duration> value) {
        TimeGauge.builder(
                        PREFIX + name,
                        this,
                        TimeUnit.NANOSECONDS,
                        b -> value.apply(b.performance.get()).toNanos())
                .description(description)
                .register(meters);
    }
}
