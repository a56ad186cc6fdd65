package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.core.deploy.JarInspector.JarCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class JarInspectorPropertiesTest {

    /** Whatever prefix of a good JAR has been copied so far, the inspector never accepts it nor throws. */
    @Property(tries = 50)
    void everyIncompleteCopyOfAGoodJarIsRejectedWithAReason(@ForAll @IntRange(min = 0, max = 99) int percent)
            throws IOException {
        Path dir = Files.createTempDirectory("jar-inspector");
        try {
            Path good = JarInspectorTest.bundle(
                    dir.resolve("good.jar"),
                    Map.of("Bundle-SymbolicName", "io.happyos.sample", "Bundle-Version", "1.0.0"));
            byte[] bytes = Files.readAllBytes(good);
            Path partial = Files.write(dir.resolve("partial.jar"), Arrays.copyOf(bytes, bytes.length * percent / 100));

            JarCheck check = JarInspector.inspect(partial);

            assertThat(check.valid()).isFalse();
            assertThat(check.reason()).isNotBlank();
            assertThat(check.sha256()).hasSize(64);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}
