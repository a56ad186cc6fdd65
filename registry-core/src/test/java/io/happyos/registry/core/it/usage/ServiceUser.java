package io.happyos.registry.core.it.usage;

import io.happyos.registry.DynamicRegistry;
import java.util.Dictionary;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Activator of the usage tests' consumer bundles: does, on start, what its manifest says. It looks
 * services up by interface name only (it needs no import of the interface's package), so a
 * consumer can use a service without declaring anything.
 *
 * <ul>
 *   <li>{@value #SERVICE}: the interface name to look up; {@value #LOOKUPS}: how many times;
 *   {@value #HOLD}: {@code true} to get the service found and keep it until the bundle stops;</li>
 *   <li>{@value #INSTANCE_OF}: a component id; {@value #INSTANCE_CALLS}: how many times to get its
 *   instance from the registry service.</li>
 * </ul>
 */
public final class ServiceUser implements BundleActivator {

    /** Header: the interface to look up. */
    public static final String SERVICE = "Usage-Service";
    /** Header: how many lookups. */
    public static final String LOOKUPS = "Usage-Lookups";
    /** Header: whether to hold the service found. */
    public static final String HOLD = "Usage-Hold";
    /** Header: the component whose instance to get. */
    public static final String INSTANCE_OF = "Usage-Instance-Of";
    /** Header: how many instance calls. */
    public static final String INSTANCE_CALLS = "Usage-Instance-Calls";

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        Dictionary<String, String> headers = context.getBundle().getHeaders();
        ServiceReference<?>[] found = null;
        for (int i = 0; i < count(headers.get(LOOKUPS)); i++) {
            found = context.getServiceReferences(headers.get(SERVICE), null);
        }
        if (found == null && count(headers.get(LOOKUPS)) > 0) {
            throw new IllegalStateException("no " + headers.get(SERVICE) + " service to look up");
        }
        if ("true".equals(headers.get(HOLD)) && found != null) {
            context.getService(found[0]);
        }
        String instanceOf = headers.get(INSTANCE_OF);
        int calls = count(headers.get(INSTANCE_CALLS));
        if (instanceOf != null && calls > 0) {
            ServiceReference<DynamicRegistry> ref = context.getServiceReference(DynamicRegistry.class);
            DynamicRegistry registry = context.getService(ref);
            try {
                for (int i = 0; i < calls; i++) {
                    registry.getComponentInstance(instanceOf);
                }
            } finally {
                context.ungetService(ref);
            }
        }
    }

    private static int count(String value) {
        return value == null ? 0 : Integer.parseInt(value.trim());
    }

    @Override
    public void stop(BundleContext context) {
        // the framework releases what it holds
    }
}
