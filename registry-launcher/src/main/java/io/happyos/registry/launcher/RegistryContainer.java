package io.happyos.registry.launcher;

import io.happyos.registry.DynamicRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HappyOS Registry container, started from Java code: an embedded Apache Felix with the
 * registry, its shell and the bundles folder, as {@code java -jar happyos-registry.jar} runs it
 * (which uses this class too).
 *
 * <pre>{@code
 * try (RegistryContainer container = RegistryContainer.builder()
 *         .bundlesDir(Path.of("plugins"))
 *         .storageDir(Path.of("/var/lib/myapp/registry"))
 *         .start()) {                                   // returns once the bundles folder is deployed
 *     DynamicRegistry registry = container.registry();
 *     registry.listComponents().forEach(entry -> System.out.println(entry.id() + " " + entry.status()));
 *     BundleContext context = container.bundleContext(); // the framework's own, for anything else
 * }                                                      // stops it: components deactivated dependents first
 * }</pre>
 *
 * <p><b>The registry API.</b> When the application has {@code io.happyos.registry:registry-api} on
 * its class path (the default then, see {@link Builder#shareRegistryApi(boolean)}), the framework
 * exports the packages {@code io.happyos.registry} and {@code io.happyos.registry.spi} from that
 * class path and the container does not install its own copy of the API bundle: the application and
 * every bundle then share one {@code DynamicRegistry} class, and {@link #registry()} returns the
 * service typed. Without it, the API bundle is installed as usual and the application reaches the
 * registry through {@link #bundleContext()} (by class name, with reflection).
 *
 * <p><b>Logging</b> goes through SLF4J, which the framework exports to the bundles from the
 * application's class path. The {@code logback.xml} of the launcher JAR writes to
 * {@code ${happyos.log.dir}/registry.log}; an application brings its own configuration.
 *
 * <p><b>A cluster.</b> With {@link Builder#cluster(String)} the container joins a cluster of
 * containers on ZooKeeper: it installs the cluster bundle, publishes its components to the other
 * nodes and sees theirs (the {@code cluster:*} commands), and runs each singleton component (a
 * bundle whose manifest says {@code HappyOS-Singleton: true}) only where the cluster elects it.
 * Without it the container is standalone and carries nothing of the cluster.
 *
 * <p><b>A remote shell.</b> With {@link Builder#ssh(String)} and {@link Builder#sshAuthorizedKeys(Path)}
 * the container runs the Gogo shell over SSH (Apache MINA SSHD): public-key authentication only,
 * against an OpenSSH authorized_keys file; every change made from it is audited as
 * {@code ssh:USER@ADDRESS}. {@link #sshPort()} says the port. Without them nothing listens.
 *
 * <p>One container per storage folder: a second one on the same folder, in this process or another,
 * fails to start naming the first one's process id. Methods may be called from any thread.
 */
public final class RegistryContainer implements AutoCloseable {

    /** How long {@link #stop()} waits for the framework to stop. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RegistryContainer.class);
    static final String API_CLASS = "io.happyos.registry.DynamicRegistry";
    /** The property of registry-ssh's marker service that holds the port it listens on. */
    static final String SSH_PORT_PROPERTY = "happyos.ssh.port";
    /** The property of registry-ssh's marker service that holds the address it listens on. */
    static final String SSH_HOST_PROPERTY = "happyos.ssh.host";

    private final Framework framework;
    private final StorageLock ownLock;
    private final boolean apiShared;
    private final AtomicBoolean stopReported = new AtomicBoolean();

    RegistryContainer(Framework framework, StorageLock ownLock, boolean apiShared) {
        this.framework = framework;
        this.ownLock = ownLock;
        this.apiShared = apiShared;
    }

    /**
     * A builder with the defaults of the command line: bundles folder {@code ./bundles}, storage
     * {@code ./.happyos-registry}, watching and automatic rollback on, waiting up to 60 s for the
     * start-up deployment, standalone (no cluster).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The system bundle's context: install bundles, get services, listen to events.
     *
     * @return the framework's bundle context
     * @throws IllegalStateException once the container has stopped
     */
    public BundleContext bundleContext() {
        BundleContext context = framework.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("the container has stopped: start a new one");
        }
        return context;
    }

    /**
     * The framework itself.
     *
     * @return the embedded Felix
     */
    public Framework framework() {
        return framework;
    }

    /**
     * Whether the application and the bundles share the registry API classes of the application's
     * class path (see the class comment), so that {@link #registry()} works.
     *
     * @return {@code true} when the framework exports the API from the class path
     */
    public boolean sharesRegistryApi() {
        return apiShared;
    }

    /**
     * The registry service, typed. It is the same service the bundles get; the audit log names the
     * caller {@code bundle:org.apache.felix.framework}.
     *
     * @return the registry
     * @throws IllegalStateException when the API is not shared with the application (put
     *     {@code registry-api} on its class path), or the registry service is not there (the
     *     container has stopped, or the registry bundle failed: see the log)
     */
    public DynamicRegistry registry() {
        if (!apiShared) {
            throw new IllegalStateException("the registry API is not shared with this application: put "
                    + "io.happyos.registry:registry-api on its class path, or use bundleContext() and look the "
                    + "service up by the name " + API_CLASS);
        }
        BundleContext context = bundleContext();
        ServiceReference<DynamicRegistry> reference = context.getServiceReference(DynamicRegistry.class);
        DynamicRegistry registry = reference == null ? null : context.getService(reference);
        if (registry == null) {
            throw new IllegalStateException("no DynamicRegistry service: the registry bundle is not active "
                    + "(see STORAGE/logs/registry.log)");
        }
        return registry;
    }

    /**
     * Where the web console and HTTP API are served, once Felix HTTP Jetty listens: its
     * {@code osgi.http.endpoint}, with the port it took (for a port 0, the free one it picked).
     *
     * @return the base URI, or empty when the container serves no HTTP (or Jetty did not start within
     *     ten seconds)
     */
    public Optional<java.net.URI> httpUri() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            Optional<java.net.URI> uri = endpoint();
            if (uri.isPresent() || !isRunning()) {
                return uri;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline && serves());
        return Optional.empty();
    }

    private boolean serves() {
        return bundleContext() != null && bundleContext().getProperty(FrameworkSettings.HTTP) != null;
    }

    private Optional<java.net.URI> endpoint() {
        if (!serves()) {
            return Optional.empty();
        }
        try {
            ServiceReference<?>[] refs = bundleContext()
                    .getAllServiceReferences("org.osgi.service.servlet.runtime.HttpServiceRuntime", null);
            if (refs == null) {
                return Optional.empty();
            }
            Object endpoint = refs[0].getProperty("osgi.http.endpoint");
            String first = endpoint instanceof String[] many && many.length > 0
                    ? many[0]
                    : endpoint == null ? null : endpoint.toString();
            if (first == null || first.matches(".*:0/?$")) {
                return Optional.empty();
            }
            return Optional.of(java.net.URI.create(first.endsWith("/") ? first : first + "/"));
        } catch (InvalidSyntaxException | IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The port the SSH shell listens on (the one picked, when port 0 was asked for).
     *
     * @return the port, or empty when the container has no SSH shell (not asked for, or not started
     *     yet: the SSH bundle is up once {@link Builder#start()} returns)
     */
    public Optional<Integer> sshPort() {
        return sshMarker(SSH_PORT_PROPERTY).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    /** The address the SSH shell listens on, as it was asked for, or empty when there is none. */
    Optional<String> sshHost() {
        return sshMarker(SSH_HOST_PROPERTY).map(String::valueOf);
    }

    /** A property of registry-ssh's marker service, which says where it listens. */
    private Optional<Object> sshMarker(String property) {
        BundleContext context = framework.getBundleContext();
        if (context == null) {
            return Optional.empty();
        }
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(" + SSH_PORT_PROPERTY + "=*)");
            if (references == null || references.length == 0) {
                return Optional.empty();
            }
            return Optional.ofNullable(references[0].getProperty(property));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter is a constant: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the framework is running.
     *
     * @return {@code true} until it stops, by whoever stops it
     */
    public boolean isRunning() {
        return framework.getState() == Bundle.ACTIVE;
    }

    /**
     * Blocks until the framework stops, by whoever stops it ({@link #stop()}, a shell's
     * {@code stop 0}).
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.WAIT_TIMEDOUT);
        if (event.getType() == FrameworkEvent.ERROR) {
            LOG.error("The framework stopped with an error", event.getThrowable());
        }
    }

    /**
     * Stops the container: the registry deactivates the components, dependents first, then the
     * framework stops; waits at most {@link #STOP_TIMEOUT}, then releases the storage folder. Safe to
     * call more than once and from any thread.
     *
     * @return whether it stopped in time
     */
    public boolean stop() {
        int state = framework.getState();
        if (state != Bundle.UNINSTALLED && state != Bundle.INSTALLED && state != Bundle.RESOLVED) {
            LOG.info("Stopping the container");
            try {
                framework.stop();
            } catch (BundleException | RuntimeException e) {
                LOG.error("Stopping the framework failed", e);
            }
        }
        try {
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} s", STOP_TIMEOUT.toSeconds());
                return false;
            }
            if (stopReported.compareAndSet(false, true)) {
                LOG.info("Container stopped");
            }
            if (ownLock != null) {
                ownLock.close();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * How to start a container. Every setter returns the builder; {@link #start()} may be called
     * again for another container (on another storage folder).
     */
    public static final class Builder {

        private Path bundlesDir = Path.of(CommandLineParser.DEFAULT_BUNDLES_DIR);
        private Path storageDir = Path.of(CommandLineParser.DEFAULT_STORAGE_DIR);
        private boolean watch = true;
        private boolean autoRollback = true;
        private boolean clean;
        private Boolean shareApi;
        private Duration readyTimeout = Duration.ofSeconds(60);
        private String cluster;
        private String node;
        private Duration clusterSessionTimeout;
        private Path clusterAuth;
        private ListenAddress http;
        private boolean httpInsecure;
        private Path httpTls;
        private String httpTlsPassword;
        private Path httpTokenFile;
        private String ssh;
        private Path sshAuthorizedKeys;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private StorageLock heldLock;
        private Consumer<BundleContext> beforeStart = context -> {};

        private Builder() {}

        /**
         * The plugin folder: reconciled at start-up, then watched (default {@code ./bundles},
         * created when missing).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder bundlesDir(Path dir) {
            this.bundlesDir = Objects.requireNonNull(dir, "bundlesDir must not be null");
            return this;
        }

        /**
         * The folder for the framework cache, the registry's database and the logs (default
         * {@code ./.happyos-registry}).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder storageDir(Path dir) {
            this.storageDir = Objects.requireNonNull(dir, "storageDir must not be null");
            return this;
        }

        /**
         * Whether the bundles folder is watched while the container runs (default {@code true});
         * {@code false} deploys it at start-up only.
         *
         * @param watch whether to watch
         * @return this builder
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /**
         * Whether a reloaded JAR that fails is rolled back to the previous version (default
         * {@code true}).
         *
         * @param autoRollback whether to roll back
         * @return this builder
         */
        public Builder autoRollback(boolean autoRollback) {
            this.autoRollback = autoRollback;
            return this;
        }

        /**
         * Whether to start from an empty storage folder, the logs kept (default {@code false}).
         *
         * @param clean whether to clean
         * @return this builder
         */
        public Builder clean(boolean clean) {
            this.clean = clean;
            return this;
        }

        /**
         * Whether the framework exports the registry API from the application's class path instead of
         * installing its own API bundle (see {@link RegistryContainer}). Default: when the class path
         * has it.
         *
         * @param share whether to share the API
         * @return this builder
         */
        public Builder shareRegistryApi(boolean share) {
            this.shareApi = share;
            return this;
        }

        /**
         * How long {@link #start()} waits for the start-up deployment of the bundles folder (default
         * 60 s); {@link Duration#ZERO} returns as soon as the framework runs.
         *
         * @param timeout how long to wait
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder readyTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "readyTimeout must not be null");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException(
                        "readyTimeout must be zero (do not wait) or positive, was " + timeout);
            }
            this.readyTimeout = timeout;
            return this;
        }

        /**
         * Joins a cluster (default: none, the container is standalone). The cluster bundle is then
         * installed and started before the registry, so that no singleton starts before the cluster
         * has elected where it runs; a singleton the framework would start by itself at start-up (it
         * was running when this node stopped) waits for the election too.
         *
         * @param connect a ZooKeeper connect string, {@code HOST:PORT[,HOST:PORT...][/CHROOT]} (chroot
         *     default {@code /happyos}); or {@code embedded[:PORT]}: a ZooKeeper server inside this
         *     container, on 127.0.0.1, its data under the storage folder (port default 2181, 0 picks a
         *     free one), for trying a cluster on one machine, not for production. Checked when the
         *     container starts: {@link #start()} then fails saying what is wrong.
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder cluster(String connect) {
            Objects.requireNonNull(connect, "cluster must not be null");
            if (connect.isBlank()) {
                throw new IllegalArgumentException(
                        "cluster needs a ZooKeeper connect string (HOST:PORT[/CHROOT]) or embedded[:PORT]");
            }
            this.cluster = connect.strip();
            return this;
        }

        /**
         * This container's name in the cluster (default: the host name and a hash of the storage
         * folder, which stays the same across restarts). Needs {@link #cluster(String)}. A name held
         * by another live container fails {@link #start()} naming that container; a container
         * restarted on the same host and storage folder takes its name back at once.
         *
         * @param name letters, digits, {@code .}, {@code _} and {@code -}, up to 63, starting with a
         *     letter or digit (checked when the container starts)
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder node(String name) {
            Objects.requireNonNull(name, "node must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("node needs a name, such as alpha");
            }
            this.node = name.strip();
            return this;
        }

        /**
         * How long ZooKeeper keeps this node's session after the node stops answering (default 10 s):
         * a crashed node's components leave the other nodes' views, and its singletons move, within
         * about this time. Needs {@link #cluster(String)}.
         *
         * @param timeout from 1 s to 10 min
         * @return this builder
         * @throws IllegalArgumentException when outside that range
         */
        public Builder clusterSessionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "clusterSessionTimeout must not be null");
            if (!FrameworkSettings.isSessionTimeout(timeout)) {
                throw new IllegalArgumentException("clusterSessionTimeout must be "
                        + FrameworkSettings.SESSION_TIMEOUT_RANGE + ", was " + timeout);
            }
            this.clusterSessionTimeout = timeout;
            return this;
        }

        /**
         * ZooKeeper digest credentials (default: none, the cluster's records are open to every
         * client). With them, every record this node creates can be read and changed only by clients
         * with the same credentials. Needs {@link #cluster(String)}.
         *
         * @param file a file holding one line {@code USER:PASSWORD}; {@link #start()} fails when it
         *     cannot be read
         * @return this builder
         */
        public Builder clusterAuth(Path file) {
            this.clusterAuth = Objects.requireNonNull(file, "clusterAuth must not be null");
            return this;
        }

        /**
         * Serves the web console and HTTP API (default: nothing listens). The web bundles (Felix
         * HTTP Jetty and registry-web) are then installed. Reading is open from loopback; every
         * change needs the bearer token of {@link #httpTokenFile(Path)}. A HOST other than loopback
         * needs {@link #httpTls} or {@link #httpInsecure}, checked at start.
         *
         * @param address {@code PORT} (on 127.0.0.1), {@code HOST:PORT} or {@code [IPV6]:PORT}; port 0
         *     picks a free one ({@link RegistryContainer#httpUri()} tells which)
         * @return this builder
         * @throws IllegalArgumentException when the address is not one of those forms
         */
        public Builder http(String address) {
            this.http = ListenAddress.parse(Objects.requireNonNull(address, "http must not be null"), "http");
            return this;
        }

        /**
         * Runs the Gogo shell over SSH (default: off, nothing listens). Needs
         * {@link #sshAuthorizedKeys(Path)}. Only public keys are accepted; the server's host key is
         * made at the first start and kept in {@code STORAGE/ssh/host.key}.
         *
         * @param address {@code [HOST:]PORT}: a bare port listens on 127.0.0.1; port 0 picks a free
         *     one ({@link RegistryContainer#sshPort()} says which). Checked when the container starts:
         *     {@link #start()} then fails saying what is wrong.
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder ssh(String address) {
            Objects.requireNonNull(address, "ssh must not be null");
            if (address.isBlank()) {
                throw new IllegalArgumentException("ssh needs [HOST:]PORT, e.g. 2222 or 127.0.0.1:0");
            }
            String trimmed = address.strip();
            this.ssh = trimmed.chars().allMatch(Character::isDigit) ? "127.0.0.1:" + trimmed : trimmed;
            return this;
        }

        /**
         * Accepts plain HTTP on an address other than loopback (default: refused, since the token
         * would cross the network in clear), for a container behind a TLS-terminating proxy.
         *
         * @param insecure whether to accept it
         * @return this builder
         */
        public Builder httpInsecure(boolean insecure) {
            this.httpInsecure = insecure;
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP.
         *
         * @param keystore a PKCS12 ({@code .p12}, {@code .pfx}) or JKS keystore with the server's key
         * @param password the keystore's (and key's) password
         * @return this builder
         */
        public Builder httpTls(Path keystore, String password) {
            this.httpTls = Objects.requireNonNull(keystore, "httpTls keystore must not be null");
            this.httpTlsPassword = Objects.requireNonNull(password, "httpTls password must not be null");
            return this;
        }

        /**
         * The bearer token's file (default {@code STORAGE/http.token}, made at the first start with
         * mode 0600). A file that others may read is refused at start.
         *
         * @param file the file
         * @return this builder
         */
        public Builder httpTokenFile(Path file) {
            this.httpTokenFile = Objects.requireNonNull(file, "httpTokenFile must not be null");
            return this;
        }

        /**
         * The keys that may log in to the SSH shell: an OpenSSH authorized_keys file, read again when
         * it changes; a file gone missing refuses everyone. Needs {@link #ssh(String)}.
         *
         * @param file the file; {@link #start()} fails when it cannot be read
         * @return this builder
         */
        public Builder sshAuthorizedKeys(Path file) {
            this.sshAuthorizedKeys = Objects.requireNonNull(file, "sshAuthorizedKeys must not be null");
            return this;
        }

        /**
         * A framework property, such as {@code happyos.activation.timeout} (see the README's
         * configuration table). Applied after the container's own, so it may override them; a value
         * for {@code org.osgi.framework.system.packages.extra} is added to the packages the container
         * exports (SLF4J, and the registry API when shared).
         *
         * @param key the property
         * @param value its value
         * @return this builder
         */
        public Builder frameworkProperty(String key, String value) {
            properties.put(
                    Objects.requireNonNull(key, "a framework property needs a key"),
                    Objects.requireNonNull(value, "framework property " + key + " needs a value"));
            return this;
        }

        /**
         * The etc folder: Configuration Admin's {@code PID.cfg} and {@code PID.config} files there are
         * applied and watched, and changes made through Configuration Admin are written back (default:
         * none). The container's own settings are not read from it here: an embedding application
         * sets them on this builder ({@code happyos.properties} is the launcher's).
         *
         * @param dir the folder; it must exist
         * @return this builder
         */
        public Builder etcDir(Path dir) {
            Path folder = Objects.requireNonNull(dir, "etcDir must not be null")
                    .toAbsolutePath()
                    .normalize();
            properties.put(SettingSources.ETC_PROPERTY, folder.toString());
            return this;
        }

        /** The launcher holds the storage lock itself (taken before logging starts); it closes it. */
        Builder heldLock(StorageLock lock) {
            this.heldLock = lock;
            return this;
        }

        /** Called with the system bundle's context after the runtime bundles are installed, before any starts. */
        Builder beforeStart(Consumer<BundleContext> action) {
            this.beforeStart = action;
            return this;
        }

        Path bundles() {
            return bundlesDir.toAbsolutePath().normalize();
        }

        Path storage() {
            return storageDir.toAbsolutePath().normalize();
        }

        boolean watching() {
            return watch;
        }

        boolean rollingBack() {
            return autoRollback;
        }

        boolean cleaning() {
            return clean;
        }

        Map<String, String> extraProperties() {
            return properties;
        }

        String clusterConnect() {
            return cluster;
        }

        String nodeName() {
            return node;
        }

        Duration sessionTimeout() {
            return clusterSessionTimeout;
        }

        ListenAddress httpAddress() {
            return http;
        }

        boolean httpInsecure() {
            return httpInsecure;
        }

        Path httpTls() {
            return httpTls == null ? null : httpTls.toAbsolutePath().normalize();
        }

        String httpTlsPassword() {
            return httpTlsPassword;
        }

        Path httpTokenFile() {
            return httpTokenFile == null ? null : httpTokenFile.toAbsolutePath().normalize();
        }

        Path authFile() {
            return clusterAuth == null ? null : clusterAuth.toAbsolutePath().normalize();
        }

        String sshAddress() {
            return ssh;
        }

        Path sshKeysFile() {
            return sshAuthorizedKeys == null
                    ? null
                    : sshAuthorizedKeys.toAbsolutePath().normalize();
        }

        /**
         * Starts the framework with the runtime bundles and waits for the start-up deployment of the
         * bundles folder (see {@link #readyTimeout(Duration)}).
         *
         * @return the running container
         * @throws StartupException when any step fails, with a one-line message saying what to do
         *     (such as a node name taken, a cluster that is not a connect string); whatever was started
         *     is stopped again
         * @throws IllegalStateException when {@link #node}, {@link #clusterSessionTimeout} or
         *     {@link #clusterAuth} is set without {@link #cluster}, or one of {@link #ssh} and
         *     {@link #sshAuthorizedKeys} without the other
         */
        public RegistryContainer start() throws StartupException {
            if (cluster == null && (node != null || clusterSessionTimeout != null || clusterAuth != null)) {
                throw new IllegalStateException(
                        "node, clusterSessionTimeout and clusterAuth apply to a cluster only: set cluster(...) too");
            }
            if ((ssh == null) != (sshAuthorizedKeys == null)) {
                throw new IllegalStateException("ssh(...) and sshAuthorizedKeys(...) go together: the SSH shell "
                        + "accepts only the public keys of an authorized_keys file");
            }
            return ContainerStart.start(this);
        }

        StorageLock heldLock() {
            return heldLock;
        }

        Consumer<BundleContext> beforeStart() {
            return beforeStart;
        }

        Boolean shareApi() {
            return shareApi;
        }

        Duration readyTimeout() {
            return readyTimeout;
        }
    }
}
