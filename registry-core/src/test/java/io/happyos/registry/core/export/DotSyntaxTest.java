package io.happyos.registry.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.happyos.registry.GraphFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOT export is valid Graphviz input: {@code dot -Tsvg} renders it. */
class DotSyntaxTest {

    @TempDir
    Path folder;

    @Test
    void graphvizRendersTheSmallGraph() throws Exception {
        assertRenders(GraphExporter.export(GraphExporterTest.SMALL, GraphFormat.DOT));
    }

    @Test
    void graphvizRendersAwkwardIds() throws Exception {
        assertRenders(GraphExporter.export(GraphExporterTest.AWKWARD, GraphFormat.DOT));
    }

    private void assertRenders(String dotText) throws IOException, InterruptedException {
        Path dot = findDot();
        Path input = Files.writeString(folder.resolve("graph.dot"), dotText, StandardCharsets.UTF_8);
        Path svg = folder.resolve("graph.svg");
        Path errors = folder.resolve("dot.err");
        Process process = new ProcessBuilder(dot.toString(), "-Tsvg", input.toString())
                .redirectOutput(svg.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("dot did not finish within 60 s");
        }
        assertThat(process.exitValue())
                .as("dot exit code; stderr: %s; input:%n%s", Files.readString(errors), dotText)
                .isZero();
        assertThat(Files.readString(errors)).as("dot warnings").isEmpty();
        assertThat(Files.readString(svg)).contains("<svg");
    }

    /** Fails rather than skips: a DOT export nobody checked is how broken output ships. */
    private static Path findDot() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "dot");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("the Graphviz 'dot' executable is not on the PATH: install Graphviz (apt-get install graphviz;"
                + " .ci/run does)");
    }
}
