package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README shows the embedding example that {@link EmbeddingIT} runs, word for word. */
class ReadmeExampleTest {

    private static final Path EXAMPLE = Path.of("src/test/java/io/happyos/registry/launcher/EmbeddingExample.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void theReadmeHasTheExampleThatTheTestsRun() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        int begin = lines.indexOf("        // README:begin");
        int end = lines.indexOf("        // README:end");
        assertThat(begin).as("markers in %s", EXAMPLE).isNotNegative().isLessThan(end);
        String example = lines.subList(begin + 1, end).stream()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(example).contains("RegistryContainer.builder()", "container.registry()");
        assertThat(Files.readString(README)).contains("\n" + example + "\n```");
    }
}
