package io.happyos.registry.core.it.named;

import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers a plain service under a component name of its own: the registry makes it an entry, named-x. */
public final class NamerActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("happyos.component.name", "named-x");
        Runnable service = () -> {};
        context.registerService(Runnable.class, service, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
