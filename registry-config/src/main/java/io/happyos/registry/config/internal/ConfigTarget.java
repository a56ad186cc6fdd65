package io.happyos.registry.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import org.osgi.service.cm.Configuration;

/**
 * The configuration {@code config:set} changes: an existing one by its exact PID; otherwise a named
 * factory configuration when the PID reads as {@code FACTORYPID~NAME} or {@code FACTORYPID-NAME}
 * (the file name convention; always with {@code --factory}); otherwise a new configuration of that
 * PID.
 *
 * @param configuration the configuration (new ones are created, not yet saved)
 * @param pid its PID
 * @param existing whether it existed before
 */
record ConfigTarget(Configuration configuration, String pid, boolean existing) {

    /**
     * Finds or makes the configuration a PID names.
     *
     * @param configurations Configuration Admin
     * @param pid what the user typed
     * @param factory whether {@code --factory} was given
     * @return the target
     * @throws IllegalArgumentException when a factory form has an empty part
     */
    static ConfigTarget of(Configurations configurations, String pid, boolean factory) {
        Optional<Configuration> exact = configurations.find(pid);
        if (exact.isPresent() && !factory) {
            return new ConfigTarget(exact.get(), pid, true);
        }
        int split = pid.indexOf('~') >= 0 ? pid.indexOf('~') : pid.indexOf('-');
        try {
            if (split < 0) {
                if (factory) {
                    throw new IllegalArgumentException("--factory needs FACTORYPID-NAME, got " + pid);
                }
                return new ConfigTarget(configurations.admin().getConfiguration(pid, "?"), pid, false);
            }
            String factoryPid = pid.substring(0, split);
            String name = pid.substring(split + 1);
            if (factoryPid.isEmpty() || name.isEmpty()) {
                throw new IllegalArgumentException(
                        "a factory configuration is FACTORYPID-NAME, with both parts; got " + pid);
            }
            String full = factoryPid + "~" + name;
            Optional<Configuration> named = configurations.find(full);
            Configuration configuration = named.isPresent()
                    ? named.get()
                    : configurations.admin().getFactoryConfiguration(factoryPid, name, "?");
            return new ConfigTarget(configuration, configuration.getPid(), named.isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException("Configuration Admin failed: " + e.getMessage(), e);
        }
    }

    /** @return a copy of the current properties (the file marker included), empty for a new configuration */
    Dictionary<String, Object> properties() {
        Dictionary<String, Object> properties = configuration.getProperties();
        return properties == null ? new Hashtable<>() : properties;
    }
}
