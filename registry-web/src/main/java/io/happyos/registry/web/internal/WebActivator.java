package io.happyos.registry.web.internal;

import io.happyos.registry.DynamicRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the web surfaces when {@code happyos.http} is set: reads the token (made at the first
 * start), and publishes the API, event stream, health, metrics and console servlets and the guard
 * in front of them as OSGi Servlet Whiteboard services, which Felix HTTP Jetty serves. Plugins add
 * their own servlets the same way. Without {@code happyos.http} it does nothing.
 */
public final class WebActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(WebActivator.class);

    static final String SERVLET_PATTERN = "osgi.http.whiteboard.servlet.pattern";
    static final String SERVLET_NAME = "osgi.http.whiteboard.servlet.name";
    static final String FILTER_SERVLET = "osgi.http.whiteboard.filter.servlet";
    static final String FILTER_NAME = "osgi.http.whiteboard.filter.name";

    static final String API = "happyos-api";
    static final String EVENTS = "happyos-events";
    static final String HEALTH = "happyos-health";
    static final String METRICS = "happyos-metrics";
    static final String CONSOLE = "happyos-console";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final AtomicReference<EventHub> hub = new AtomicReference<>();
    private final AtomicReference<RegistryMeters> meters = new AtomicReference<>();
    private ServiceTracker<DynamicRegistry, DynamicRegistry> tracker;

    @Override
    public void start(BundleContext context) throws Exception {
        WebSettings settings;
        AccessToken token;
        try {
            settings = WebSettings.read(context::getProperty);
            if (settings.address() == null) {
                LOG.debug("happyos.http is not set: the web console and HTTP API are off");
                return;
            }
            token = AccessToken.load(settings.tokenFile());
        } catch (IllegalArgumentException | IOException e) {
            throw new StartupRefusedException("The web console cannot start: " + e.getMessage(), e);
        }
        tracker = new ServiceTracker<>(context, DynamicRegistry.class, new Customizer(context));
        tracker.open();
        Uploads uploads =
                new Uploads(tracker::getService, settings.bundlesDir(), settings.storageDir(), settings.maxUpload());
        uploads.deleteLeftovers();
        register(context, Servlet.class, new ApiServlet(tracker::getService, uploads), servlet(API, "/api/*"));
        register(context, Servlet.class, new EventStreamServlet(hub::get), servlet(EVENTS, "/api/events"));
        register(context, Servlet.class, new HealthServlet(tracker::getService), servlet(HEALTH, "/health"));
        register(context, Servlet.class, new MetricsServlet(meters::get), servlet(METRICS, "/metrics"));
        register(context, Servlet.class, new ConsoleServlet(context.getBundle()), servlet(CONSOLE, new String[] {
            "/", "/console/*"
        }));
        Dictionary<String, Object> filter = new Hashtable<>();
        filter.put(FILTER_NAME, "happyos-guard");
        filter.put(FILTER_SERVLET, new String[] {API, EVENTS, HEALTH, METRICS, CONSOLE});
        register(context, Filter.class, new WebGuard(() -> token, settings.maxUpload()), filter);
        LOG.info("HTTP API and console published (token in {})", token.file());
    }

    private static Dictionary<String, Object> servlet(String name, Object pattern) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SERVLET_NAME, name);
        props.put(SERVLET_PATTERN, pattern);
        return props;
    }

    private <S> void register(BundleContext context, Class<S> type, S service, Dictionary<String, Object> props) {
        registrations.add(context.registerService(type, service, props));
    }

    /** Makes the event hub and the meters for the registry service while it is there. */
    private final class Customizer implements ServiceTrackerCustomizer<DynamicRegistry, DynamicRegistry> {
        private final BundleContext context;

        Customizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public DynamicRegistry addingService(ServiceReference<DynamicRegistry> reference) {
            DynamicRegistry registry = context.getService(reference);
            if (registry == null) {
                return null;
            }
            replace(new EventHub(registry), new RegistryMeters(registry));
            return registry;
        }

        @Override
        public void modifiedService(ServiceReference<DynamicRegistry> reference, DynamicRegistry service) {
            // nothing to do
        }

        @Override
        public void removedService(ServiceReference<DynamicRegistry> reference, DynamicRegistry service) {
            replace(null, null);
            context.ungetService(reference);
        }
    }

    private void replace(EventHub newHub, RegistryMeters newMeters) {
        EventHub oldHub = hub.getAndSet(newHub);
        if (oldHub != null) {
            oldHub.close();
        }
        RegistryMeters oldMeters = meters.getAndSet(newMeters);
        if (oldMeters != null) {
            oldMeters.close();
        }
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered with the bundle
            }
        }
        registrations.clear();
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        replace(null, null);
    }
}
