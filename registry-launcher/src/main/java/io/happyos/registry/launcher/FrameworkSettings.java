package io.happyos.registry.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The framework properties the launcher passes to Felix. */
final class FrameworkSettings {

    /** Read by registry-core: the plugin folder it deploys at start-up. */
    static final String BUNDLES_DIR = "happyos.bundles.dir";
    /** Read by registry-core: where it keeps its own state. */
    static final String STORAGE_DIR = "happyos.storage.dir";

    private static final String[] SLF4J_PACKAGES = {"org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi"};

    private FrameworkSettings() {
    }

    /**
     * The properties for one start.
     *
     * @param options the command line
     * @param build the build info (the SLF4J version to export)
     * @param interactive whether the Gogo shell gets the console; otherwise it is told not to read stdin
     * @return a mutable map; values are strings except {@code felix.log.logger}
     */
    static Map<String, Object> create(LauncherOptions options, BuildInfo build, boolean interactive) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", options.storageDir().resolve("felix-cache").toString());
        if (options.clean()) {
            properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        }
        // no bundle provides URL schemes; keeps the JVM-wide URL handler factories untouched
        properties.put("felix.service.urlhandlers", "false");
        // SLF4J comes from the launcher's class path, never as a bundle (pitfall 1)
        properties.put("org.osgi.framework.system.packages.extra", Stream.of(SLF4J_PACKAGES)
                .map(name -> name + ";version=" + build.slf4jVersion())
                .collect(Collectors.joining(",")));
        properties.put("felix.log.logger", new FelixLogger());
        properties.put("felix.log.level", "3");
        properties.put(BUNDLES_DIR, options.bundlesDir().toString());
        properties.put(STORAGE_DIR, options.storageDir().toString());
        // read by registry-core: watch the folder, and roll back a reload that fails
        properties.put("happyos.bundles.watch", Boolean.toString(!options.noWatch()));
        properties.put("happyos.reload.autoRollback", Boolean.toString(!options.noAutoRollback()));
        // the shell reads etc/gosh_profile from here (see GoshProfile)
        properties.put("gosh.home", options.storageDir().toString());
        if (!interactive) {
            properties.put("gosh.args", "--nointeractive");
        }
        return properties;
    }

    /** The SLF4J packages the system bundle exports. */
    static String[] slf4jPackages() {
        return SLF4J_PACKAGES.clone();
    }

    static Path logDir(Path storageDir) {
        return storageDir.resolve("logs");
    }
}
