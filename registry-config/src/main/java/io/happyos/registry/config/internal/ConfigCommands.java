package io.happyos.registry.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.cm.Configuration;

/**
 * The Gogo commands of the scope {@code config}, as Karaf names them: {@code list}, {@code get},
 * {@code set}, {@code delete}. Changes go through Configuration Admin, whose write-back puts them
 * in the configuration's file; each change says what happened to the file. Output shapes:
 * {@link ConfigText}.
 */
public final class ConfigCommands {

    /** The Gogo scope. */
    static final String SCOPE = "config";

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"list", "get", "set", "delete"};

    private final Supplier<ConfigSession> session;
    private final ConfigAudit audit;

    /**
     * @param session the current session, or null while Configuration Admin is missing
     * @param audit where changes are recorded
     */
    ConfigCommands(Supplier<ConfigSession> session, ConfigAudit audit) {
        this.session = session;
        this.audit = audit;
    }

    @Descriptor("list the configurations of Configuration Admin with the file each came from; all, or those whose"
            + " PID or factory PID starts with PREFIX, or that match an LDAP filter. Example: config:list org.example")
    public void list(
            @Descriptor("print a JSON array of {\"pid\",\"factoryPid\",\"file\",\"properties\",\"types\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("a PID prefix, or an LDAP filter such as (port=8080); nothing for all") String... filter) {
        if (filter.length > 1) {
            throw new IllegalArgumentException("one PREFIX or FILTER at most; quote a filter with spaces");
        }
        print(listed(filter.length == 0 ? "" : filter[0]), json);
    }

    private List<Configuration> listed(String filter) {
        Configurations configurations = current().configurations();
        String f = filter == null ? "" : filter.strip();
        List<Configuration> found = f.startsWith("(") ? configurations.list(f) : configurations.list(null);
        return found.stream()
                .filter(c -> f.startsWith("(")
                        || c.getPid().startsWith(f)
                        || (c.getFactoryPid() != null && c.getFactoryPid().startsWith(f)))
                .sorted(Comparator.comparing(Configuration::getPid))
                .toList();
    }

    private static void print(List<Configuration> configurations, boolean json) {
        if (json) {
            System.out.println(ConfigText.json(configurations));
        } else if (configurations.isEmpty()) {
            System.out.println("no configurations");
        } else {
            System.out.print(ConfigText.table(configurations));
        }
    }

    @Descriptor(
            "show a configuration's properties (or one of them) with their types. Example: config:get org.example.http")
    public void get(
            @Descriptor("print JSON: {\"pid\",\"factoryPid\",\"file\",\"properties\",\"types\"}, or with KEY"
                            + " {\"key\",\"value\",\"type\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the PID (config:list shows them)") String pid,
            @Descriptor("one key, or nothing for all") String... key) {
        Configuration configuration = existing(pid);
        if (key.length == 0) {
            System.out.print(json ? ConfigText.json(configuration) + "\n" : ConfigText.properties(configuration));
            return;
        }
        String name = onlyKey(key);
        Object value = Configurations.properties(configuration).get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "configuration " + pid + " has no key " + name + "; config:get " + pid + " lists its keys");
        }
        System.out.println(json ? ConfigText.json(name, value) : ConfigValues.text(value));
    }

    @Descriptor("set one property of a configuration (created when missing) and write it to its file in the etc"
            + " folder. Example: config:set --type Integer org.example.http port 8080")
    public void set(
            @Descriptor("the value's type: " + ConfigValues.TYPES + "; for an array or collection, VALUE is"
                            + " comma-separated. Default: the type the key has now, else String")
                    @Parameter(
                            names = {"--type"},
                            absentValue = "")
                    String type,
            @Descriptor("PID is FACTORYPID-NAME: the named factory configuration NAME of FACTORYPID (a PID with a"
                            + " '-' or '~' that is not an existing configuration is read so anyway)")
                    @Parameter(
                            names = {"--factory"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean factory,
            @Descriptor("the PID, or FACTORYPID-NAME") String pid,
            @Descriptor("the key") String key,
            @Descriptor("the value") String value) {
        ConfigSession s = current();
        ConfigTarget target = ConfigTarget.of(s.configurations(), pid, factory);
        if (Configurations.RESERVED.contains(key)) {
            throw new IllegalArgumentException(
                    key + " is kept by Configuration Admin or the registry; choose another key");
        }
        Dictionary<String, Object> properties = target.properties();
        Object typed = typed(type, value, properties.get(key));
        properties.put(key, typed);
        update(target.configuration(), properties);
        String said = target.pid() + ": " + key + " = " + ConfigValues.text(typed) + " (" + ConfigText.typeOf(typed)
                + "); " + s.fileOutcome(target.pid()).orElse("saved");
        audit.record("config:set", said);
        System.out.println(said);
    }

    @Descriptor("delete a configuration and its file, or one key of it. Example: config:delete org.example.http port")
    public void delete(
            @Descriptor("the PID (config:list shows them)") String pid,
            @Descriptor("one key to remove, or nothing to delete the whole configuration") String... key) {
        ConfigSession s = current();
        Configuration configuration = existing(pid);
        try {
            if (key.length == 0) {
                configuration.delete();
                String said = pid + ": " + s.fileOutcome(pid).orElse("deleted");
                audit.record("config:delete", said);
                System.out.println(said);
                return;
            }
            String name = onlyKey(key);
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null || Configurations.RESERVED.contains(name) || properties.remove(name) == null) {
                throw new IllegalArgumentException(
                        "configuration " + pid + " has no key " + name + "; config:get " + pid + " lists its keys");
            }
            configuration.update(properties);
            System.out.println(
                    pid + ": " + name + " removed; " + s.fileOutcome(pid).orElse("saved"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change configuration " + pid + ": " + e.getMessage(), e);
        }
    }

    private static void update(Configuration configuration, Dictionary<String, Object> properties) {
        try {
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot change configuration " + configuration.getPid() + ": " + e.getMessage(), e);
        }
    }

    private static Object typed(String type, String value, Object current) {
        if (type == null || type.isBlank()) {
            return ConfigValues.keepType(value, current);
        }
        String t = type.strip();
        if (!ConfigValues.isType(t)) {
            throw new IllegalArgumentException("unknown --type " + type + "; use " + ConfigValues.TYPES);
        }
        Object raw = t.endsWith("[]") || t.startsWith("Collection")
                ? java.util.Arrays.stream(value.split(",", -1))
                        .map(String::strip)
                        .toList()
                : value;
        try {
            return ConfigValues.convert(raw, t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value for --type " + t + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKey(String[] key) {
        if (key.length > 1) {
            throw new IllegalArgumentException("one KEY at most; got " + String.join(" ", key));
        }
        return key[0];
    }

    private Configuration existing(String pid) {
        Optional<Configuration> found = current().configurations().find(pid);
        if (found.isEmpty()) {
            String tilde = pid.replaceFirst("-", "~");
            found = current().configurations().find(tilde);
        }
        return found.orElseThrow(() -> new IllegalArgumentException("no configuration " + pid
                + "; config:list shows the PIDs (a factory configuration as FACTORYPID~NAME)"));
    }

    private ConfigSession current() {
        ConfigSession s = session.get();
        if (s == null) {
            throw new IllegalStateException("Configuration Admin is not running; start the bundle"
                    + " org.apache.felix.configadmin (lb configadmin shows it)");
        }
        return s;
    }

    /** The properties of a map sorted by key, for stable output. */
    static Map<String, Object> sorted(Map<String, Object> properties) {
        return new TreeMap<>(properties);
    }
}
