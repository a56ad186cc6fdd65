package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The distribution's etc/happyos.properties names every setting, so an operator finds each one there. */
class DistSettingsFileTest {

    @Test
    void theDistributionsSettingsFileNamesEverySetting() throws Exception {
        String file = Files.readString(Path.of("../registry-dist/src/main/dist/etc/happyos.properties"));
        for (Setting setting : Setting.ALL) {
            assertThat(file)
                    .as("etc/happyos.properties mentions %s", setting.key())
                    .contains(setting.key() + " =");
        }
    }
}
