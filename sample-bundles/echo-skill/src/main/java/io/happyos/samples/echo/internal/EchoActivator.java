package io.happyos.samples.echo.internal;

import io.happyos.samples.echo.Echo;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link Echo} skill, version 1.0.0. */
public final class EchoActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(EchoActivator.class);

    private ServiceRegistration<Echo> registration;

    @Override
    public void start(BundleContext context) {
        registration = context.registerService(
                Echo.class,
                new PlainEcho(),
                FrameworkUtil.asDictionary(Map.of("happyos.component.name", "echo-skill")));
        LOG.info("echo-skill 1.0.0 started");
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        LOG.info("echo-skill 1.0.0 stopped");
    }
}
