package io.happyos.registry.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundles the launcher carries under {@code runtime/} (API, cluster, core, shell, SSH, Gogo, SCR
 * and its promise/function libraries), listed in install order by {@code runtime/bundles.list}. The
 * optional ones ({@link #OPTIONAL}) are installed only when the framework property that turns them on
 * is set.
 *
 * <p>Each is installed with the location {@value #LOCATION_PREFIX}{@code <file name>}. On a start
 * with an existing framework cache, a bundle already installed at its location is kept, or updated
 * when the embedded JAR has another Bundle-Version; runtime bundles no longer embedded are
 * uninstalled.
 */
final class RuntimeBundles {

    /** The location prefix that registry-core recognises as the container's own bundles. */
    static final String LOCATION_PREFIX = "happyos-runtime:";

    /** The file of the registry API bundle, left out when the system bundle exports the API. */
    static final String API_BUNDLE = "registry-api.jar";

    /** The file of the cluster bundle, left out of a standalone container. */
    static final String CLUSTER_BUNDLE = "registry-cluster.jar";

    /**
     * The runtime bundles installed only on demand, by file, each with the framework property that
     * turns it on: without it, a bundle of that name installed by an earlier start is uninstalled.
     */
    static final Map<String, String> OPTIONAL = Map.of(
            CLUSTER_BUNDLE,
            FrameworkSettings.CLUSTER,
            "sshd-osgi.jar",
            FrameworkSettings.SSH,
            "registry-ssh.jar",
            FrameworkSettings.SSH,
            "org.apache.felix.http.servlet-api.jar",
            FrameworkSettings.HTTP,
            "org.apache.felix.http.jetty.jar",
            FrameworkSettings.HTTP,
            "registry-web.jar",
            FrameworkSettings.HTTP);

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeBundles.class);
    private static final String FOLDER = "runtime/";
    private static final String INDEX = FOLDER + "bundles.list";
    /** The simple name of the exception registry-core and registry-cluster throw when they must not start. */
    private static final String REFUSAL = "StartupRefusedException";

    private final List<String> fileNames;

    private RuntimeBundles(List<String> fileNames) {
        this.fileNames = List.copyOf(fileNames);
    }

    /**
     * Reads the index from the launcher's class path.
     *
     * @return the runtime bundles
     * @throws StartupException when the index or a JAR it names is missing (a broken build)
     */
    static RuntimeBundles embedded() throws StartupException {
        List<String> names = new ArrayList<>();
        try (InputStream in = resource(INDEX);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new StartupException("Cannot read " + INDEX + " from the launcher JAR", e);
        }
        for (String name : names) {
            if (RuntimeBundles.class.getClassLoader().getResource(FOLDER + name) == null) {
                throw new StartupException("The launcher JAR lacks the runtime bundle " + FOLDER + name);
            }
        }
        return new RuntimeBundles(names);
    }

    /** The file names, in install order. */
    List<String> fileNames() {
        return fileNames;
    }

    /**
     * These runtime bundles less one; a bundle of that name installed by an earlier start is then
     * uninstalled by {@link #installOrUpdate}.
     *
     * @param fileName the file to leave out
     * @return the others
     */
    RuntimeBundles without(String fileName) {
        return new RuntimeBundles(
                fileNames.stream().filter(name -> !name.equals(fileName)).toList());
    }

    /**
     * These runtime bundles less the {@link #OPTIONAL} ones whose property is not set.
     *
     * @param properties the framework properties of the start
     * @return the bundles the start needs
     */
    RuntimeBundles wantedFor(Map<String, Object> properties) {
        return new RuntimeBundles(fileNames.stream()
                .filter(name -> {
                    String property = OPTIONAL.get(name);
                    Object value = property == null ? null : properties.get(property);
                    return property == null
                            || (value != null && !value.toString().isBlank());
                })
                .toList());
    }

    /**
     * The {@code Export-Package} header of one of the embedded bundles, as it is: the framework
     * exports the same packages, at the same versions, when the application shares them.
     *
     * @param fileName the bundle's file
     * @return the header's value
     * @throws StartupException when the bundle or its header is missing (a broken build)
     */
    String exportedPackages(String fileName) throws StartupException {
        if (!fileNames.contains(fileName)) {
            throw new StartupException("The launcher JAR lacks the runtime bundle " + FOLDER + fileName);
        }
        String exports = manifest(fileName).getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        if (exports == null || exports.isBlank()) {
            throw new StartupException("The runtime bundle " + fileName + " exports no package");
        }
        return exports;
    }

    /**
     * Installs every runtime bundle not installed yet, updates those whose embedded Bundle-Version
     * differs from the installed one, and uninstalls runtime bundles no longer embedded. Call it
     * between {@code Framework.init()} and {@code start()}: nothing is resolved yet, so an update
     * replaces the old revision at once and needs no refresh.
     *
     * @param context the system bundle's context
     * @return the bundles, in index order
     * @throws StartupException when one cannot be installed or updated
     */
    List<Bundle> installOrUpdate(BundleContext context) throws StartupException {
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            installed.put(bundle.getLocation(), bundle);
        }
        uninstallRemoved(installed);
        List<Bundle> bundles = new ArrayList<>();
        for (String name : fileNames) {
            Bundle existing = installed.get(LOCATION_PREFIX + name);
            if (existing == null) {
                bundles.add(install(context, name));
            } else {
                updateIfChanged(existing, name);
                bundles.add(existing);
            }
        }
        return bundles;
    }

    /**
     * Starts the bundles that are not fragments, in order. Bundles already active are left alone.
     *
     * @param bundles the runtime bundles, from {@link #installOrUpdate}
     * @throws StartupException when one cannot be started
     */
    static void startAll(List<Bundle> bundles) throws StartupException {
        for (Bundle bundle : bundles) {
            start(bundle);
        }
    }

    private void uninstallRemoved(Map<String, Bundle> installed) {
        Set<String> current = Set.copyOf(
                fileNames.stream().map(name -> LOCATION_PREFIX + name).toList());
        for (Map.Entry<String, Bundle> entry : installed.entrySet()) {
            if (entry.getKey().startsWith(LOCATION_PREFIX) && !current.contains(entry.getKey())) {
                try {
                    LOG.info("Uninstalling runtime bundle {}: no longer part of the launcher", entry.getKey());
                    entry.getValue().uninstall();
                } catch (BundleException e) {
                    LOG.warn("Cannot uninstall the old runtime bundle {}", entry.getKey(), e);
                }
            }
        }
    }

    private static Bundle install(BundleContext context, String name) throws StartupException {
        try (InputStream in = resource(FOLDER + name)) {
            Bundle bundle = context.installBundle(LOCATION_PREFIX + name, in);
            LOG.info("Installed runtime bundle {} {} from {}", bundle.getSymbolicName(), bundle.getVersion(), name);
            return bundle;
        } catch (BundleException | IOException e) {
            throw new StartupException("Cannot install the runtime bundle " + name + ": " + e.getMessage(), e);
        }
    }

    private static void updateIfChanged(Bundle existing, String name) throws StartupException {
        Version embedded = embeddedVersion(name);
        if (embedded.equals(existing.getVersion())) {
            LOG.debug("Runtime bundle {} {} already installed", existing.getSymbolicName(), embedded);
            return;
        }
        try (InputStream in = resource(FOLDER + name)) {
            LOG.info(
                    "Updating runtime bundle {} from {} to {}",
                    existing.getSymbolicName(),
                    existing.getVersion(),
                    embedded);
            existing.update(in);
        } catch (BundleException | IOException e) {
            throw new StartupException("Cannot update the runtime bundle " + name + ": " + e.getMessage(), e);
        }
    }

    private static void start(Bundle bundle) throws StartupException {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            String refusal = e.getType() == BundleException.ACTIVATOR_ERROR ? refusal(e.getCause()) : null;
            if (refusal != null) {
                // the bundle refused to start (registry-core: an unusable database; registry-cluster: its node
                // name taken); its reason is the message
                throw new StartupException(refusal, e);
            }
            throw new StartupException(
                    "Cannot start the runtime bundle " + bundle.getSymbolicName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why an activator refused to start, on one line: the message of a registry bundle's
     * {@value #REFUSAL} when there is one (written for the user, its cause is detail), else of the
     * root cause (or the nearest cause above it with a message).
     *
     * @param thrown what the activator threw, or {@code null}
     * @return the reason, or {@code null} when nothing in the chain has a message
     */
    static String refusal(Throwable thrown) {
        String reason = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            // matched by name: the launcher never loads registry classes (pitfall 2)
            if (message != null
                    && !message.isBlank()
                    && t.getClass().getSimpleName().equals(REFUSAL)) {
                return oneLine(message);
            }
            if (message != null && !message.isBlank()) {
                reason = message;
            }
        }
        return reason == null ? null : oneLine(reason);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Version embeddedVersion(String name) throws StartupException {
        try {
            return Version.parseVersion(manifest(name).getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw new StartupException("Cannot read the version of the runtime bundle " + name, e);
        }
    }

    private static Manifest manifest(String name) throws StartupException {
        try (JarInputStream jar = new JarInputStream(resource(FOLDER + name))) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new StartupException("The runtime bundle " + name + " has no manifest");
            }
            return manifest;
        } catch (IOException e) {
            throw new StartupException("Cannot read the manifest of the runtime bundle " + name, e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = RuntimeBundles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("Missing resource " + path);
        }
        return in;
    }

    @Override
    public String toString() {
        return "RuntimeBundles" + fileNames;
    }
}
