package io.happyos.registry.core.metrics;

import io.happyos.registry.DynamicRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the registry's meters over JMX, in the platform MBean server, under the domain
 * {@value JmxNames#DOMAIN} with a {@code container} key naming the framework's storage folder.
 *
 * <p>Off the start path: {@link #start} returns at once and a thread of its own loads Micrometer,
 * makes the JMX registry and binds the meters; the registry calls it once it is ready. When a
 * framework of the same storage folder in this JVM already exports its meters, this one logs why
 * and exports nothing. {@link #close()} waits for that thread and unregisters every MBean it
 * registered.
 */
public final class JmxExport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JmxExport.class);
    private static final long JOIN_MILLIS = 5_000;

    private final String container;
    private final ThreadFactory threads;
    private Thread binding; // guarded by this
    private boolean closed; // guarded by this
    private AutoCloseable meters; // guarded by this; a JmxMeters, typed so that this class loads no Micrometer

    /**
     * @param container the value of the {@code container} key of every ObjectName
     * @param threads makes the thread that binds the meters
     */
    public JmxExport(String container, ThreadFactory threads) {
        this.container = Objects.requireNonNull(container, "container");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * The {@code container} key of a framework: its storage folder, absolute.
     *
     * @param storage the framework property {@code org.osgi.framework.storage}, or {@code null}
     *     for Felix's default, {@code felix-cache} in the current folder
     * @return the absolute, normalised path
     */
    public static String containerOf(String storage) {
        return Path.of(storage == null || storage.isBlank() ? "felix-cache" : storage)
                .toAbsolutePath()
                .normalize()
                .toString();
    }

    /**
     * Binds the meters of a registry, on a thread of its own; does nothing once closed or started.
     *
     * @param registry the registry the meters read
     */
    public synchronized void start(DynamicRegistry registry) {
        if (closed || binding != null) {
            return;
        }
        binding = threads.newThread(() -> bind(registry));
        binding.start();
    }

    private void bind(DynamicRegistry registry) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!server.queryNames(new ObjectName(JmxNames.pattern(container)), null)
                        .isEmpty()) {
                    LOG.warn(
                            "the registry's meters are not exported over JMX: another framework in this JVM"
                                    + " already exports its meters as container {}",
                            container);
                    return;
                }
                meters = JmxMeters.open(container, server, registry);
            }
            LOG.debug("the registry's meters are exported over JMX as {}", JmxNames.pattern(container));
        } catch (Exception | LinkageError e) {
            LOG.warn("the registry's meters are not exported over JMX: {}", e.toString(), e);
        }
    }

    /** Waits for the meters to be bound, if they are being bound, and unregisters them. */
    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            closed = true;
            current = binding;
        }
        if (current != null && current != Thread.currentThread()) {
            try {
                current.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AutoCloseable bound;
        synchronized (this) {
            bound = meters;
            meters = null;
        }
        if (bound != null) {
            try {
                bound.close();
            } catch (Exception e) {
                LOG.warn("could not unregister the registry's JMX meters: {}", e.toString(), e);
            }
        }
    }
}
