package io.happyos.registry.launcher;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.LoggerFactory;

/**
 * The activator of a bundle built by {@link LauncherIT} that imports {@code org.slf4j} in
 * {@code [1.7,2)}, as most bundles built for SLF4J 1.7 do: it logs one line when it starts.
 */
public final class Slf4j17Activator implements BundleActivator {

    /** What it logs. */
    static final String LINE = "an SLF4J 1.7 importer logs through the container";

    @Override
    public void start(BundleContext context) {
        LoggerFactory.getLogger(Slf4j17Activator.class).info(LINE);
    }

    @Override
    public void stop(BundleContext context) {}
}
