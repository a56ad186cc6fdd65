package io.happyos.registry.launcher;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Keeps the Gogo shell bundle's {@code gogo:telnetd} command away from every bundle, the Gogo runtime
 * included, so that the command cannot run: it would let any shell user open an
 * unauthenticated shell listener, even on 0.0.0.0 (a remote shell comes with authentication). The
 * rest of the Gogo shell bundle (echo, grep, each, ...) stays.
 *
 * <p>The framework applies no service hook to the system bundle, so Gogo's {@code help}, which looks
 * through the system bundle, still lists the name.
 *
 * <p>Registered by the system bundle between {@code init()} and {@code start()}, before any bundle
 * starts, so that no bundle ever sees the service; a service hook is the OSGi way to hide a service
 * another bundle registers.
 */
final class TelnetdHiding implements FindHook, EventListenerHook {

    /** The class under which the Gogo shell bundle (1.1.x) registers the command. */
    static final String TELNET_CLASS = "org.apache.felix.gogo.shell.Telnet";

    private TelnetdHiding() {}

    /**
     * Registers the hook with the framework.
     *
     * @param systemContext the system bundle's context
     */
    static void register(BundleContext systemContext) {
        systemContext.registerService(
                new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, new TelnetdHiding(), null);
    }

    @Override
    public void find(
            BundleContext context,
            String name,
            String filter,
            boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(TelnetdHiding::isTelnetd);
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (isTelnetd(event.getServiceReference())) {
            listeners.clear();
        }
    }

    private static boolean isTelnetd(ServiceReference<?> reference) {
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        return classes instanceof String[] names && List.of(names).contains(TELNET_CLASS);
    }
}
