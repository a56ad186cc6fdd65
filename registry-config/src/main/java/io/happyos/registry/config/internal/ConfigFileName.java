package io.happyos.registry.config.internal;

import java.util.Optional;

/**
 * What a file name in the etc folder says: {@code PID.cfg} or {@code PID.config} is the
 * configuration PID; {@code FACTORYPID-NAME.cfg} (the first {@code -} splits) is the named factory
 * configuration NAME of FACTORYPID, whose PID is {@code FACTORYPID~NAME} (Configuration Admin 1.6).
 * Hidden files (a leading {@code .}), editor copies ({@code ~} anywhere) and other extensions are
 * not configuration files.
 *
 * @param pid the configuration's PID ({@code FACTORYPID~NAME} for a factory configuration)
 * @param factoryPid the factory PID, or null
 * @param name the factory configuration's name, or null
 * @param format the file's format
 */
record ConfigFileName(String pid, String factoryPid, String name, Format format) {

    /** The two file formats. */
    enum Format {
        /** {@code .cfg}: {@link java.util.Properties} syntax, see {@link CfgDocument}. */
        CFG(".cfg"),
        /** {@code .config}: a JSON object, see {@link JsonConfig}. */
        JSON(".config");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** @return the file name extension, with its dot */
        String extension() {
            return extension;
        }
    }

    /**
     * Reads a file name.
     *
     * @param fileName the name, without folder
     * @return what it names, or empty when it is not a configuration file's name
     */
    static Optional<ConfigFileName> parse(String fileName) {
        if (fileName.startsWith(".") || fileName.contains("~")) {
            return Optional.empty();
        }
        for (Format format : Format.values()) {
            if (fileName.endsWith(format.extension())) {
                String base = fileName.substring(
                        0, fileName.length() - format.extension().length());
                return of(base, format);
            }
        }
        return Optional.empty();
    }

    private static Optional<ConfigFileName> of(String base, Format format) {
        if (base.isEmpty()) {
            return Optional.empty();
        }
        int dash = base.indexOf('-');
        if (dash < 0) {
            return Optional.of(new ConfigFileName(base, null, null, format));
        }
        String factoryPid = base.substring(0, dash);
        String name = base.substring(dash + 1);
        if (factoryPid.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigFileName(factoryPid + "~" + name, factoryPid, name, format));
    }

    /**
     * The file name of a configuration: {@code PID.cfg}, or {@code FACTORYPID-NAME.cfg} for a
     * factory configuration (NAME: what follows {@code FACTORYPID~}, else the PID's own text after
     * the factory PID).
     *
     * @param pid the configuration's PID
     * @param factoryPid its factory PID, or null
     * @param format the format wanted
     * @return the file name
     */
    static String fileNameOf(String pid, String factoryPid, Format format) {
        if (factoryPid == null) {
            return pid + format.extension();
        }
        String name = pid;
        if (pid.startsWith(factoryPid + "~")) {
            name = pid.substring(factoryPid.length() + 1);
        } else if (pid.startsWith(factoryPid + ".")) {
            name = pid.substring(factoryPid.length() + 1);
        }
        return factoryPid + "-" + name.replace('~', '-') + format.extension();
    }
}
