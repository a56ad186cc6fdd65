package io.happyos.registry.core.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.meters.RegistryMeterBinder;
import io.micrometer.core.instrument.Clock;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;

/**
 * The registry's meters in a Micrometer JMX registry, registered as MBeans while open. Holds the
 * binder the meters read, which Micrometer itself holds only weakly.
 */
final class JmxMeters implements AutoCloseable {

    private final JmxMeterRegistry meters;
    private final RegistryMeterBinder binder;

    private JmxMeters(JmxMeterRegistry meters, RegistryMeterBinder binder) {
        this.meters = meters;
        this.binder = binder;
    }

    /**
     * Registers the meters of a registry as MBeans.
     *
     * @param container the container key of their names
     * @param server where to register them
     * @param registry the registry they read
     * @return the open meters
     */
    static JmxMeters open(String container, MBeanServer server, DynamicRegistry registry) {
        JmxNames names = new JmxNames(container);
        MetricRegistry dropwizard = new MetricRegistry();
        JmxReporter reporter = JmxReporter.forRegistry(dropwizard)
                .registerWith(server)
                .inDomain(JmxNames.DOMAIN)
                .createsObjectNamesWith(names)
                .convertDurationsTo(TimeUnit.MILLISECONDS)
                .convertRatesTo(TimeUnit.SECONDS)
                .build();
        JmxMeterRegistry meters = new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM, names, dropwizard, reporter);
        RegistryMeterBinder binder = new RegistryMeterBinder(registry);
        try {
            binder.bindTo(meters);
        } catch (RuntimeException e) {
            meters.close();
            throw e;
        }
        return new JmxMeters(meters, binder);
    }

    /** @return the binder the meters read */
    RegistryMeterBinder binder() {
        return binder;
    }

    /** Unregisters every MBean. */
    @Override
    public void close() {
        meters.close();
    }
}
