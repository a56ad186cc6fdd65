package io.happyos.registry.testing;

import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Put into a test bundle by {@link TestBundleTest}: registers a {@code Supplier} that names its bundle. */
public final class ProbeActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Supplier<String> probe = () -> context.getBundle().getSymbolicName();
        context.registerService(Supplier.class, probe, new Hashtable<>(Map.of("probe", "yes")));
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
