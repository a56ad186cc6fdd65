package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code STORAGE/etc/gosh_profile}, which the Gogo shell reads at login from its
 * {@code gosh.home}. Without it the shell falls back to a profile inside its bundle, read through a
 * {@code bundle:} URL, which fails when {@code felix.service.urlhandlers=false}: the shell then
 * prints a stack trace and never starts its console.
 */
final class GoshProfile {

    private static final String PROFILE = """
            # Written by the HappyOS Registry launcher at every start; edits are overwritten.
            try {
              SCOPE = 'gogo:*'
              e = { $exception printStackTrace }
              prompt = 'happyos> '
              if { $.gosh_quiet } { } { echo 'HappyOS Registry. Type help for the commands, registry:list for the components, Ctrl-D to stop.' }
            } {
              echo "$0: ERROR: $exception"
            }
            """;

    private GoshProfile() {
    }

    /**
     * Writes the profile.
     *
     * @param storageDir the storage folder, also the shell's {@code gosh.home}
     * @throws IOException when the file cannot be written
     */
    static void write(Path storageDir) throws IOException {
        Path file = storageDir.resolve("etc").resolve("gosh_profile");
        Files.createDirectories(file.getParent());
        Files.writeString(file, PROFILE, StandardCharsets.UTF_8);
    }
}
