package io.happyos.registry.config.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

/**
 * A plugin's DS component that requires its configuration (configuration-policy="require") is
 * activated by a file in the etc folder and modified when the file changes: plugins see the files.
 */
class PluginConfigurationIT {

    private static final String PID = "com.acme.probe";

    @TempDir
    Path work;

    private ConfigFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aDroppedFileActivatesTheComponentAndAChangeModifiesIt() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        fixture = ConfigFixture.start(etc, false, Map.of());
        fixture.felix.install(probeBundle(work)).start();
        assertThat(probe()).isNull();

        Files.writeString(etc.resolve(PID + ".cfg"), "greeting = hello\n");
        await().atMost(ConfigFixture.WAIT)
                .until(() -> probe() != null && "hello".equals(probe().getProperty("greeting")));

        Files.writeString(etc.resolve(PID + ".cfg"), "greeting = bonjour\n");
        await().atMost(ConfigFixture.WAIT)
                .until(() -> probe() != null && "bonjour".equals(probe().getProperty("greeting")));

        Files.delete(etc.resolve(PID + ".cfg"));
        await().atMost(ConfigFixture.WAIT).until(() -> probe() == null);
    }

    @Test
    void aPluginInTheBundlesFolderFindsItsConfigurationAtTheFirstStart() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        probeBundle(bundles);
        Files.writeString(etc.resolve(PID + ".config"), "{\"greeting\": \"hello\", \"times:Integer\": 3}");

        fixture = ConfigFixture.start(etc, true, Map.of("happyos.bundles.dir", bundles.toString()));

        DynamicRegistry registry = fixture.felix.service(DynamicRegistry.class, ConfigFixture.WAIT);
        await().atMost(ConfigFixture.WAIT)
                .until(() -> registry.findComponent("probe-plugin")
                        .map(e -> e.status() == ComponentStatus.ACTIVE)
                        .orElse(false));
        await().atMost(ConfigFixture.WAIT).until(() -> probe() != null);
        assertThat(probe().getProperty("greeting")).isEqualTo("hello");
        assertThat(probe().getProperty("times")).isEqualTo(3);

        fixture.ok("config:set " + PID + " greeting salut");
        await().atMost(ConfigFixture.WAIT).until(() -> "salut".equals(probe().getProperty("greeting")));
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().limit(20)))
                .anySatisfy(r -> {
                    assertThat(r.operation()).isEqualTo("config:set");
                    assertThat(r.details()).contains(PID, "greeting = salut");
                });
    }

    private ServiceReference<?> probe() throws Exception {
        ServiceReference<?>[] found =
                fixture.felix.context().getServiceReferences(Runnable.class.getName(), "(component.name=" + PID + ")");
        return found == null ? null : found[0];
    }

    private static Path probeBundle(Path folder) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + PID + "\""
                + " configuration-policy=\"require\">\n"
                + "  <implementation class=\"" + ProbeComponent.class.getName() + "\"/>\n"
                + "  <service><provide interface=\"java.lang.Runnable\"/></service>\n"
                + "</scr:component>\n";
        return TestBundle.builder("probe-plugin")
                .classes(ProbeComponent.class)
                .component(PID, xml)
                .writeToFolder(folder);
    }
}
