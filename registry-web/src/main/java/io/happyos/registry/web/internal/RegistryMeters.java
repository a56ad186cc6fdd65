package io.happyos.registry.web.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The registry's figures as Micrometer meters, scraped in Prometheus's text format at
 * {@code /metrics}: components by status, activations and their durations (a histogram), errors,
 * reloads, quarantines, lookups and instance cache hits. Counts kept by the registry are read when
 * scraped; activation times and errors are recorded as status changes arrive.
 */
final class RegistryMeters implements AutoCloseable {

    private static final int AUDIT_LIMIT = 10_000;

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DynamicRegistry registry;
    private final Instant since = Instant.now();
    private final List<AuditCount> auditCounts = new java.util.ArrayList<>();
    private final Timer activationTime;
    private final Counter errors;
    private final Registration listener;

    RegistryMeters(DynamicRegistry registry) {
        this.registry = registry;
        for (ComponentStatus status : ComponentStatus.values()) {
            Gauge.builder(
                            "happyos.components",
                            registry,
                            r -> r.getComponentsByStatus(status).size())
                    .description("components by status")
                    .tag("status", status.name())
                    .register(meters);
        }
        performance("happyos.activations", "activations the registry ran", p -> p.activations());
        performance("happyos.activation.failures", "activations that failed", p -> p.activationFailures());
        performance("happyos.lookups", "instance lookups through the registry", p -> p.lookups());
        performance(
                "happyos.cache.hits",
                "instance lookups served from the cache",
                p -> Math.round(p.lookups() * p.cacheHitRate()));
        performance("happyos.operations", "lifecycle operations", p -> p.operations());
        performance("happyos.operation.failures", "lifecycle operations that failed", p -> p.operationFailures());
        audited("happyos.reloads", "reload", "reloads of a changed JAR since the web console started");
        audited("happyos.quarantines", "quarantine", "files quarantined since the web console started");
        activationTime = Timer.builder("happyos.activation")
                .description("how long activations took (seen by the web console)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters);
        errors = Counter.builder("happyos.errors")
                .description("components that went into ERROR since the web console started")
                .register(meters);
        listener = registry.lifecycle().addStatusListener(this::statusChanged);
    }

    private void performance(String name, String description, ToDoubleFunction<PerformanceMetrics> value) {
        FunctionCounter.builder(
                        name, registry, r -> value.applyAsDouble(r.diagnostics().getPerformanceMetrics()))
                .description(description)
                .register(meters);
    }

    private void audited(String name, String operation, String description) {
        AuditCount count = new AuditCount(operation);
        // Micrometer holds a function counter's object weakly: without this reference it would be
        // collected and the meter would read NaN
        auditCounts.add(count);
        FunctionCounter.builder(name, count, c -> c.read(registry))
                .description(description)
                .register(meters);
    }

    /**
     * The audit records of one operation since the web console started, counted incrementally: each
     * scrape reads only the records newer than the newest it saw, not the whole log again.
     */
    private final class AuditCount {
        private final String operation;
        private long count;
        private long lastSequence = -1;
        private Instant lastAt = since;

        AuditCount(String operation) {
            this.operation = operation;
        }

        synchronized double read(DynamicRegistry r) {
            List<AuditRecord> records = r.diagnostics()
                    .getAuditLog(new AuditQuery(null, operation, null, lastAt, null, false, AUDIT_LIMIT));
            for (AuditRecord record : records) {
                if (record.sequence() > lastSequence) {
                    count++;
                }
            }
            for (AuditRecord record : records) {
                if (record.sequence() > lastSequence) {
                    lastSequence = record.sequence();
                    lastAt = record.at();
                }
            }
            return count;
        }
    }

    private void statusChanged(String id, ComponentStatus from, ComponentStatus to) {
        if (to == ComponentStatus.ERROR) {
            errors.increment();
        } else if (to == ComponentStatus.ACTIVE) {
            Optional<Duration> took = registry.diagnostics().getActivationTime(id);
            took.ifPresent(activationTime::record);
        }
    }

    /**
     * The meters in Prometheus's text format.
     *
     * @return the text
     */
    String scrape() {
        return meters.scrape();
    }

    @Override
    public void close() {
        listener.close();
        meters.close();
    }
}
