package io.happyos.registry.web.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.meters.RegistryMeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registry's meters, scraped in Prometheus's text format at {@code /metrics}: the same meters,
 * names and values as registry-core exports over JMX, from the same definitions
 * ({@link RegistryMeterBinder}), read from the registry at each scrape (see docs/metrics.md).
 */
final class RegistryMeters implements AutoCloseable {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Micrometer holds the object its function meters read weakly: this reference keeps them readable
    private final RegistryMeterBinder binder;

    RegistryMeters(DynamicRegistry registry) {
        binder = new RegistryMeterBinder(registry);
        binder.bindTo(meters);
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
        meters.close();
    }
}
