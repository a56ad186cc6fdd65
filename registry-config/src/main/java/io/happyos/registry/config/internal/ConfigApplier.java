package io.happyos.registry.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.cm.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the files of the etc folder to Configuration Admin: a file's properties become its
 * configuration's (created when missing, updated only when a property really changed, marked with
 * {@value Configurations#FILE_PROPERTY}); a file removed deletes the configurations it made. A file
 * that cannot be read or parsed changes nothing: a WARN names the file, the line and the fix, once
 * per content. Called by the watcher thread (and once at start); synchronized.
 */
final class ConfigApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);

    private final Configurations configurations;
    /** The text of each file last handled, so that the same text is not parsed (nor warned about) twice. */
    private final Map<Path, String> handled = new ConcurrentHashMap<>();
    /** Files that could not be read, warned about once until they can. */
    private final java.util.Set<Path> unreadable = new java.util.HashSet<>();

    ConfigApplier(Configurations configurations) {
        this.configurations = configurations;
    }

    /** What applying a file did. */
    enum Outcome {
        /** the configuration was created or updated */
        APPLIED,
        /** nothing to do: the configuration already holds the file's properties, or the text was seen */
        UNCHANGED,
        /** the file is malformed: the configuration was kept */
        REJECTED,
        /** the file could not be read (or applied): worth trying again later */
        UNREADABLE
    }

    /**
     * Applies one file.
     *
     * @param file a file whose name {@link ConfigFileName#parse} accepts
     * @return what it did
     */
    synchronized Outcome apply(Path file) {
        Optional<ConfigFileName> parsed =
                ConfigFileName.parse(file.getFileName().toString());
        if (parsed.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        ConfigFileName name = parsed.get();
        String text;
        try {
            text = ConfigFiles.read(file);
        } catch (NoSuchFileException gone) {
            return Outcome.UNCHANGED; // removed meanwhile: the next scan reports it
        } catch (IOException e) {
            if (unreadable.add(file)) {
                LOG.warn(
                        "cannot read {}: {}; configuration {} kept as it was; make the file readable by the"
                                + " container (tried again at every scan)",
                        file,
                        e.toString(),
                        name.pid());
            }
            return Outcome.UNREADABLE;
        } catch (ConfigSyntaxException e) {
            return rejected(file, "", name, e);
        }
        unreadable.remove(file);
        if (text.equals(handled.get(file))) {
            return Outcome.UNCHANGED;
        }
        handled.put(file, text);
        Optional<Configuration> current = configurations.find(name.pid());
        Map<String, Object> now = current.map(Configurations::properties).orElse(Map.of());
        Map<String, Object> properties;
        try {
            properties = ConfigFiles.properties(text, name.format(), now);
        } catch (ConfigSyntaxException e) {
            return rejected(file, text, name, e);
        }
        try {
            return update(file, name, current, properties) ? Outcome.APPLIED : Outcome.UNCHANGED;
        } catch (IOException | RuntimeException e) {
            handled.remove(file);
            LOG.warn(
                    "cannot apply {} to configuration {}: {}; tried again at the next scan",
                    file,
                    name.pid(),
                    e.toString());
            return Outcome.UNREADABLE;
        }
    }

    private Outcome rejected(Path file, String text, ConfigFileName name, ConfigSyntaxException e) {
        handled.put(file, text);
        LOG.warn(
                "{}{}: {}; configuration {} kept as it was; {}",
                file,
                e.line() > 0 ? ":" + e.line() : "",
                e.problem(),
                name.pid(),
                e.fix());
        return Outcome.REJECTED;
    }

    private boolean update(
            Path file, ConfigFileName name, Optional<Configuration> current, Map<String, Object> properties)
            throws IOException {
        Path before = current.map(Configurations::fileOf).orElse(null);
        if (current.isPresent()
                && file.equals(before)
                && Configurations.same(properties, Configurations.properties(current.get()))) {
            configurations.remember(name.pid(), file);
            LOG.debug("{} unchanged: configuration {} already holds it", file, name.pid());
            return false;
        }
        if (before != null && !before.equals(file) && Files.exists(before)) {
            LOG.warn("{} and {} both configure {}; {} applied now; remove one of them", before, file, name.pid(), file);
        }
        Configuration configuration = current.isPresent()
                ? current.get()
                : name.factoryPid() == null
                        ? configurations.admin().getConfiguration(name.pid(), "?")
                        : configurations.admin().getFactoryConfiguration(name.factoryPid(), name.name(), "?");
        Hashtable<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(Configurations.FILE_PROPERTY, file.toString());
        configurations.fromFile(configuration.getPid(), () -> configuration.update(dictionary));
        configurations.remember(configuration.getPid(), file);
        LOG.info(
                "{} applied: configuration {} {} ({} properties)",
                file,
                configuration.getPid(),
                current.isPresent() ? "updated" : "created",
                properties.size());
        return true;
    }

    /**
     * Takes note of a text the write-back wrote, so that the watcher does not read it as a change;
     * not synchronized, as it runs in Configuration Admin's listener call.
     *
     * @param file the file written
     * @param text its text, or null when it was deleted
     */
    void written(Path file, String text) {
        if (text == null) {
            handled.remove(file);
        } else {
            handled.put(file, text);
        }
    }

    /**
     * Deletes the configurations a removed file made.
     *
     * @param file the file gone
     */
    synchronized void removed(Path file) {
        handled.remove(file);
        List<Configuration> made = configurations.fromFile(file);
        for (Configuration configuration : made) {
            String pid = configuration.getPid();
            try {
                configurations.fromFile(pid, configuration::delete);
                configurations.remember(pid, null);
                LOG.info("{} removed: configuration {} deleted", file, pid);
            } catch (IOException | IllegalStateException e) {
                LOG.warn("{} removed, but configuration {} could not be deleted: {}", file, pid, e.toString());
            }
        }
    }

    /**
     * Deletes the configurations whose file in the etc folder went away while the container was
     * stopped, and remembers the files of the others.
     *
     * @param etc the etc folder
     */
    synchronized void removeOrphans(Path etc) {
        if (!Files.isDirectory(etc)) {
            return; // a missing folder deletes nothing (the scanner says so, and waits for it)
        }
        for (Configuration configuration : configurations.list("(" + Configurations.FILE_PROPERTY + "=*)")) {
            Path file = Configurations.fileOf(configuration);
            if (file == null || !etc.equals(file.getParent())) {
                continue;
            }
            if (Files.exists(file)) {
                configurations.remember(configuration.getPid(), file);
            } else {
                removed(file);
            }
        }
    }
}
