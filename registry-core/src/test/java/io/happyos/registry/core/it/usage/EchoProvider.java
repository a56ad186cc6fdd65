package io.happyos.registry.core.it.usage;

import io.happyos.registry.core.it.usage.api.Echo;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the usage tests' provider bundle: registers two named service components, an
 * {@link Echo} named {@code echo} and a {@link Runnable} named {@code spare}.
 */
public final class EchoProvider implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> echo = new Hashtable<>();
        echo.put("happyos.component.name", "echo");
        Echo service = text -> text;
        context.registerService(Echo.class, service, echo);
        Hashtable<String, Object> spare = new Hashtable<>();
        spare.put("happyos.component.name", "spare");
        Runnable idle = () -> {};
        context.registerService(Runnable.class, idle, spare);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
