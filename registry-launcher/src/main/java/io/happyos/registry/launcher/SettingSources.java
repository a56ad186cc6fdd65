package io.happyos.registry.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the container's settings come from, below the command line: the etc folder's {@code
 * happyos.properties} and {@code config.properties}, and {@code HAPPYOS_*} environment variables.
 *
 * <p>Relative paths in {@code happyos.properties} are taken against the etc folder's parent (the
 * distribution's home), so that an unpacked distribution works from any current folder; relative
 * paths from the environment and the command line against the current folder.
 */
final class SettingSources {

    /** The settings file in the etc folder. */
    static final String SETTINGS_FILE = "happyos.properties";
    /** The framework properties for plugins in the etc folder. */
    static final String PROPERTIES_FILE = "config.properties";
    /** The environment variable naming the etc folder, below {@code --etc}. */
    static final String ETC_VARIABLE = "HAPPYOS_ETC";
    /** The framework property that tells bundles the etc folder. */
    static final String ETC_PROPERTY = "happyos.etc.dir";

    /**
     * A setting's value and where it came from.
     *
     * @param text the value (a path made absolute)
     * @param origin the source, as {@code registry:settings} shows it
     * @param label how an error names the source ("Option --http", "Setting happyos.http in FILE")
     */
    record Value(String text, String origin, String label) {}

    private SettingSources() {}

    /**
     * The etc folder: {@code --etc}, else {@value #ETC_VARIABLE}, else {@code ./etc} when it is a folder.
     *
     * @param option the {@code --etc} value, or {@code null}
     * @param environment the environment variables
     * @return the absolute folder, or {@code null} for none
     * @throws UsageException when a folder named by the option or the variable is not a folder
     */
    static Path etcFolder(String option, Map<String, String> environment) throws UsageException {
        String named = option != null ? option : environment.get(ETC_VARIABLE);
        String source = option != null ? "Option --etc" : "Environment variable " + ETC_VARIABLE;
        if (named == null) {
            Path local = Path.of("etc").toAbsolutePath().normalize();
            return Files.isDirectory(local) ? local : null;
        }
        if (named.isBlank()) {
            throw new UsageException(source + " needs a folder. Try --help.");
        }
        Path folder = Path.of(named.strip()).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new UsageException(source + " names " + folder + ", which is not a folder: create it (it holds "
                    + SETTINGS_FILE + ", " + PROPERTIES_FILE + ", logback.xml and *.cfg files) or name another. "
                    + "Try --help.");
        }
        return folder;
    }

    /**
     * The settings in {@code etc/happyos.properties}.
     *
     * @param etc the etc folder, or {@code null}
     * @return the settings by key, in key order
     * @throws UsageException when the file cannot be read, or holds a key that is not a setting
     */
    static Map<String, Value> fromFile(Path etc) throws UsageException {
        Map<String, Value> values = new LinkedHashMap<>();
        if (etc == null) {
            return values;
        }
        Path file = etc.resolve(SETTINGS_FILE);
        for (Map.Entry<String, String> entry : read(file).entrySet()) {
            String key = entry.getKey();
            Setting setting = Setting.byKey(key)
                    .orElseThrow(() -> new UsageException(file + " sets '" + key + "', which is not a setting: "
                            + (key.startsWith("happyos.")
                                    ? "check the spelling against the README's settings table (registry:settings "
                                            + "lists them)"
                                    : "framework properties for plugins go into " + etc.resolve(PROPERTIES_FILE))
                            + "."));
            String text = entry.getValue().strip();
            if (setting.path() && !text.isEmpty()) {
                text = etc.getParent().resolve(text).normalize().toString();
            }
            values.put(key, new Value(text, file.toString(), "Setting " + key + " in " + file));
        }
        return values;
    }

    /**
     * The settings given as {@code HAPPYOS_*} environment variables; other variables are ignored.
     *
     * @param environment the environment variables
     * @return the settings by key
     */
    static Map<String, Value> fromEnvironment(Map<String, String> environment) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Setting setting : Setting.ALL) {
            String text = environment.get(setting.variable());
            if (text != null) {
                text = text.strip();
                if (setting.path() && !text.isEmpty()) {
                    text = Path.of(text).toAbsolutePath().normalize().toString();
                }
                String variable = setting.variable();
                values.put(
                        setting.key(), new Value(text, "environment " + variable, "Environment variable " + variable));
            }
        }
        return values;
    }

    /**
     * The framework properties for plugins in {@code etc/config.properties}.
     *
     * @param etc the etc folder, or {@code null}
     * @return the properties by key
     * @throws UsageException when the file cannot be read, or sets one of the container's settings
     */
    static Map<String, String> frameworkProperties(Path etc) throws UsageException {
        if (etc == null) {
            return new TreeMap<>();
        }
        Path file = etc.resolve(PROPERTIES_FILE);
        Map<String, String> properties = read(file);
        for (String key : properties.keySet()) {
            checkNotSetting(key, "in " + file);
        }
        return properties;
    }

    /**
     * Refuses a framework property that is one of the container's settings: those have their own
     * sources, so that {@code registry:settings} can tell where each came from.
     *
     * @param key the property
     * @param where where it was given, for the message
     * @throws UsageException when it is a setting
     */
    static void checkNotSetting(String key, String where) throws UsageException {
        if (key.startsWith("happyos.")) {
            String hint = Setting.byKey(key)
                    .map(s -> "set it in " + SETTINGS_FILE + ", as " + s.variable()
                            + (s.option() == null ? "" : " or with " + s.option()))
                    .orElse("settings are listed in the README's settings table (registry:settings)");
            throw new UsageException("'" + key + "' " + where + " is one of the container's own settings, not a "
                    + "framework property for plugins: " + hint + ".");
        }
    }

    private static Map<String, String> read(Path file) throws UsageException {
        Map<String, String> values = new TreeMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage()
                    + ". It must be a readable UTF-8 properties file (KEY = VALUE lines, # for comments).");
        }
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
        }
        return values;
    }
}
