package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Each bundle's registry object names that bundle in the audit log, through every capability
 * view, whichever thread calls it and however calls of different bundles interleave; an object got
 * through {@code actingFor} names whom the bundle acts for instead.
 */
class CallerIT extends FrameworkTestSupport {

    private DynamicRegistry registryOf(Bundle bundle) {
        BundleContext context = bundle.getBundleContext();
        ServiceReference<DynamicRegistry> ref = context.getServiceReference(DynamicRegistry.class);
        return context.getService(ref);
    }

    private Bundle client(Path dir, String name) throws Exception {
        Bundle bundle = felix.context()
                .installBundle(TestBundle.builder(name)
                        .importPackage("io.happyos.registry")
                        .writeToFolder(dir)
                        .toUri()
                        .toString());
        bundle.start();
        return bundle;
    }

    @Test
    void everyViewAuditsItsOwnBundleWhateverThreadCalls() throws Exception {
        startRegistry();
        Path dir = Files.createTempDirectory("callers-");
        DynamicRegistry alpha = registryOf(client(dir, "alpha"));
        DynamicRegistry beta = registryOf(client(dir, "beta"));
        assertThat(alpha).isNotSameAs(beta);
        assertThat(alpha.lifecycle()).isSameAs(alpha.lifecycle());

        join(alpha.registerComponent(ComponentInfo.of("a1", "skill")));
        join(beta.registerComponent(ComponentInfo.of("b1", "skill")));
        // interleaved on one pool: a thread that served alpha then serves beta, and back
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CompletableFuture<Void>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                DynamicRegistry who = i % 2 == 0 ? alpha : beta;
                String id = i % 2 == 0 ? "a1" : "b1";
                ComponentStatus status = i % 4 < 2 ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE;
                calls.add(pool.submit(
                        () -> who.lifecycle().setComponentStatus(id, status).toCompletableFuture()));
            }
            for (Future<CompletableFuture<Void>> call : calls) {
                call.get().get();
            }
        } finally {
            pool.shutdownNow();
        }
        join(alpha.dependencies().addDependency("a1", "b1"));
        join(beta.dependencies().validateDependencies("b1"));

        List<AuditRecord> byAlpha =
                registry.diagnostics().getAuditLog(new AuditQuery(null, null, "bundle:alpha", null, null, false, 100));
        List<AuditRecord> byBeta =
                registry.diagnostics().getAuditLog(new AuditQuery(null, null, "bundle:beta", null, null, false, 100));
        assertThat(byAlpha).extracting(AuditRecord::componentId).containsOnly("a1");
        assertThat(byBeta).extracting(AuditRecord::componentId).containsOnly("b1");
        assertThat(byAlpha)
                .extracting(AuditRecord::operation)
                .contains("register", "set-status", "add-dependency")
                .hasSize(12);
        assertThat(byBeta)
                .extracting(AuditRecord::operation)
                .contains("register", "set-status", "validate")
                .hasSize(12);
    }

    @Test
    void aRegistryActingForSomeoneAuditsUnderTheirNameAndCountsUseForTheBundle() throws Exception {
        startRegistry();
        DynamicRegistry alpha = registryOf(client(Files.createTempDirectory("callers-"), "alpha"));
        DynamicRegistry forShell = alpha.actingFor("node:alpha/shell");

        join(alpha.registerComponent(ComponentInfo.of("a1", "skill")));
        join(forShell.registerComponent(ComponentInfo.of("a2", "skill")));
        join(forShell.activateComponent("a2"));
        join(forShell.dependencies().addDependency("a1", "a2"));
        join(forShell.lifecycle().markComponentError("a1", "broken on purpose"));
        var factory = registry.instances().registerInstanceFactory("skill", entry -> "instance of " + entry.id());
        assertThat(forShell.getComponentInstance("a2")).isEqualTo("instance of a2");
        factory.close();

        assertThat(registry.diagnostics()
                        .getAuditLog(new AuditQuery(null, null, "node:alpha/shell", null, null, false, 100)))
                .extracting(r -> r.operation() + " " + r.componentId())
                .containsExactly("mark-error a1", "add-dependency a1", "activate a2", "register a2");
        assertThat(registry.diagnostics()
                        .getAuditLog(new AuditQuery(null, null, "bundle:alpha", null, null, false, 100)))
                .extracting(r -> r.operation() + " " + r.componentId())
                .containsExactly("register a1");
        assertThat(registry.diagnostics().getServiceUsage("a2").consumers())
                .extracting(ConsumerUsage::symbolicName, ConsumerUsage::instanceCalls)
                .containsExactly(tuple("alpha", 1L));
        assertThat(forShell.actingFor("http:127.0.0.1")).hasToString("DynamicRegistry for http:127.0.0.1");
        assertThatThrownBy(() -> alpha.actingFor(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> alpha.actingFor(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("actor");
    }
}
