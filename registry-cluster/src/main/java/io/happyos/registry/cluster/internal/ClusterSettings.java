package io.happyos.registry.cluster.internal;

import io.happyos.registry.text.DurationParser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the container was asked for, from its framework properties (the launcher turns its options
 * into them): {@value #CLUSTER} ({@code --cluster}), {@value #NODE} ({@code --node}),
 * {@value #SESSION_TIMEOUT} ({@code --cluster-session-timeout}), {@value #AUTH}
 * ({@code --cluster-auth}).
 *
 * @param connect the ZooKeeper connect string without the chroot, or {@code null} for an embedded server
 * @param embeddedPort the port of the embedded server (0: any free one), or -1 when there is none
 * @param namespace the chroot without its leading slash ({@code happyos} by default)
 * @param node this node's name
 * @param sessionTimeout the ZooKeeper session timeout
 * @param authFile a file holding {@code user:password} digest credentials, or {@code null}
 * @param storage the container's storage folder (the embedded server's data goes under it)
 * @param owner what identifies this container across restarts (host and storage folder), so that
 *     a restarted node can take its name back from its dead incarnation
 * @param host the host name that endpoints' {@code {host}} stands for
 */
record ClusterSettings(
        String connect,
        int embeddedPort,
        String namespace,
        String node,
        Duration sessionTimeout,
        Path authFile,
        Path storage,
        String owner,
        String host) {

    static final String CLUSTER = "happyos.cluster";
    static final String NODE = "happyos.cluster.node";
    static final String SESSION_TIMEOUT = "happyos.cluster.session.timeout";
    static final String AUTH = "happyos.cluster.auth";
    static final String HOST = "happyos.cluster.host";
    static final String STORAGE = "happyos.storage.dir";

    static final String DEFAULT_NAMESPACE = "happyos";
    static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_EMBEDDED_PORT = 2181;
    private static final String EMBEDDED = "embedded";
    /** ZooKeeper node names: no slash, not "." or "..", printable. */
    /** HOST:PORT[,HOST:PORT...], a port being 1 to 5 digits. */
    private static final Pattern CONNECT = Pattern.compile("[^,:/\\s]+:\\d{1,5}(,[^,:/\\s]+:\\d{1,5})*");

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    boolean embedded() {
        return embeddedPort >= 0;
    }

    /**
     * Reads the settings.
     *
     * @param properties the framework properties
     * @return the settings, or {@code null} when {@value #CLUSTER} is not set (no cluster)
     * @throws IllegalArgumentException naming the property and the form expected
     */
    static ClusterSettings read(Function<String, String> properties) {
        String cluster = trimmed(properties.apply(CLUSTER));
        if (cluster == null) {
            return null;
        }
        String connect = null;
        int port = -1;
        String namespace = DEFAULT_NAMESPACE;
        if (cluster.equals(EMBEDDED) || cluster.startsWith(EMBEDDED + ":")) {
            port = cluster.equals(EMBEDDED) ? DEFAULT_EMBEDDED_PORT : port(cluster.substring(EMBEDDED.length() + 1));
        } else {
            int slash = cluster.indexOf('/');
            connect = slash < 0 ? cluster : cluster.substring(0, slash);
            if (slash >= 0) {
                namespace = namespace(cluster.substring(slash));
            }
            if (connect.isBlank()
                    || connect.contains(" ")
                    || !CONNECT.matcher(connect).matches()) {
                throw new IllegalArgumentException("--cluster " + cluster + " is not a ZooKeeper connect string: give "
                        + "HOST:PORT[,HOST:PORT...][/CHROOT] (e.g. 127.0.0.1:2181) or embedded[:PORT]");
            }
        }
        Path storage = Path.of(orDefault(properties.apply(STORAGE), ".happyos-registry"))
                .toAbsolutePath()
                .normalize();
        String host = orDefault(trimmed(properties.apply(HOST)), localHost());
        String owner = host + ":" + storage;
        String node = trimmed(properties.apply(NODE));
        if (node == null) {
            node = defaultName(host, storage);
        } else if (!NODE_NAME.matcher(node).matches()) {
            throw new IllegalArgumentException("--node " + node + " is not a usable node name: use letters, digits, "
                    + "'.', '_' and '-' (up to 63, starting with a letter or digit), e.g. --node alpha");
        }
        Duration timeout = DEFAULT_SESSION_TIMEOUT;
        String timeoutText = trimmed(properties.apply(SESSION_TIMEOUT));
        if (timeoutText != null) {
            timeout = DurationParser.parse(timeoutText, "--cluster-session-timeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("--cluster-session-timeout " + timeoutText
                        + " is out of range: give between 1s and 10m (default 10s)");
            }
        }
        String auth = trimmed(properties.apply(AUTH));
        return new ClusterSettings(
                connect, port, namespace, node, timeout, auth == null ? null : Path.of(auth), storage, owner, host);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--cluster embedded:" + text + " has no valid port: give 0 to 65535 (0 picks a free one)");
    }

    private static String namespace(String chroot) {
        String trimmed = chroot.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty() || trimmed.contains("//")) {
            throw new IllegalArgumentException(
                    "--cluster chroot " + chroot + " is not a ZooKeeper path: give e.g. /happyos or /teams/a");
        }
        return trimmed;
    }

    /** The host name, and 8 hex digits of the storage folder's path: stable across restarts. */
    static String defaultName(String host, Path storage) {
        String shortHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        int dot = shortHost.indexOf('.');
        if (dot > 0) {
            shortHost = shortHost.substring(0, dot);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(storage.toString().getBytes(StandardCharsets.UTF_8));
            return (shortHost.isEmpty() ? "node" : shortHost) + "-"
                    + HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
