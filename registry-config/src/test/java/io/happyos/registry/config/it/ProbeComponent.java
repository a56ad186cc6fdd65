package io.happyos.registry.config.it;

/**
 * A DS component implementation for {@link PluginConfigurationIT}: it requires its configuration,
 * and DS publishes the configuration's properties on its service, where the test reads them.
 */
public final class ProbeComponent implements Runnable {

    @Override
    public void run() {
        // nothing: the service's properties are what the test looks at
    }
}
