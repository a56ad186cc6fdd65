package io.happyos.registry.launcher;

import io.happyos.registry.text.DurationParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the arguments of {@code java -jar happyos-registry.jar} into {@link LauncherOptions}. */
final class CommandLineParser {

    static final String DEFAULT_BUNDLES_DIR = "bundles";
    static final String DEFAULT_STORAGE_DIR = ".happyos-registry";

    private CommandLineParser() {}

    /**
     * Parses the arguments. Options may come in any order; {@code -c} may be repeated. An option's
     * value may also be attached with {@code =}, as in {@code --storage=/tmp/reg}.
     *
     * @param args the arguments
     * @return the options, with absolute, normalised paths
     * @throws UsageException for an unknown option, a missing value, a stray argument, a cluster
     *     option without {@code --cluster}, a session timeout that is not a duration of 1s to 10m, or
     *     {@code --ssh} and {@code --ssh-authorized-keys} one without the other
     */
    static LauncherOptions parse(String... args) throws UsageException {
        String bundles = DEFAULT_BUNDLES_DIR;
        String storage = DEFAULT_STORAGE_DIR;
        boolean clean = false;
        boolean noWatch = false;
        boolean noAutoRollback = false;
        boolean help = false;
        boolean version = false;
        String cluster = null;
        String ssh = null;
        String sshKeys = null;
        // the cluster's other options, by name, as typed: each needs --cluster
        Map<String, String> clusterOptions = new LinkedHashMap<>();
        String http = null;
        // the web console's other options, by name, as typed: each needs --http
        Map<String, String> webOptions = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        List<Path> provision = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--bundles" -> bundles = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--storage" -> storage = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "-c", "--command" -> commands.add(inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--cluster" -> cluster = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--node", "--cluster-session-timeout", "--cluster-auth" ->
                    clusterOptions.put(name, inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--http" -> http = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--http-tls", "--http-token-file" ->
                    webOptions.put(name, inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--http-insecure" -> webOptions.put(name, String.valueOf(noValue(name, inlineValue)));
                case "--ssh" -> ssh = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--ssh-authorized-keys" -> sshKeys = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--provision" ->
                    provision.add(
                            absolute(nonBlank(name, inlineValue != null ? inlineValue : valueOf(args, ++i, name))));
                case "--clean" -> clean = noValue(name, inlineValue);
                case "--no-watch" -> noWatch = noValue(name, inlineValue);
                case "--no-auto-rollback" -> noAutoRollback = noValue(name, inlineValue);
                case "-h", "--help" -> help = noValue(name, inlineValue);
                case "-V", "--version" -> version = noValue(name, inlineValue);
                default ->
                    throw new UsageException(
                            arg.startsWith("-")
                                    ? "Unknown option '" + arg + "'. Try --help."
                                    : "Unexpected argument '" + arg + "' (commands go after -c). Try --help.");
            }
        }
        for (String command : commands) {
            if (command.isBlank()) {
                throw new UsageException("Option -c needs a non-empty command line. Try --help.");
            }
        }
        checkCluster(cluster, clusterOptions);
        checkSsh(ssh, sshKeys);
        String timeout = clusterOptions.get("--cluster-session-timeout");
        String auth = clusterOptions.get("--cluster-auth");
        return new LauncherOptions(
                absolute(bundles),
                absolute(storage),
                clean,
                commands,
                help,
                version,
                noWatch,
                noAutoRollback,
                cluster == null ? null : cluster.strip(),
                clusterOptions.get("--node"),
                timeout == null ? null : sessionTimeout(timeout),
                auth == null ? null : absolute(auth),
                web(http, webOptions),
                ssh == null ? null : ssh.strip(),
                sshKeys == null ? null : absolute(sshKeys.strip()),
                provision);
    }

    private static void checkSsh(String ssh, String keys) throws UsageException {
        if (ssh != null && ssh.isBlank()) {
            throw new UsageException("Option --ssh needs [HOST:]PORT, e.g. --ssh 2222 (127.0.0.1) or --ssh 0 (a free "
                    + "port). Try --help.");
        }
        if (keys != null && keys.isBlank()) {
            throw new UsageException("Option --ssh-authorized-keys needs a file. Try --help.");
        }
        if (ssh != null && keys == null) {
            throw new UsageException("Option --ssh needs --ssh-authorized-keys FILE too: an OpenSSH authorized_keys "
                    + "file of the public keys that may log in (only keys are accepted). Try --help.");
        }
        if (keys != null && ssh == null) {
            throw new UsageException("Option --ssh-authorized-keys applies to the SSH shell only: give --ssh "
                    + "[HOST:]PORT too, or leave --ssh-authorized-keys out. Try --help.");
        }
    }

    private static LauncherOptions.WebOptions web(String http, Map<String, String> webOptions) throws UsageException {
        for (Map.Entry<String, String> option : webOptions.entrySet()) {
            if (http == null) {
                throw new UsageException("Option " + option.getKey() + " applies to the web console only: give "
                        + "--http [HOST:]PORT too, or leave " + option.getKey() + " out. Try --help.");
            }
            if (option.getValue().isBlank()) {
                throw new UsageException("Option " + option.getKey() + " needs a non-empty value. Try --help.");
            }
        }
        if (http == null) {
            return null;
        }
        ListenAddress address;
        try {
            address = ListenAddress.parse(http, "--http");
        } catch (IllegalArgumentException e) {
            throw new UsageException("Option " + e.getMessage() + ". Try --help.");
        }
        String tls = webOptions.get("--http-tls");
        String token = webOptions.get("--http-token-file");
        boolean insecure = webOptions.containsKey("--http-insecure");
        if (!address.loopback() && tls == null && !insecure) {
            throw new UsageException("Option --http " + address + " serves beyond this machine over plain HTTP, where "
                    + "the token could be read on the way: give --http-tls KEYSTORE for HTTPS, or --http-insecure "
                    + "to accept plain HTTP (behind a TLS proxy, say). Try --help.");
        }
        return new LauncherOptions.WebOptions(
                address, insecure, tls == null ? null : absolute(tls), token == null ? null : absolute(token));
    }

    private static void checkCluster(String cluster, Map<String, String> clusterOptions) throws UsageException {
        if (cluster != null && cluster.isBlank()) {
            throw new UsageException("Option --cluster needs a ZooKeeper connect string (HOST:PORT[,HOST:PORT...]"
                    + "[/CHROOT]) or embedded[:PORT]. Try --help.");
        }
        for (Map.Entry<String, String> option : clusterOptions.entrySet()) {
            if (cluster == null) {
                throw new UsageException("Option " + option.getKey() + " applies to a cluster only: give --cluster "
                        + "CONNECT|embedded[:PORT] too, or leave " + option.getKey() + " out. Try --help.");
            }
            if (option.getValue().isBlank()) {
                throw new UsageException("Option " + option.getKey() + " needs a non-empty value. Try --help.");
            }
        }
    }

    private static Duration sessionTimeout(String text) throws UsageException {
        Duration timeout;
        try {
            timeout = DurationParser.parse(text, "--cluster-session-timeout");
        } catch (IllegalArgumentException e) {
            throw new UsageException("Option --cluster-session-timeout needs a duration, not '" + text + "': give "
                    + DurationParser.FORMS + ". Try --help.");
        }
        if (!FrameworkSettings.isSessionTimeout(timeout)) {
            throw new UsageException("Option --cluster-session-timeout " + text.strip() + " is out of range: give "
                    + FrameworkSettings.SESSION_TIMEOUT_RANGE + ". Try --help.");
        }
        return timeout;
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException("Option " + option + " needs a value. Try --help.");
        }
        return args[index];
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("Option " + option + " needs a file. Try --help.");
        }
        return value.strip();
    }

    private static boolean noValue(String option, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException("Option " + option + " takes no value. Try --help.");
        }
        return true;
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
