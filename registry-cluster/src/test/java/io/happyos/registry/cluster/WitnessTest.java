package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness check itself: it must catch the overlaps it is there to catch. */
class WitnessTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("w.log"), text);
    }

    @Test
    void handOversInOrderAreFine() throws Exception {
        Path w = file("START a 1\nSTOP a 1\nSTART b 2\nKILLED b 2\nSTART a 3\n");
        assertThat(Witness.violations(w)).isEmpty();
        assertThat(Witness.starts(w)).isEqualTo(3);
    }

    @Test
    void aStartWhileAnotherRunsIsCaught() throws Exception {
        assertThat(Witness.violations(file("START a 1\nSTART b 2\nSTOP a 1\n")))
                .singleElement()
                .asString()
                .contains("b started while a ran");
    }

    @Test
    void aTokenThatDoesNotGrowIsCaught() throws Exception {
        assertThat(Witness.violations(file("START a 2\nSTOP a 2\nSTART b 2\n")))
                .singleElement()
                .asString()
                .contains("token 2 not above 2");
        assertThat(Witness.violations(file("START a none\n")))
                .singleElement()
                .asString()
                .contains("without a fencing token");
    }
}
