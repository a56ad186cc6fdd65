package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
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
        Throwable thrown = new IllegalStateException(
                "wrapper",
                new RefusingActivator.StartupRefusedException(
                        "Cannot start: db is corrupt", new RuntimeException("sqlite")));

        assertThat(RuntimeBundles.refusal(thrown)).isEqualTo("Cannot start: db is corrupt");
    }

    @Test
    void otherwiseTheRootCauseMessageOnOneLine() {
        Throwable thrown = new RuntimeException(new IllegalStateException("STORAGE/registry.db is corrupt:\n  page 3"));

        assertThat(RuntimeBundles.refusal(thrown)).isEqualTo("STORAGE/registry.db is corrupt: page 3");
        assertThat(RuntimeBundles.refusal(new RuntimeException("outer", new NullPointerException())))
                .isEqualTo("outer");
        assertThat(RuntimeBundles.refusal(new NullPointerException())).isNull();
        assertThat(RuntimeBundles.refusal(null)).isNull();
    }

    @Test
    void aBundleWhoseActivatorRefusesFailsTheStartWithItsReason() throws Exception {
        Framework framework = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow()
                .newFramework(Map.of(
                        "org.osgi.framework.storage",
                        work.resolve("cache").toString(),
                        "org.osgi.framework.storage.clean",
                        "onFirstInit",
                        "felix.service.urlhandlers",
                        "false"));
        framework.start();
        try {
            Bundle refusing = framework
                    .getBundleContext()
                    .installBundle(refusingBundle().toUri().toString());

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
        return TestBundle.builder("test.refusing")
                .activator(RefusingActivator.class)
                .importPackage("org.osgi.framework")
                .classes(RefusingActivator.StartupRefusedException.class)
                .writeTo(work.resolve("refusing.jar"));
    }
}
