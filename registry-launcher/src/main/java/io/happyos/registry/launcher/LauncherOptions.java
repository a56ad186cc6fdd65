package io.happyos.registry.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the command line asked for.
 *
 * @param bundlesDir the plugin folder registry-core deploys at start-up (absolute)
 * @param storageDir the folder for the framework cache and logs (absolute)
 * @param clean whether to start from an empty storage folder (logs kept)
 * @param commands Gogo command lines to run, in order, before stopping; empty for a shell session
 * @param help whether {@code --help} was given
 * @param version whether {@code --version} was given
 * @param noWatch whether {@code --no-watch} was given
 * @param noAutoRollback whether {@code --no-auto-rollback} was given
 * @param cluster {@code --cluster}: a ZooKeeper connect string or {@code embedded[:PORT]}, or
 *     {@code null} for a standalone container
 * @param node {@code --node}, or {@code null} for the default name
 * @param clusterSessionTimeout {@code --cluster-session-timeout}, or {@code null} for the default
 * @param clusterAuth {@code --cluster-auth} (absolute), or {@code null}
 * @param web {@code --http} and its options, or {@code null} when nothing listens on HTTP
 * @param ssh {@code --ssh}: {@code [HOST:]PORT} of the SSH shell, or {@code null} for none
 * @param sshAuthorizedKeys {@code --ssh-authorized-keys} (absolute), or {@code null}
 * @param etcDir the etc folder ({@code --etc}, {@code HAPPYOS_ETC} or {@code ./etc}), or {@code null} for none
 * @param settings every setting given by a source other than its default, with its source
 * @param frameworkProperties framework properties for plugins ({@code etc/config.properties}, then {@code --property})
 */
record LauncherOptions(
        Path bundlesDir,
        Path storageDir,
        boolean clean,
        List<String> commands,
        boolean help,
        boolean version,
        boolean noWatch,
        boolean noAutoRollback,
        String cluster,
        String node,
        Duration clusterSessionTimeout,
        Path clusterAuth,
        WebOptions web,
        String ssh,
        Path sshAuthorizedKeys,
        Path etcDir,
        Map<String, SettingSources.Value> settings,
        Map<String, String> frameworkProperties) {

    LauncherOptions {
        commands = List.copyOf(commands);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        frameworkProperties = Map.copyOf(frameworkProperties);
    }

    /**
     * The web console's options.
     *
     * @param address {@code --http}
     * @param insecure {@code --http-insecure}: plain HTTP beyond loopback accepted
     * @param tls {@code --http-tls} (absolute), or {@code null} for plain HTTP
     * @param tokenFile {@code --http-token-file} (absolute), or {@code null} for {@code STORAGE/http.token}
     */
    record WebOptions(ListenAddress address, boolean insecure, Path tls, Path tokenFile) {}

    /** Whether commands were given with {@code -c}, so the launcher runs them and stops. */
    boolean batch() {
        return !commands.isEmpty();
    }
}
