package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

class RuntimeBundlesTest {

    @TempDir
    Path work;

    @Test
    void aRefusalIsReportedByItsOwnMessageNotItsCause() {
        Throwable thrown = new IllegalStateException("wrapper",
                new RefusingActivator.StartupRefusedException("Cannot start: db is corrupt", new RuntimeException("sqlite")));

        assertThat(RuntimeBundles.refusal(thrown)).isEqualTo("Cannot start: db is corrupt");
    }

    @Test
    void otherwiseTheRootCauseMessageOnOneLine() {
        Throwable thrown = new RuntimeException(new IllegalStateException("STORAGE/registry.db is corrupt:\n  page 3"));

        assertThat(RuntimeBundles.refusal(thrown)).isEqualTo("STORAGE/registry.db is corrupt: page 3");
        assertThat(RuntimeBundles.refusal(new RuntimeException("outer", new NullPointerException()))).isEqualTo("outer");
        assertThat(RuntimeBundles.refusal(new NullPointerException())).isNull();
        assertThat(RuntimeBundles.refusal(null)).isNull();
    }

    @Test
    void aBundleWhoseActivatorRefusesFailsTheStartWithItsReason() throws Exception {
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(Map.of("org.osgi.framework.storage", work.resolve("cache").toString(),
                        "org.osgi.framework.storage.clean", "onFirstInit", "felix.service.urlhandlers", "false"));
        framework.start();
        try {
            Bundle refusing = framework.getBundleContext().installBundle(refusingBundle().toUri().toString());

            assertThatThrownBy(() -> RuntimeBundles.startAll(List.of(refusing)))
                    .isInstanceOf(StartupException.class)
                    .hasMessage(RefusingActivator.REASON);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** A bundle holding {@link RefusingActivator}, loaded from the bundle, not from the test class path. */
    private Path refusingBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.refusing");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", RefusingActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        Path jar = work.resolve("refusing.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(RefusingActivator.class, RefusingActivator.StartupRefusedException.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
