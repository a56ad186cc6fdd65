package io.happyos.registry.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every change made through Configuration Admin (the {@code config:*} commands or any
 * code) back to the configuration's file, as Karaf does, so that the file stays the truth: a
 * {@code .cfg} keeps its comments and order (changed lines rewritten in place, new keys appended,
 * removed keys' lines dropped), a {@code .config} is written anew as JSON; a configuration without
 * a file gets {@code etc/PID.cfg} ({@code .config} when a value is not a String); a deleted
 * configuration loses its file. Changes applied from a file are not written back, and a file whose
 * text would not change is not touched, so nothing goes back and forth. Writes are atomic. Called
 * by Configuration Admin on the thread that made the change, so a command's change is on disk when
 * the command returns.
 */
final class FileWriteBack implements SynchronousConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(FileWriteBack.class);

    private final Configurations configurations;
    private final ConfigApplier applier;
    private final Path etc;
    /** What the last change of each PID did to its file, in words, for the commands. */
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    /**
     * @param configurations Configuration Admin
     * @param applier told of each text written, so the watcher does not take it for a change
     * @param etc the etc folder, or null when there is none (nothing is written then)
     */
    FileWriteBack(Configurations configurations, ConfigApplier applier, Path etc) {
        this.configurations = configurations;
        this.applier = applier;
        this.etc = etc;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (configurations.changingFromFile(pid)) {
            return;
        }
        try {
            if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                outcomes.put(pid, updated(pid, event.getFactoryPid()));
            } else if (event.getType() == ConfigurationEvent.CM_DELETED) {
                outcomes.put(pid, deleted(pid));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "cannot write configuration {} back to its file: {}; the change is in Configuration Admin only",
                    pid,
                    e.toString());
            outcomes.put(pid, "not written to its file: " + e.getMessage());
        }
    }

    /**
     * What the last change of a PID did to its file.
     *
     * @param pid the PID
     * @return a sentence, or empty when no change was seen
     */
    Optional<String> outcome(String pid) {
        return Optional.ofNullable(outcomes.get(pid));
    }

    private String updated(String pid, String factoryPid) throws IOException {
        Optional<Configuration> found = configurations.find(pid);
        if (found.isEmpty()) {
            return "gone before it could be written";
        }
        if (etc == null) {
            return "no etc folder (happyos.etc.dir): the change is in Configuration Admin only";
        }
        Map<String, Object> properties = Configurations.properties(found.get());
        Path marked = Configurations.fileOf(found.get());
        Path file =
                marked != null && etc.equals(marked.getParent()) ? marked : defaultFile(pid, factoryPid, properties);
        if (file == null) {
            return "not written to a file: the PID " + pid + " has a '-', which a file name reads as FACTORYPID-NAME";
        }
        boolean exists = Files.exists(file);
        String before = exists ? readOrNull(file) : "";
        if (before == null) {
            return "not written to " + file + ": it has an error; fix the file, then change the configuration again";
        }
        String after = render(file, before, properties);
        configurations.remember(pid, file);
        if (after.equals(before) && exists) {
            return "already in " + file;
        }
        if (!Files.isDirectory(etc)) {
            return "not written: the etc folder " + etc + " is missing";
        }
        ConfigFiles.writeAtomically(file, after);
        if (file.equals(marked)) {
            applier.written(file, after);
        }
        LOG.info("configuration {} written to {}", pid, file);
        return (exists ? "written to " : "created ") + file;
    }

    /** The file's text, or null when it cannot be parsed (a user's half-done edit is not overwritten). */
    private static String readOrNull(Path file) throws IOException {
        try {
            String text = ConfigFiles.read(file);
            ConfigFiles.properties(text, format(file), Map.of());
            return text;
        } catch (ConfigSyntaxException e) {
            LOG.warn("configuration not written back to {}: line {}: {}; {}", file, e.line(), e.problem(), e.fix());
            return null;
        }
    }

    private static ConfigFileName.Format format(Path file) {
        return file.getFileName().toString().endsWith(ConfigFileName.Format.JSON.extension())
                ? ConfigFileName.Format.JSON
                : ConfigFileName.Format.CFG;
    }

    private static String render(Path file, String before, Map<String, Object> properties) {
        if (format(file) == ConfigFileName.Format.JSON) {
            try {
                if (!before.isEmpty() && Configurations.same(JsonConfig.parse(before), properties)) {
                    return before; // the same properties: keep the user's layout and comments
                }
            } catch (ConfigSyntaxException checkedBefore) {
                LOG.debug("{} was checked before rendering", file, checkedBefore);
            }
            return JsonConfig.write(properties);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        properties.forEach((key, value) -> texts.put(key, ConfigValues.text(value)));
        try {
            return CfgDocument.parse(before).withProperties(texts);
        } catch (ConfigSyntaxException checkedBefore) {
            return CfgDocument.empty().withProperties(texts);
        }
    }

    private Path defaultFile(String pid, String factoryPid, Map<String, Object> properties) {
        if (factoryPid == null && pid.contains("-")) {
            return null;
        }
        boolean strings = properties.values().stream().allMatch(String.class::isInstance);
        ConfigFileName.Format format = strings ? ConfigFileName.Format.CFG : ConfigFileName.Format.JSON;
        Path cfg = etc.resolve(ConfigFileName.fileNameOf(pid, factoryPid, ConfigFileName.Format.CFG));
        Path json = etc.resolve(ConfigFileName.fileNameOf(pid, factoryPid, ConfigFileName.Format.JSON));
        if (Files.exists(cfg)) {
            return cfg;
        }
        return Files.exists(json) || format == ConfigFileName.Format.JSON ? json : cfg;
    }

    private String deleted(String pid) throws IOException {
        Path file = configurations.rememberedFile(pid);
        configurations.remember(pid, null);
        if (file == null || etc == null || !etc.equals(file.getParent())) {
            return "deleted (it had no file)";
        }
        if (Files.deleteIfExists(file)) {
            applier.written(file, null);
            LOG.info("configuration {} deleted: {} removed", pid, file);
            return "deleted, and its file " + file;
        }
        return "deleted (its file " + file + " was gone already)";
    }
}
