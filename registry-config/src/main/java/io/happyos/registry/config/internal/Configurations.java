package io.happyos.registry.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configuration Admin as the etc folder sees it: finding configurations without creating them,
 * their properties without the bookkeeping ones, the file each came from ({@value #FILE_PROPERTY}),
 * and which PIDs are being changed from their file right now (so that the write-back leaves those
 * alone). Thread-safe.
 */
final class Configurations {

    /** The property that names the file (absolute path) a configuration came from or is written to. */
    static final String FILE_PROPERTY = "happyos.config.file";

    /** Properties Configuration Admin or this bundle keep; never read from nor written to a file. */
    static final Set<String> RESERVED = Set.of(
            Constants.SERVICE_PID,
            ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION,
            FILE_PROPERTY);

    private final ConfigurationAdmin admin;
    private final Set<String> fromFiles = ConcurrentHashMap.newKeySet();
    /** The file of each configuration seen with one, for deletions (whose event has no properties). */
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    Configurations(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** @return the service */
    ConfigurationAdmin admin() {
        return admin;
    }

    /**
     * The configuration of a PID, without creating it.
     *
     * @param pid the PID (a factory configuration's full PID)
     * @return the configuration, or empty
     */
    Optional<Configuration> find(String pid) {
        List<Configuration> found = list("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The configurations that came from one file.
     *
     * @param file the file
     * @return them, usually one or none
     */
    List<Configuration> fromFile(Path file) {
        return list("(" + FILE_PROPERTY + "=" + escape(file.toString()) + ")");
    }

    /**
     * The configurations matching a filter.
     *
     * @param filter an LDAP filter, or null for all
     * @return them (an empty list for none)
     * @throws IllegalArgumentException for a malformed filter
     */
    List<Configuration> list(String filter) {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A configuration's own properties: without {@link #RESERVED}, in Configuration Admin's order.
     *
     * @param configuration the configuration
     * @return its properties (empty when it has none yet)
     */
    static Map<String, Object> properties(Configuration configuration) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Dictionary<String, Object> dictionary = configuration.getProperties();
        if (dictionary == null) {
            return properties;
        }
        for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!RESERVED.contains(key)) {
                properties.put(key, dictionary.get(key));
            }
        }
        return properties;
    }

    /**
     * The file a configuration names in {@value #FILE_PROPERTY}.
     *
     * @param configuration the configuration
     * @return the file, or null
     */
    static Path fileOf(Configuration configuration) {
        Dictionary<String, Object> dictionary = configuration.getProperties();
        Object file = dictionary == null ? null : dictionary.get(FILE_PROPERTY);
        return file == null ? null : Path.of(file.toString());
    }

    /**
     * Whether two sets of properties are the same: the same keys, each with the same value.
     *
     * @param a one
     * @param b the other
     * @return true when equal
     */
    static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            if (!ConfigValues.same(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a change of a configuration made from its file: the write-back ignores the events of the
     * PID meanwhile.
     *
     * @param pid the PID changed
     * @param change the change
     * @throws IOException from the change
     */
    void fromFile(String pid, IoAction change) throws IOException {
        fromFiles.add(pid);
        try {
            change.run();
        } finally {
            fromFiles.remove(pid);
        }
    }

    /**
     * @param pid a PID
     * @return whether it is being changed from its file now
     */
    boolean changingFromFile(String pid) {
        return fromFiles.contains(pid);
    }

    /**
     * Remembers the file of a configuration, for its deletion.
     *
     * @param pid the PID
     * @param file its file, or null to forget it
     */
    void remember(String pid, Path file) {
        if (file == null) {
            files.remove(pid);
        } else {
            files.put(pid, file);
        }
    }

    /**
     * @param pid a PID
     * @return the file last known for it, or null
     */
    Path rememberedFile(String pid) {
        return files.get(pid);
    }

    /** @return the PIDs with a remembered file */
    Set<String> remembered() {
        return Collections.unmodifiableSet(files.keySet());
    }

    /** Escapes a value for an LDAP filter (RFC 1960: {@code \ * ( )}). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A change that may fail with an IOException. */
    @FunctionalInterface
    interface IoAction {
        /** @throws IOException when the change fails */
        void run() throws IOException;
    }
}
