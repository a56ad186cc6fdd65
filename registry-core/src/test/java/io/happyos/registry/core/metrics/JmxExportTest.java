package io.happyos.registry.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.DynamicRegistry;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Two exports of one container in one JVM: the second exports nothing and takes nothing away. */
class JmxExportTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    // binding reads nothing: the meters read the registry only when an attribute is read
    private static final DynamicRegistry UNREAD = (DynamicRegistry) Proxy.newProxyInstance(
            JmxExportTest.class.getClassLoader(), new Class<?>[] {DynamicRegistry.class}, (proxy, method, args) -> {
                throw new AssertionError("read " + method.getName());
            });

    private static Set<ObjectName> mbeans(String container) throws Exception {
        return SERVER.queryNames(new ObjectName(JmxNames.pattern(container)), null);
    }

    @Test
    void aSecondExportOfTheSameContainerSkipsAndLeavesTheFirstAlone() throws Exception {
        String container = JmxExport.containerOf("target/jmx-export-test, with \"odd\" = characters*");
        JmxExport first = new JmxExport(container, Thread::new);
        JmxExport second = new JmxExport(container, Thread::new);
        try {
            first.start(UNREAD);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mbeans(container).isEmpty());
            int registered = mbeans(container).size();

            second.start(UNREAD);
            second.close(); // waits for its binding, which skipped

            assertThat(mbeans(container)).hasSize(registered);
            assertThat(mbeans(container))
                    .contains(new ObjectName("io.happyos.registry:container=" + ObjectName.quote(container)
                            + ",type=gauges,name=happyos.components,status=ACTIVE"));
        } finally {
            first.close();
            second.close();
        }
        assertThat(mbeans(container)).isEmpty();
    }

    @Test
    void closedBeforeItsRegistryIsReadyItNeverExports() throws Exception {
        String container = JmxExport.containerOf("target/jmx-export-closed");
        JmxExport export = new JmxExport(container, Thread::new);
        export.close();
        export.start(UNREAD);
        export.close();
        assertThat(mbeans(container)).isEmpty();
    }

    @Test
    void theContainerIsTheAbsoluteStorageFolderAndFelixsDefaultWithoutOne() {
        assertThat(JmxExport.containerOf(null)).endsWith("felix-cache").startsWith("/");
        assertThat(JmxExport.containerOf("a/../b")).endsWith("/b").startsWith("/");
    }
}
