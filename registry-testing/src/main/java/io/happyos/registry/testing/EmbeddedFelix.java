package io.happyos.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix framework for a test: its own storage folder, {@code org.slf4j} and the registry API
 * exported from the test class path, bundles installed from files. Close it to stop the framework
 * and delete the folder. {@link EmbeddedFramework} does the same for a JUnit 5 test class.
 *
 * <p>Where the bundles come from is configuration, system properties that the module's
 * failsafe configuration sets: {@code it.bundles} (a folder of runtime bundles, versions stripped
 * from their file names), {@code it.core.bundle} (the registry core JAR),
 * {@code it.sample.bundles}, {@code it.test.bundles} and {@code it.update.bundles}.
 */
public final class EmbeddedFelix implements AutoCloseable {

    /** Location prefix the registry reads as "one of the container's own runtime bundles". */
    public static final String RUNTIME_LOCATION_PREFIX = "happyos-runtime:";

    /**
     * The bundles the registry core needs beside it at runtime, by file name in the folder
     * {@code it.bundles}, in start order: {@link #withRegistry()} installs these, then the core
     * bundle ({@code it.core.bundle}). A module whose tests start the registry copies them there
     * (maven-dependency-plugin, {@code copy-dependencies} with {@code stripVersion}).
     */
    public static final List<String> REGISTRY_RUNTIME_BUNDLES =
            List.of("jackson-core.jar", "caffeine.jar", "sqlite-jdbc.jar");

    /** Felix SCR and the OSGi bundles it needs, by file name in {@code it.bundles}, in start order. */
    public static final List<String> SCR_BUNDLES = List.of(
            "org.osgi.util.function.jar",
            "org.osgi.util.promise.jar",
            "org.osgi.service.component.jar",
            "org.apache.felix.scr.jar");

    private final Framework framework;
    private final Path storage;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts a framework with a fresh storage folder.
     *
     * @param extraProperties framework properties to add
     * @return the started framework
     */
    public static EmbeddedFelix start(Map<String, String> extraProperties) throws IOException, BundleException {
        Path storage = Files.createTempDirectory("happyos-felix-");
        return start(storage, extraProperties);
    }

    /**
     * Starts a framework on a given storage folder (which {@link #close()} deletes).
     *
     * @param storage the folder
     * @param extraProperties framework properties to add
     * @return the started framework
     */
    public static EmbeddedFelix start(Path storage, Map<String, String> extraProperties) throws BundleException {
        return start(storage, extraProperties, true, null);
    }

    private static EmbeddedFelix start(
            Path storage, Map<String, String> extraProperties, boolean clean, BundleListener earlyListener)
            throws BundleException {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.resolve("cache").toString());
        if (clean) {
            props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        props.put("felix.service.urlhandlers", "false");
        // the test and the registry share one DynamicRegistry class: the API bundle itself is not installed
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra());
        props.put("happyos.storage.dir", storage.toString());
        props.putAll(extraProperties);
        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(props);
        framework.init();
        if (earlyListener != null) {
            framework.getBundleContext().addBundleListener(earlyListener);
        }
        framework.start();
        return new EmbeddedFelix(framework, storage);
    }

    /**
     * The packages the system bundle exports from the class path: SLF4J and the registry API, at
     * the versions their JARs declare (never written in a test).
     *
     * @return the value of {@code org.osgi.framework.system.packages.extra} a framework starts with
     */
    public static String systemPackagesExtra() {
        return SystemPackages.extra();
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the framework */
    public Framework framework() {
        return framework;
    }

    /** @return this framework's storage folder */
    public Path storage() {
        return storage;
    }

    /**
     * Installs a bundle from a file, with its {@code file:} URI as location.
     *
     * @param jar the file
     * @return the bundle
     */
    public Bundle install(Path jar) throws BundleException {
        return context().installBundle(jar.toAbsolutePath().normalize().toUri().toString());
    }

    /**
     * Installs sample bundles ({@link #sampleBundle}) without starting them.
     *
     * @param symbolicNames the samples, installed in this order
     * @return the bundles, in the same order
     */
    public List<Bundle> installSamples(List<String> symbolicNames) throws BundleException, IOException {
        List<Bundle> bundles = new java.util.ArrayList<>();
        for (String sample : symbolicNames) {
            bundles.add(install(sampleBundle(sample)));
        }
        return bundles;
    }

    /**
     * Installs a bundle as one of the container's runtime bundles, as the launcher does.
     *
     * @param jar the file
     * @return the bundle
     */
    public Bundle installRuntime(Path jar) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context().installBundle(RUNTIME_LOCATION_PREFIX + jar.getFileName(), in);
        }
    }

    /**
     * Installs and starts the registry core bundle built by the reactor ({@code it.core.bundle}) and
     * the {@link #REGISTRY_RUNTIME_BUNDLES} it needs (the API comes from the system bundle, see
     * {@link #systemPackagesExtra()}).
     *
     * @return this
     */
    public EmbeddedFelix withRegistry() throws BundleException, IOException {
        for (String jar : REGISTRY_RUNTIME_BUNDLES) {
            installRuntime(itBundle(jar)).start();
        }
        installRuntime(Paths.get(requiredProperty("it.core.bundle"))).start();
        return this;
    }

    /**
     * Installs and starts Felix SCR and the OSGi bundles it needs, as the launcher does; call it
     * before {@link #withRegistry()} so that the registry sees the DS runtime API.
     *
     * @return this
     */
    public EmbeddedFelix withScr() throws BundleException, IOException {
        for (String jar : SCR_BUNDLES) {
            installRuntime(itBundle(jar)).start();
        }
        return this;
    }

    /**
     * Waits for a service and returns it.
     *
     * @param type the service interface, as this class loader sees it
     * @param timeout how long to wait
     * @return the service
     * @throws AssertionError when it does not come
     */
    public <T> T service(Class<T> type, Duration timeout) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open(true);
        T service = tracker.waitForService(timeout.toMillis());
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service within " + timeout);
        }
        return service;
    }

    /**
     * A bundle copied into {@code target/it-bundles} by the build.
     *
     * @param fileName its file name, version stripped
     * @return its path
     */
    public static Path itBundle(String fileName) {
        return Paths.get(requiredProperty("it.bundles")).resolve(fileName);
    }

    /**
     * A sample bundle JAR from {@code sample-bundles/target/bundles} (or test-bundles).
     *
     * @param symbolicName the sample's symbolic name, which starts its file name
     * @return its path
     */
    public static Path sampleBundle(String symbolicName) throws IOException {
        for (String property : List.of("it.sample.bundles", "it.test.bundles")) {
            Path dir = Paths.get(requiredProperty(property));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                var match = files.filter(f -> f.getFileName().toString().startsWith(symbolicName + "-")
                                || f.getFileName().toString().equals(symbolicName + ".jar"))
                        .findFirst();
                if (match.isPresent()) {
                    return match.get().toAbsolutePath().normalize();
                }
            }
        }
        throw new AssertionError("sample bundle " + symbolicName + " not built; run mvn package in sample-bundles");
    }

    /**
     * A later version of a sample, from {@code sample-bundles/target/updates}.
     *
     * @param fileName e.g. {@code echo-skill-2.0.0.jar}
     * @return its path
     */
    public static Path updateBundle(String fileName) {
        Path file = Paths.get(requiredProperty("it.update.bundles"))
                .resolve(fileName)
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " not built; run mvn package in sample-bundles");
        }
        return file;
    }

    /** @return the folder of the demo sample bundles */
    public static Path sampleBundlesFolder() {
        return Paths.get(requiredProperty("it.sample.bundles")).toAbsolutePath().normalize();
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new AssertionError("system property " + name + " is not set: run the test through Maven (failsafe)");
        }
        return value;
    }

    /**
     * Stops this framework and starts a new one on the same storage, as a container restart does:
     * the bundles and their start state come back from the framework's cache.
     *
     * @param extraProperties framework properties to add
     * @return the new framework (close it instead of this one)
     */
    public EmbeddedFelix restart(Map<String, String> extraProperties) throws Exception {
        return restart(extraProperties, null);
    }

    /**
     * Like {@link #restart(Map)}, with a listener that sees the bundle events of the start itself.
     *
     * @param extraProperties framework properties to add
     * @param earlyListener added before any bundle starts, or {@code null}
     * @return the new framework (close it instead of this one)
     */
    public EmbeddedFelix restart(Map<String, String> extraProperties, BundleListener earlyListener) throws Exception {
        stopFramework();
        return start(storage, extraProperties, false, earlyListener);
    }

    /** Stops the framework and waits until it has stopped, without deleting its storage. */
    public void stopFramework() throws Exception {
        framework.stop();
        FrameworkEvent event = framework.waitForStop(Duration.ofSeconds(30).toMillis());
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            throw new AssertionError("framework did not stop within 30 s");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopFramework();
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
