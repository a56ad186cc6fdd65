package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher artifact brings no logging configuration to an application that embeds it: a JVM
 * with the launcher, Felix, SLF4J and logback on its class path and no configuration of its own
 * runs a container ({@link EmbeddedLoggingProgram}). An embedding program once got a folder named
 * {@code happyos.log.dir_IS_UNDEFINED}, because logback loaded the launcher JAR's logback.xml.
 */
class EmbeddedLoggingIT {

    @TempDir
    Path work;

    @Test
    void anEmbeddingApplicationKeepsItsOwnLoggingAndTheLogCommandsSaySo() throws Exception {
        Path programClasses = copyProgram();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                programClasses + File.pathSeparator + String.join(File.pathSeparator, embeddingClassPath()),
                EmbeddedLoggingProgram.class.getName(),
                work.resolve("storage").toString(),
                work.resolve("bundles").toString()));
        Path out = work.resolve("out.txt");
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the program ends")
                .isTrue();
        String output = Files.readString(out);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("logback.xml=null")
                .as("logback's own default: one console appender")
                .contains("appenders=[console]")
                .contains("control=false")
                .contains("log:tail ok=false")
                .contains("logging is managed by the application that embeds the container")
                .containsPattern("WARN\\s+embedding\\.app\\b.*the application logs as it likes");
        try (Stream<Path> files = Files.walk(work)) {
            assertThat(files.map(path -> work.relativize(path).toString()))
                    .noneMatch(name -> name.contains("_IS_UNDEFINED"))
                    .noneMatch(name -> name.endsWith("registry.log"));
        }
    }

    /** The launcher's classes and what an application needs beside them; no test classes or resources. */
    private static List<String> embeddingClassPath() throws Exception {
        String launcher = Path.of(RegistryContainer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> path = new ArrayList<>(List.of(launcher));
        for (String entry : testClassPath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean registryText = entry.contains("registry-text");
            if (name.startsWith("org.apache.felix.framework-")
                    || name.startsWith("slf4j-api-")
                    || name.startsWith("logback-classic-")
                    || name.startsWith("logback-core-")
                    || registryText) {
                path.add(entry);
            }
        }
        assertThat(path)
                .as("the embedding class path: launcher, Felix, SLF4J, logback")
                .hasSizeGreaterThanOrEqualTo(5);
        return path;
    }

    private Path copyProgram() throws IOException {
        String file = EmbeddedLoggingProgram.class.getName().replace('.', '/') + ".class";
        Path target = work.resolve("program").resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = EmbeddedLoggingProgram.class.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
        return work.resolve("program");
    }
}
