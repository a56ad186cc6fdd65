package io.happyos.registry.core.model;

import org.osgi.framework.Bundle;

/**
 * Who is calling the registry, for the audit log and usage telemetry. Each bundle gets its own
 * registry object (a service factory) holding its name in a final field; the folder watcher, the
 * framework and the registry itself name themselves. The name travels with an operation as a value,
 * from the caller's thread to the lifecycle thread.
 */
public final class Actors {

    /** The actor of work the registry starts by itself. */
    public static final String REGISTRY = "registry";
    /** The actor of changes the bundles folder makes. */
    public static final String FOLDER_WATCHER = "folder-watcher";
    /** The actor of changes made behind the registry's back. */
    public static final String FRAMEWORK = "framework";
    /** The actor of shell commands. */
    public static final String SHELL = "shell";

    private Actors() {}

    /**
     * The actor name of a bundle: {@code shell} for the registry's shell, else
     * {@code bundle:SYMBOLICNAME}.
     *
     * @param bundle the calling bundle
     * @return its name
     */
    public static String of(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if ("io.happyos.registry.shell".equals(name)) {
            return SHELL;
        }
        return "bundle:" + (name == null ? bundle.getBundleId() : name);
    }
}
