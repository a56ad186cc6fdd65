package io.happyos.registry.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asked for.
 *
 * @param bundlesDir the plugin folder registry-core deploys at start-up (absolute)
 * @param storageDir the folder for the framework cache and logs (absolute)
 * @param clean whether to start from an empty storage folder (logs kept)
 * @param commands Gogo command lines to run, in order, before stopping; empty for a shell session
 * @param help whether {@code --help} was given
 * @param version whether {@code --version} was given
 */
record LauncherOptions(
        Path bundlesDir,
        Path storageDir,
        boolean clean,
        List<String> commands,
        boolean help,
        boolean version,
        boolean noWatch,
        boolean noAutoRollback) {

    LauncherOptions {
        commands = List.copyOf(commands);
    }

    /** Whether commands were given with {@code -c}, so the launcher runs them and stops. */
    boolean batch() {
        return !commands.isEmpty();
    }
}
