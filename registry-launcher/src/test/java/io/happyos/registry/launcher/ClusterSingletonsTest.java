package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

class ClusterSingletonsTest {

    @TempDir
    Path work;

    @Test
    void aSingletonRunningWhenTheFrameworkStoppedIsNotStartedByItAgain() throws Exception {
        Path singletonJar = TestBundle.builder("test.singleton")
                .header(ClusterSingletons.HEADER, " TRUE ")
                .writeTo(work.resolve("singleton.jar"));
        Path plainJar = TestBundle.builder("test.plain")
                .header(ClusterSingletons.HEADER, "false")
                .writeTo(work.resolve("plain.jar"));
        Framework first = framework();
        first.start();
        first.getBundleContext().installBundle(singletonJar.toUri().toString()).start();
        first.getBundleContext().installBundle(plainJar.toUri().toString()).start();
        stop(first);

        Framework second = framework();
        second.init();
        try {
            assertThat(ClusterSingletons.clearStartMarks(second.getBundleContext()))
                    .extracting(Bundle::getSymbolicName)
                    .containsExactly("test.singleton");
            second.start();

            Bundle singleton = bundle(second, "test.singleton");
            assertThat(singleton.getState()).isIn(Bundle.INSTALLED, Bundle.RESOLVED);
            assertThat(singleton.adapt(BundleStartLevel.class).isPersistentlyStarted())
                    .isFalse();
            assertThat(bundle(second, "test.plain").getState()).isEqualTo(Bundle.ACTIVE);
        } finally {
            stop(second);
        }
    }

    private Framework framework() {
        return ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow()
                .newFramework(Map.of(
                        "org.osgi.framework.storage",
                        work.resolve("cache").toString(),
                        "felix.service.urlhandlers",
                        "false"));
    }

    private static Bundle bundle(Framework framework, String symbolicName) {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static void stop(Framework framework) throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }
}
