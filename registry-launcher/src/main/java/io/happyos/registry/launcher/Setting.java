package io.happyos.registry.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of the container's own settings: a {@code happyos.*} framework property that may be given, in
 * rising precedence, by its default, in {@code etc/happyos.properties}, as an environment variable
 * ({@link #variable()}) and as a launcher option ({@link #option()}, when it has one).
 *
 * @param key the framework property and the key in {@code happyos.properties}
 * @param option the launcher option, or {@code null} when only the other sources set it
 * @param form how the option carries the value
 * @param path whether the value is a path (made absolute against the folder its source is relative to)
 * @param defaultText the default as shown by {@code registry:settings}, or {@code null} when unset by default
 * @param description what it does, one line
 */
record Setting(String key, String option, Form form, boolean path, String defaultText, String description) {

    /** How an option gives its setting's value. */
    enum Form {
        /** The option takes the value ({@code --storage DIR}). */
        VALUE,
        /** The option takes no value and sets {@code true} ({@code --http-insecure}). */
        SETS_TRUE,
        /** The option takes no value and sets {@code false} ({@code --no-watch}). */
        SETS_FALSE
    }

    static final String BUNDLES_DIR = "happyos.bundles.dir";
    static final String STORAGE_DIR = "happyos.storage.dir";
    static final String LOG_DIR = "happyos.log.dir";
    static final String WATCH = "happyos.bundles.watch";
    static final String AUTO_ROLLBACK = "happyos.reload.autoRollback";
    static final String CLUSTER = "happyos.cluster";
    static final String NODE = "happyos.cluster.node";
    static final String SESSION_TIMEOUT = "happyos.cluster.session.timeout";
    static final String CLUSTER_AUTH = "happyos.cluster.auth";
    static final String HTTP = "happyos.http";
    static final String HTTP_TLS = "happyos.http.tls";
    static final String HTTP_TLS_PASSWORD = "happyos.http.tls.password";
    static final String HTTP_INSECURE = "happyos.http.insecure";
    static final String HTTP_TOKEN_FILE = "happyos.http.token.file";
    static final String SSH = "happyos.ssh";
    static final String SSH_KEYS = "happyos.ssh.authorized.keys";
    static final String PROVISION = "happyos.provision";

    /** Every setting, in the order {@code registry:settings} and the README list them. */
    static final List<Setting> ALL = List.of(
            value(BUNDLES_DIR, "--bundles", true, "./bundles", "the plugin folder deployed at start-up"),
            value(STORAGE_DIR, "--storage", true, "./.happyos-registry", "framework cache, registry database, logs"),
            value(LOG_DIR, null, true, "STORAGE/logs", "where registry.log is written"),
            flag(WATCH, "--no-watch", Form.SETS_FALSE, "true", "watch the bundles folder after start-up"),
            flag(AUTO_ROLLBACK, "--no-auto-rollback", Form.SETS_FALSE, "true", "roll a failed reload back"),
            value("happyos.bundles.settle", null, false, "300ms", "how long a dropped file must stay unchanged"),
            value("happyos.bundles.rescan", null, false, "2s", "safety-net rescan of the bundles folder"),
            value("happyos.activation.timeout", null, false, "30s", "how long an activator, hook or factory may run"),
            value("happyos.listener.timeout", null, false, "5s", "how long a status listener may run"),
            value("happyos.batch.parallelism", null, false, "4", "components a batch activates at once"),
            value("happyos.error.history.size", null, false, "100", "errors kept per component"),
            value("happyos.history.size", null, false, "5", "earlier versions kept per JAR"),
            value("happyos.reload.grace", null, false, "10s", "how long after a reload an ERROR rolls it back"),
            value("happyos.persistence", null, false, "true", "false keeps the registry's state in memory only"),
            value("happyos.audit.maxRecords", null, false, "100000", "audit records kept at most"),
            value("happyos.audit.maxDays", null, false, "90", "days audit records are kept"),
            value(
                    "happyos.quotas",
                    null,
                    false,
                    null,
                    "quotas applied at start: SCOPE LIMIT VALUE [enforce] [grace=D]; ..."),
            value("happyos.resources.accounting", null, false, "true", "false switches resource accounting (JFR) off"),
            value("happyos.resources.window", null, false, "10s", "window of the CPU, allocation and call figures"),
            value(CLUSTER, "--cluster", false, null, "ZooKeeper connect string or embedded[:PORT]"),
            value(NODE, "--node", false, "HOST-STORAGE", "this node's name in the cluster"),
            value(SESSION_TIMEOUT, "--cluster-session-timeout", false, "10s", "ZooKeeper session timeout"),
            value(CLUSTER_AUTH, "--cluster-auth", true, null, "file of the cluster's digest credentials"),
            value("happyos.cluster.host", null, false, "the host name", "what {host} in endpoints stands for"),
            value(HTTP, "--http", false, null, "[HOST:]PORT of the web console and HTTP API"),
            value(HTTP_TLS, "--http-tls", true, null, "PKCS12 or JKS keystore: serve HTTPS"),
            value(HTTP_TLS_PASSWORD, null, false, null, "the keystore's password (secret)"),
            flag(HTTP_INSECURE, "--http-insecure", Form.SETS_TRUE, "false", "accept plain HTTP beyond loopback"),
            value(HTTP_TOKEN_FILE, "--http-token-file", true, "STORAGE/http.token", "the bearer token's file"),
            value("happyos.http.upload.max", null, false, "67108864", "largest upload in bytes"),
            value(SSH, "--ssh", false, null, "[HOST:]PORT of the SSH shell"),
            value(SSH_KEYS, "--ssh-authorized-keys", true, null, "public keys that may log in over SSH"),
            value("happyos.config.settle", null, false, "300ms", "how long an etc file must stay unchanged"),
            value("happyos.config.rescan", null, false, "2s", "safety-net rescan of the etc folder"),
            value(
                    PROVISION,
                    null,
                    false,
                    null,
                    "features files provisioned at start (comma-separated; --provision FILE)"),
            value(
                    "happyos.maven.local",
                    null,
                    true,
                    "~/.m2/repository",
                    "local Maven repository; downloads are cached there"),
            value(
                    "happyos.maven.repositories",
                    null,
                    false,
                    "https://repo1.maven.org/maven2/",
                    "remote Maven repositories, comma-separated"),
            value(
                    "happyos.maven.checksumPolicy",
                    null,
                    false,
                    "fail",
                    "fail or warn when a remote publishes no checksum"));

    private static final Map<String, Setting> BY_KEY = index(false);
    private static final Map<String, Setting> BY_OPTION = index(true);

    private static Setting value(String key, String option, boolean path, String defaultText, String description) {
        return new Setting(key, option, Form.VALUE, path, defaultText, description);
    }

    private static Setting flag(String key, String option, Form form, String defaultText, String description) {
        return new Setting(key, option, form, false, defaultText, description);
    }

    private static Map<String, Setting> index(boolean byOption) {
        Map<String, Setting> map = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            String name = byOption ? setting.option() : setting.key();
            if (name != null) {
                map.put(name, setting);
            }
        }
        return Map.copyOf(map);
    }

    /** @return the setting of that {@code happyos.*} key */
    static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** @return the setting that option sets */
    static Optional<Setting> byOption(String option) {
        return Optional.ofNullable(BY_OPTION.get(option));
    }

    /**
     * The environment variable: {@code HAPPYOS_} and the rest of the key in capitals, dots as
     * underscores ({@code happyos.http.tls.password} is {@code HAPPYOS_HTTP_TLS_PASSWORD}).
     *
     * @return the variable's name
     */
    String variable() {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** @return whether its value is never shown */
    boolean secret() {
        return key.endsWith("password");
    }
}
