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
        return parse(Map.of(), args);
    }

    /**
     * Parses the arguments over the other sources of the settings: each setting is taken from its
     * option, else its environment variable, else {@code etc/happyos.properties}, else its default.
     *
     * @param environment the environment variables ({@code System.getenv()})
     * @param args the arguments
     * @return the options
     * @throws UsageException as {@link #parse(String...)}, and for an etc folder that is not one, a
     *     settings file with a key that is not a setting, or a {@code --property} without {@code =}
     */
    static LauncherOptions parse(Map<String, String> environment, String... args) throws UsageException {
        boolean clean = false;
        boolean help = false;
        boolean version = false;
        String etc = null;
        Map<String, SettingSources.Value> given = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
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
                case "-c", "--command" -> commands.add(inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--etc" -> etc = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--property" -> property(inlineValue != null ? inlineValue : valueOf(args, ++i, name), properties);
                case "--clean" -> clean = noValue(name, inlineValue);
                case "-h", "--help" -> help = noValue(name, inlineValue);
                case "-V", "--version" -> version = noValue(name, inlineValue);
                default -> {
                    Setting setting = Setting.byOption(name).orElseThrow(() -> unknown(arg));
                    String text;
                    if (setting.form() == Setting.Form.VALUE) {
                        text = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                        text = setting.path() && !text.isBlank()
                                ? absolute(text).toString()
                                : text;
                    } else {
                        text = String.valueOf(noValue(name, inlineValue) == (setting.form() == Setting.Form.SETS_TRUE));
                    }
                    given.put(setting.key(), new SettingSources.Value(text, "option " + name, "Option " + name));
                }
            }
        }
        for (String command : commands) {
            if (command.isBlank()) {
                throw new UsageException("Option -c needs a non-empty command line. Try --help.");
            }
        }
        Path etcDir = SettingSources.etcFolder(etc, environment);
        Map<String, SettingSources.Value> settings = new LinkedHashMap<>(SettingSources.fromFile(etcDir));
        settings.putAll(SettingSources.fromEnvironment(environment));
        settings.putAll(given);
        Map<String, String> frameworkProperties = SettingSources.frameworkProperties(etcDir);
        frameworkProperties.putAll(properties);
        return build(new Resolved(settings), clean, commands, help, version, etcDir, frameworkProperties);
    }

    private static LauncherOptions build(
            Resolved settings,
            boolean clean,
            List<String> commands,
            boolean help,
            boolean version,
            Path etcDir,
            Map<String, String> frameworkProperties)
            throws UsageException {
        checkCluster(settings);
        checkSsh(settings);
        String timeout = settings.text(Setting.SESSION_TIMEOUT);
        String auth = settings.text(Setting.CLUSTER_AUTH);
        String cluster = settings.text(Setting.CLUSTER);
        String ssh = settings.text(Setting.SSH);
        String sshKeys = settings.text(Setting.SSH_KEYS);
        return new LauncherOptions(
                absolute(settings.textOr(Setting.BUNDLES_DIR, DEFAULT_BUNDLES_DIR)),
                absolute(settings.textOr(Setting.STORAGE_DIR, DEFAULT_STORAGE_DIR)),
                clean,
                commands,
                help,
                version,
                !settings.bool(Setting.WATCH, true),
                !settings.bool(Setting.AUTO_ROLLBACK, true),
                cluster == null ? null : cluster.strip(),
                settings.text(Setting.NODE),
                timeout == null ? null : sessionTimeout(timeout, settings.label(Setting.SESSION_TIMEOUT)),
                auth == null ? null : absolute(auth),
                web(settings),
                ssh == null ? null : ssh.strip(),
                sshKeys == null ? null : absolute(sshKeys.strip()),
                etcDir,
                settings.values(),
                frameworkProperties);
    }

    /** The merged settings, with how an error names each one's source. */
    private record Resolved(Map<String, SettingSources.Value> values) {

        String text(String key) {
            SettingSources.Value value = values.get(key);
            return value == null ? null : value.text();
        }

        String textOr(String key, String fallback) {
            String text = text(key);
            return text == null || text.isBlank() ? fallback : text;
        }

        /** Whether the value was typed on the command line (the file may hold settings for options not used now). */
        boolean fromOption(String key) {
            SettingSources.Value value = values.get(key);
            return value != null && value.origin().startsWith("option ");
        }

        String label(String key) {
            SettingSources.Value value = values.get(key);
            return value == null
                    ? "Option " + Setting.byKey(key).map(Setting::option).orElse(key)
                    : value.label();
        }

        boolean bool(String key, boolean fallback) throws UsageException {
            String text = text(key);
            if (text == null || text.isBlank()) {
                return fallback;
            }
            if (!text.strip().equalsIgnoreCase("true") && !text.strip().equalsIgnoreCase("false")) {
                throw new UsageException(label(key) + " must be true or false, not '" + text + "'. Try --help.");
            }
            return Boolean.parseBoolean(text.strip());
        }
    }

    private static UsageException unknown(String arg) {
        return new UsageException(
                arg.startsWith("-")
                        ? "Unknown option '" + arg + "'. Try --help."
                        : "Unexpected argument '" + arg + "' (commands go after -c). Try --help.");
    }

    private static void property(String text, Map<String, String> properties) throws UsageException {
        int equals = text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            throw new UsageException("Option --property needs KEY=VALUE (a framework property for plugins, e.g. "
                    + "--property org.osgi.service.http.port=8080), not '" + text + "'. Try --help.");
        }
        String key = text.substring(0, equals).strip();
        SettingSources.checkNotSetting(key, "given with --property");
        properties.put(key, text.substring(equals + 1));
    }

    private static void checkSsh(Resolved settings) throws UsageException {
        String ssh = settings.text(Setting.SSH);
        String keys = settings.text(Setting.SSH_KEYS);
        if (ssh != null && ssh.isBlank()) {
            throw new UsageException(settings.label(Setting.SSH) + " needs [HOST:]PORT, e.g. --ssh 2222 (127.0.0.1) "
                    + "or --ssh 0 (a free port). Try --help.");
        }
        if (keys != null && keys.isBlank()) {
            throw new UsageException(settings.label(Setting.SSH_KEYS) + " needs a file. Try --help.");
        }
        if (ssh != null && keys == null) {
            throw new UsageException(settings.label(Setting.SSH) + " needs --ssh-authorized-keys FILE too: an "
                    + "OpenSSH authorized_keys file of the public keys that may log in (only keys are accepted). "
                    + "Try --help.");
        }
        if (keys != null && ssh == null && settings.fromOption(Setting.SSH_KEYS)) {
            throw new UsageException(settings.label(Setting.SSH_KEYS) + " applies to the SSH shell only: give --ssh "
                    + "[HOST:]PORT too, or leave it out. Try --help.");
        }
    }

    private static LauncherOptions.WebOptions web(Resolved settings) throws UsageException {
        String http = settings.text(Setting.HTTP);
        for (String key : List.of(Setting.HTTP_TLS, Setting.HTTP_TOKEN_FILE, Setting.HTTP_INSECURE)) {
            String value = settings.text(key);
            if (value == null || key.equals(Setting.HTTP_INSECURE) && !settings.bool(key, false)) {
                continue;
            }
            if (http == null && !settings.fromOption(key)) {
                continue;
            }
            if (http == null) {
                throw new UsageException(settings.label(key) + " applies to the web console only: give --http "
                        + "[HOST:]PORT too, or leave it out. Try --help.");
            }
            if (value.isBlank()) {
                throw new UsageException(settings.label(key) + " needs a non-empty value. Try --help.");
            }
        }
        if (http == null) {
            return null;
        }
        ListenAddress address;
        try {
            address = ListenAddress.parse(http, "--http");
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    settings.label(Setting.HTTP) + e.getMessage().substring("--http".length()) + ". Try --help.");
        }
        String tls = settings.text(Setting.HTTP_TLS);
        String token = settings.text(Setting.HTTP_TOKEN_FILE);
        boolean insecure = settings.bool(Setting.HTTP_INSECURE, false);
        if (!address.loopback() && tls == null && !insecure) {
            throw new UsageException(settings.label(Setting.HTTP) + " " + address + " serves beyond this machine over "
                    + "plain HTTP, where the token could be read on the way: give --http-tls KEYSTORE for HTTPS, or "
                    + "--http-insecure to accept plain HTTP (behind a TLS proxy, say). Try --help.");
        }
        return new LauncherOptions.WebOptions(
                address, insecure, tls == null ? null : absolute(tls), token == null ? null : absolute(token));
    }

    private static void checkCluster(Resolved settings) throws UsageException {
        String cluster = settings.text(Setting.CLUSTER);
        if (cluster != null && cluster.isBlank()) {
            throw new UsageException(settings.label(Setting.CLUSTER) + " needs a ZooKeeper connect string "
                    + "(HOST:PORT[,HOST:PORT...][/CHROOT]) or embedded[:PORT]. Try --help.");
        }
        for (String key : List.of(Setting.NODE, Setting.SESSION_TIMEOUT, Setting.CLUSTER_AUTH)) {
            String value = settings.text(key);
            if (value == null) {
                continue;
            }
            if (cluster == null && !settings.fromOption(key)) {
                continue;
            }
            if (cluster == null) {
                throw new UsageException(settings.label(key) + " applies to a cluster only: give --cluster "
                        + "CONNECT|embedded[:PORT] too, or leave it out. Try --help.");
            }
            if (value.isBlank()) {
                throw new UsageException(settings.label(key) + " needs a non-empty value. Try --help.");
            }
        }
    }

    private static Duration sessionTimeout(String text, String label) throws UsageException {
        Duration timeout;
        try {
            timeout = DurationParser.parse(text, "--cluster-session-timeout");
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    label + " needs a duration, not '" + text + "': give " + DurationParser.FORMS + ". Try --help.");
        }
        if (!FrameworkSettings.isSessionTimeout(timeout)) {
            throw new UsageException(label + " " + text.strip() + " is out of range: give "
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
