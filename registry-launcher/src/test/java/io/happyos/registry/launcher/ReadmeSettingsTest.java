package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table lists every setting, with its option and environment variable. */
class ReadmeSettingsTest {

    @Test
    void everySettingHasItsRowInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (Setting setting : Setting.ALL) {
            String row = "| `" + setting.key() + "` | "
                    + (setting.option() == null ? "" : "`" + setting.option() + "`") + " | `" + setting.variable()
                    + "` |";
            assertThat(readme).as("the README's row of %s", setting.key()).contains(row);
        }
    }
}
