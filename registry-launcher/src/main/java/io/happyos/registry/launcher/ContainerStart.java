package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link RegistryContainer.Builder#start()}: storage folder and lock, {@code --clean},
 * bundles folder, runtime bundles (less the API bundle when the application shares the API), the
 * framework, and the wait for the registry to be ready. A step that fails undoes the ones before.
 */
final class ContainerStart {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryContainer.class);

    private ContainerStart() {}

    static RegistryContainer start(RegistryContainer.Builder settings) throws StartupException {
        Path storage = settings.storage();
        StorageFolder.prepare(storage);
        StorageLock ownLock = settings.heldLock() == null ? StorageLock.acquire(storage) : null;
        try {
            return start(settings, storage, ownLock);
        } catch (StartupException | RuntimeException e) {
            if (ownLock != null) {
                ownLock.close();
            }
            throw e;
        }
    }

    private static RegistryContainer start(RegistryContainer.Builder settings, Path storage, StorageLock ownLock)
            throws StartupException {
        if (settings.cleaning()) {
            StorageFolder.clean(storage);
        }
        createBundlesFolder(settings.bundles());
        boolean onClassPath = apiOnClassPath();
        boolean share = settings.shareApi() == null ? onClassPath : settings.shareApi();
        if (share && !onClassPath) {
            throw new StartupException("shareRegistryApi(true) needs io.happyos.registry:registry-api on the "
                    + "application's class path: add it, or leave shareRegistryApi unset");
        }
        // the settings are checked before anything is read or made
        Map<String, Object> properties = FrameworkSettings.create(settings, BuildInfo.load(), null);
        boolean cluster = FrameworkSettings.clusterOn(properties);
        if (cluster) {
            checkCredentials(properties.get(FrameworkSettings.CLUSTER_AUTH));
        }
        checkAuthorizedKeys(properties.get(FrameworkSettings.SSH_AUTHORIZED_KEYS));
        Object ssh = properties.get(FrameworkSettings.SSH);
        if (ssh != null && !ssh.toString().isBlank()) {
            try {
                checkPortFree(ListenAddress.parse(ssh.toString(), "--ssh"), "--ssh");
            } catch (IllegalArgumentException e) {
                throw new StartupException("Option " + e.getMessage(), e);
            }
        }
        if (FrameworkSettings.httpOn(properties)) {
            checkWeb(settings);
        }
        RuntimeBundles runtime = RuntimeBundles.embedded();
        if (share) {
            String apiExports = runtime.exportedPackages(RuntimeBundles.API_BUNDLE);
            runtime = runtime.without(RuntimeBundles.API_BUNDLE);
            properties = FrameworkSettings.create(settings, BuildInfo.load(), apiExports);
        }
        // the optional bundles (cluster, SSH, web) only when asked for; one of an earlier start is uninstalled
        runtime = runtime.wantedFor(properties);
        LOG.info(
                "Starting the container: storage {}, bundles {}, clean {}, registry API {}, {}",
                storage,
                settings.bundles(),
                settings.cleaning(),
                share ? "from the class path" : "bundle",
                cluster ? "cluster " + properties.get(FrameworkSettings.CLUSTER) : "standalone");
        RegistryContainer container = new RegistryContainer(newFramework(properties), ownLock, share);
        try {
            Framework framework = container.framework();
            framework.init();
            TelnetdHiding.register(framework.getBundleContext());
            List<Bundle> bundles = runtime.installOrUpdate(framework.getBundleContext());
            if (cluster) {
                ClusterSingletons.clearStartMarks(framework.getBundleContext());
            }
            settings.beforeStart().accept(framework.getBundleContext());
            framework.start();
            RuntimeBundles.startAll(bundles);
            LOG.info("Container started with {} runtime bundles", bundles.size());
            if (!settings.readyTimeout().isZero()) {
                RegistryReadiness.await(framework.getBundleContext(), settings.readyTimeout());
            }
            return container;
        } catch (BundleException | RuntimeException e) {
            container.stop();
            throw new StartupException("Cannot start the OSGi framework: " + e.getMessage(), e);
        } catch (StartupException e) {
            container.stop();
            throw e;
        }
    }

    private static void createBundlesFolder(Path dir) throws StartupException {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                LOG.warn("Bundles folder {} did not exist; created it empty", dir);
            }
        } catch (IOException e) {
            throw new StartupException("Cannot create the bundles folder " + dir + ": " + e, e);
        }
    }

    /** A web console that would serve beyond loopback in clear, or a keystore that cannot be read, fails here. */
    private static void checkWeb(RegistryContainer.Builder settings) throws StartupException {
        ListenAddress address = settings.httpAddress();
        if (address == null) {
            return;
        }
        if (!address.loopback() && settings.httpTls() == null && !settings.httpInsecure()) {
            throw new StartupException("The web console on " + address + " would serve beyond this machine over "
                    + "plain HTTP, where the token could be read on the way: give --http-tls KEYSTORE for HTTPS, "
                    + "or --http-insecure to accept plain HTTP");
        }
        checkPortFree(address, "--http");
        Path keystore = settings.httpTls();
        if (keystore != null && (!Files.isRegularFile(keystore) || !Files.isReadable(keystore))) {
            throw new StartupException("Cannot read the keystore " + keystore + " (--http-tls): give a readable "
                    + "PKCS12 or JKS file with the server's key and certificate");
        }
    }

    /**
     * A port another program holds fails the start here, in the launcher's words, before Jetty logs a
     * bind failure and the container runs on without what was asked for.
     */
    static void checkPortFree(ListenAddress address, String option) throws StartupException {
        if (address.port() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(address.host(), address.port()));
        } catch (java.net.BindException inUse) {
            throw new StartupException(
                    "Cannot listen on " + address + " (" + option + "): the port is in use, by "
                            + "another container or program: give another port, or 0 for a free one",
                    inUse);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new StartupException(
                    "Cannot listen on " + address + " (" + option + "): " + e.getMessage()
                            + ": give an address of this machine",
                    e);
        }
    }

    /** A credentials file that cannot be read fails here, in the launcher's words, not inside the bundle. */
    private static void checkCredentials(Object file) throws StartupException {
        if (file == null) {
            return;
        }
        Path path = Path.of(file.toString());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new StartupException("Cannot read the cluster credentials file " + path
                    + " (--cluster-auth): give a readable file holding one line USER:PASSWORD");
        }
    }

    /** An authorized_keys file that cannot be read fails here, in the launcher's words, before anything starts. */
    private static void checkAuthorizedKeys(Object file) throws StartupException {
        if (file == null) {
            return;
        }
        Path path = Path.of(file.toString());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new StartupException("Cannot read the SSH authorized keys file " + path
                    + " (--ssh-authorized-keys): give a readable OpenSSH authorized_keys file, e.g. a copy of "
                    + "~/.ssh/id_ecdsa.pub");
        }
    }

    private static boolean apiOnClassPath() {
        try {
            Class.forName(RegistryContainer.API_CLASS, false, RegistryContainer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Framework newFramework(Map<String, Object> properties) throws StartupException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, RegistryContainer.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new StartupException("No OSGi FrameworkFactory on the class path"));
        // Felix takes objects as values (felix.log.logger); the API type says String
        return factory.newFramework((Map) properties);
    }
}
