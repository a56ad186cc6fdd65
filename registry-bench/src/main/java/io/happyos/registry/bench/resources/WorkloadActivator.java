package io.happyos.registry.bench.resources;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the overhead bundle: registers a {@link LongSupplier} service whose every call
 * is a small CPU- and allocation-heavy piece of plugin work (fill, sort and summarise an array, and
 * build a string), so the benchmark thread runs bundle code the accounting samples.
 */
public final class WorkloadActivator implements BundleActivator {

    /** Made by the framework. */
    public WorkloadActivator() {
        // nothing to set up
    }

    @Override
    public void start(BundleContext context) {
        context.registerService(LongSupplier.class, new Work(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    /** One operation of the workload. */
    static final class Work implements LongSupplier {
        private long seed = 42;

        @Override
        public long getAsLong() {
            long[] values = new long[256];
            long x = seed;
            for (int i = 0; i < values.length; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                values[i] = x >>> 16;
            }
            seed = x;
            Arrays.sort(values);
            StringBuilder text = new StringBuilder(64);
            for (int i = 0; i < 8; i++) {
                text.append(values[i * 32]).append(',');
            }
            return values[128] ^ text.toString().hashCode();
        }
    }
}
