package io.happyos.registry.launcher;

import java.nio.file.Path;
import java.time.Duration;
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

    /** Read by registry-cluster: the ZooKeeper connect string, or {@code embedded[:PORT]}; unset: standalone. */
    static final String CLUSTER = "happyos.cluster";
    /** Read by registry-cluster: this node's name. */
    static final String CLUSTER_NODE = "happyos.cluster.node";
    /** Read by registry-cluster: the ZooKeeper session timeout. */
    static final String CLUSTER_SESSION_TIMEOUT = "happyos.cluster.session.timeout";
    /** Read by registry-cluster: the file of the digest credentials. */
    static final String CLUSTER_AUTH = "happyos.cluster.auth";
    /** Read by registry-web: {@code HOST:PORT} it serves on; unset: no web console. */
    static final String HTTP = "happyos.http";
    /** Read by registry-web: the bearer token's file. */
    static final String HTTP_TOKEN_FILE = "happyos.http.token.file";

    /** Read by registry-ssh: {@code HOST:PORT} of the SSH shell; unset: no SSH shell. */
    static final String SSH = "happyos.ssh";
    /** Read by registry-ssh: the authorized_keys file. */
    static final String SSH_AUTHORIZED_KEYS = "happyos.ssh.authorized.keys";
    /** The session timeouts registry-cluster accepts, said as its error says it. */
    static final String SESSION_TIMEOUT_RANGE = "between 1s and 10m (default 10s)";

    /** Read by the OSGi Log Service (R7 LoggerAdmin): the least level its loggers pass on. */
    static final String OSGI_LOG_LEVEL = "org.osgi.service.log.admin.loglevel";

    private static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(10);
    private static final String SYSTEM_PACKAGES_EXTRA = "org.osgi.framework.system.packages.extra";
    private static final String[] SLF4J_PACKAGES = {"org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi"
    };
    /**
     * The SLF4J 1.7 version the packages are exported at too: SLF4J 2's API keeps 1.7's for callers, so
     * bundles importing {@code [1.7,2)} (most bundles built before 2023) use the container's logging
     * instead of needing an API bundle of their own, which would clash with it. Pax Logging does the same.
     */
    static final String SLF4J_1_VERSION = "1.7.36";

    private FrameworkSettings() {}

    /**
     * The properties for one start.
     *
     * @param settings what the container was asked for
     * @param build the build info (the SLF4J version to export)
     * @param apiExports the registry API packages the system bundle exports (the API bundle's own
     *     {@code Export-Package}), or {@code null} when the API bundle is installed instead
     * @return a mutable map; values are strings except {@code felix.log.logger}
     */
    static Map<String, Object> create(RegistryContainer.Builder settings, BuildInfo build, String apiExports) {
        Map<String, Object> properties = new HashMap<>();
        Path storage = settings.storage();
        properties.put(
                "org.osgi.framework.storage", storage.resolve("felix-cache").toString());
        if (settings.cleaning()) {
            properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        }
        // no bundle provides URL schemes; keeps the JVM-wide URL handler factories untouched
        properties.put("felix.service.urlhandlers", "false");
        // SLF4J comes from the launcher's class path, never as a bundle (pitfall 1); each package
        // twice, at its own version and at 1.7's, which the system bundle may do like any bundle
        String exports = Stream.of(SLF4J_PACKAGES)
                .flatMap(name ->
                        Stream.of(name + ";version=" + build.slf4jVersion(), name + ";version=" + SLF4J_1_VERSION))
                .collect(Collectors.joining(","));
        if (apiExports != null) {
            // one exporter per package (pitfall 2): the API bundle is then not installed
            exports += "," + apiExports;
        }
        properties.put("felix.log.logger", new FelixLogger());
        properties.put("felix.log.level", "3");
        // the OSGi Log Service passes DEBUG and above on (its own default is WARN); logback's levels
        // decide what is written, so that log:set DEBUG works for plugins logging through OSGi too
        properties.put(OSGI_LOG_LEVEL, "DEBUG");
        properties.put(BUNDLES_DIR, settings.bundles().toString());
        properties.put(STORAGE_DIR, storage.toString());
        // read by registry-core: watch the folder, and roll back a reload that fails
        properties.put("happyos.bundles.watch", Boolean.toString(settings.watching()));
        properties.put("happyos.reload.autoRollback", Boolean.toString(settings.rollingBack()));
        if (settings.clusterConnect() != null) {
            putCluster(properties, settings);
        }
        if (settings.httpAddress() != null) {
            putHttp(properties, settings);
        }
        if (settings.sshAddress() != null) {
            properties.put(SSH, settings.sshAddress());
            if (settings.sshKeysFile() != null) {
                properties.put(SSH_AUTHORIZED_KEYS, settings.sshKeysFile().toString());
            }
        }
        // the Gogo shell never reads standard input: the launcher reads the terminal (InteractiveShell)
        properties.put("gosh.home", storage.toString());
        properties.put("gosh.args", "--nointeractive");
        properties.putAll(settings.extraProperties());
        String added = settings.extraProperties().get(SYSTEM_PACKAGES_EXTRA);
        properties.put(SYSTEM_PACKAGES_EXTRA, added == null || added.isBlank() ? exports : exports + "," + added);
        return properties;
    }

    private static void putCluster(Map<String, Object> properties, RegistryContainer.Builder settings) {
        properties.put(CLUSTER, settings.clusterConnect());
        if (settings.nodeName() != null) {
            properties.put(CLUSTER_NODE, settings.nodeName());
        }
        if (settings.sessionTimeout() != null) {
            properties.put(CLUSTER_SESSION_TIMEOUT, settings.sessionTimeout().toMillis() + "ms");
        }
        if (settings.authFile() != null) {
            properties.put(CLUSTER_AUTH, settings.authFile().toString());
        }
    }

    /** registry-web's settings, and Felix HTTP Jetty's: its host, port, HTTP or HTTPS. */
    private static void putHttp(Map<String, Object> properties, RegistryContainer.Builder settings) {
        ListenAddress address = settings.httpAddress();
        properties.put(HTTP, address.toString());
        properties.put("org.apache.felix.http.host", address.host());
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        properties.put("org.apache.felix.http.mbeans", "false");
        if (settings.httpTokenFile() != null) {
            properties.put(HTTP_TOKEN_FILE, settings.httpTokenFile().toString());
        }
        Path keystore = settings.httpTls();
        if (keystore == null) {
            properties.put("org.apache.felix.http.enable", "true");
            properties.put("org.apache.felix.https.enable", "false");
            properties.put("org.osgi.service.http.port", Integer.toString(address.port()));
        } else {
            String name = keystore.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            properties.put("org.apache.felix.http.enable", "false");
            properties.put("org.apache.felix.https.enable", "true");
            properties.put("org.osgi.service.http.port.secure", Integer.toString(address.port()));
            properties.put("org.apache.felix.https.keystore", keystore.toString());
            properties.put("org.apache.felix.https.keystore.type", name.endsWith(".jks") ? "JKS" : "PKCS12");
            properties.put("org.apache.felix.https.keystore.password", settings.httpTlsPassword());
            properties.put("org.apache.felix.https.keystore.key.password", settings.httpTlsPassword());
        }
    }

    /**
     * Whether the properties of a start serve the web console: {@value #HTTP} is set, by the
     * builder or as a framework property of its own.
     *
     * @param properties from {@link #create}
     * @return whether the web bundles are needed
     */
    static boolean httpOn(Map<String, Object> properties) {
        Object http = properties.get(HTTP);
        return http != null && !http.toString().isBlank();
    }

    /**
     * Whether the properties of a start join a cluster: {@value #CLUSTER} is set, by the builder or
     * as a framework property of its own.
     *
     * @param properties from {@link #create}
     * @return whether the cluster bundle is needed
     */
    static boolean clusterOn(Map<String, Object> properties) {
        Object cluster = properties.get(CLUSTER);
        return cluster != null && !cluster.toString().isBlank();
    }

    /** Whether registry-cluster accepts the duration as a session timeout. */
    static boolean isSessionTimeout(Duration timeout) {
        return timeout.compareTo(MIN_SESSION_TIMEOUT) >= 0 && timeout.compareTo(MAX_SESSION_TIMEOUT) <= 0;
    }

    /** The SLF4J packages the system bundle exports. */
    static String[] slf4jPackages() {
        return SLF4J_PACKAGES.clone();
    }

    static Path logDir(Path storageDir) {
        return storageDir.resolve("logs");
    }
}
