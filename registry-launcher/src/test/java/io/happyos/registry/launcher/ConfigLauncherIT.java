package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration Admin through the real process: --etc files applied, config:* commands, write-back. */
class ConfigLauncherIT {

    @TempDir
    Path work;

    @Test
    void etcFilesReachConfigurationAdminAndChangesGoBackToThem() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path greeter = etc.resolve("org.example.greeter.cfg");
        Files.writeString(greeter, "# how to greet\ngreeting = hello\n");
        Files.writeString(etc.resolve("org.example.pool-main.config"), "{\"size:Integer\": 4}");

        Result result = LauncherProcess.run(
                work,
                "--etc",
                etc.toString(),
                "-c",
                "config:get org.example.greeter greeting",
                "-c",
                "config:get org.example.pool-main size --json",
                "-c",
                "config:set org.example.greeter greeting bonjour",
                "-c",
                "config:set org.example.fresh key value");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("hello\n")
                .contains("{\"key\":\"size\",\"value\":4,\"type\":\"Integer\"}")
                .contains("written to " + greeter)
                .contains("created " + etc.resolve("org.example.fresh.cfg"));
        assertThat(Files.readString(greeter)).isEqualTo("# how to greet\ngreeting = bonjour\n");
        assertThat(Files.readString(etc.resolve("org.example.fresh.cfg"))).isEqualTo("key = value\n");
    }

    @Test
    void anUnknownPidFailsTheCommandWithTheFix() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));

        Result result = LauncherProcess.run(work, "--etc", etc.toString(), "-c", "config:get org.example.none");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("no configuration org.example.none", "config:list");
    }
}
