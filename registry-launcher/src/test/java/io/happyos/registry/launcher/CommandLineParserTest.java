package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    @Test
    void defaultsAreRelativeToTheWorkingFolder() throws Exception {
        LauncherOptions options = CommandLineParser.parse();

        assertThat(options.bundlesDir()).isEqualTo(Path.of("bundles").toAbsolutePath());
        assertThat(options.storageDir()).isEqualTo(Path.of(".happyos-registry").toAbsolutePath());
        assertThat(options.clean()).isFalse();
        assertThat(options.batch()).isFalse();
    }

    @Test
    void readsEveryOptionAndKeepsCommandsInOrder() throws Exception {
        LauncherOptions options = CommandLineParser.parse(
                "--clean",
                "-c",
                "registry:list",
                "--bundles",
                "/tmp/b",
                "--command",
                "registry:order",
                "--storage=/tmp/s");

        assertThat(options.bundlesDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.storageDir()).isEqualTo(Path.of("/tmp/s"));
        assertThat(options.clean()).isTrue();
        assertThat(options.commands()).containsExactly("registry:list", "registry:order");
        assertThat(options.batch()).isTrue();
    }

    @Test
    void folderFlagsTurnWatchingAndAutomaticRollbackOffAndReachTheFramework() throws Exception {
        LauncherOptions defaults = CommandLineParser.parse();
        assertThat(defaults.noWatch()).isFalse();
        assertThat(defaults.noAutoRollback()).isFalse();
        LauncherOptions off = CommandLineParser.parse("--no-watch", "--no-auto-rollback");
        assertThat(off.noWatch()).isTrue();
        assertThat(off.noAutoRollback()).isTrue();
        var properties = FrameworkSettings.create(Main.containerFor(off), BuildInfo.load(), null);
        assertThat(properties)
                .containsEntry("happyos.bundles.watch", "false")
                .containsEntry("happyos.reload.autoRollback", "false");
    }

    @Test
    void helpAndVersionAreFlags() throws Exception {
        assertThat(CommandLineParser.parse("--help").help()).isTrue();
        assertThat(CommandLineParser.parse("-h").help()).isTrue();
        assertThat(CommandLineParser.parse("--version").version()).isTrue();
    }

    @Test
    void rejectsWhatItDoesNotKnowAndPointsToHelp() {
        assertThatThrownBy(() -> CommandLineParser.parse("--verbose"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--verbose")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> CommandLineParser.parse("registry:list"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("-c");
        assertThatThrownBy(() -> CommandLineParser.parse("--bundles"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLineParser.parse("-c", "  "))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> CommandLineParser.parse("--clean=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("takes no value");
    }
}
