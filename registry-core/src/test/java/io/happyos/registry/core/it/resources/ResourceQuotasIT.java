package io.happyos.registry.core.it.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.spi.QuotaEvent;
import io.happyos.registry.spi.QuotaListener;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import io.happyos.registry.testing.load.LoadActivator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource limits of quotas against what accounting measures, in a real framework: generated
 * bundles that start threads; a component over a limit for longer than the grace period is marked,
 * and deactivated when the quota is enforced.
 */
class ResourceQuotasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private EmbeddedFelix felix;
    private DynamicRegistry registry;
    private final List<QuotaEvent> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        felix = EmbeddedFelix.start(Map.of()).withRegistry();
        registry = felix.service(DynamicRegistry.class, WAIT);
        felix.context().registerService(QuotaListener.class, told::add, null);
        await().atMost(WAIT).until(() -> registry.diagnostics().isResourceAccountingEnabled());
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private String threads(String name, int threads) throws Exception {
        Path jar = TestBundle.builder(name)
                .importPackage("org.osgi.framework")
                .activator(LoadActivator.class)
                .header("X-Load-Threads", Integer.toString(threads))
                .header("X-Load-Cpu", "0")
                .header("X-Load-Alloc", "0")
                .header("X-Load-Name", name)
                .writeToFolder(dir.resolve(name));
        String id = registry.registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        registry.activateComponent(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return id;
    }

    private void set(Quota quota) throws Exception {
        registry.quotas().setQuota(quota).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aComponentOverAnEnforcedThreadLimitIsDeactivatedWithTheReasonKept() throws Exception {
        set(new Quota("load.four", QuotaLimit.MAX_THREADS, 2, true, Duration.ofSeconds(1)));
        String id = threads("load.four", 4);

        await().atMost(WAIT).until(() -> registry.getComponent(id).status() == ComponentStatus.INACTIVE);
        assertThat(registry.getComponent(id).errorHistory())
                .extracting(e -> e.message())
                .anySatisfy(m ->
                        assertThat(m).contains("deactivated by quota max-threads of load.four (2): it used 4 threads"));
        assertThat(registry.diagnostics().explain(id).causes())
                .anySatisfy(c -> assertThat(c.kind()).isEqualTo(CauseKind.QUOTA));
        await().atMost(WAIT)
                .until(() -> told.stream()
                        .map(QuotaEvent::kind)
                        .toList()
                        .containsAll(List.of(QuotaEvent.Kind.EXCEEDED, QuotaEvent.Kind.ENFORCED)));
        await().atMost(WAIT)
                .until(() -> registry.diagnostics().getAuditLog(AuditQuery.latest()).stream()
                        .anyMatch(a -> a.operation().equals("deactivate")
                                && a.actor().equals("quota")
                                && id.equals(a.componentId())));
        // stopped, its threads are gone and so is the mark
        await().atMost(WAIT).until(() -> registry.quotas().getViolations().isEmpty());
    }

    @Test
    void aComponentOverALimitThatIsNotEnforcedIsMarkedAndStaysActiveUntilItIsUnder() throws Exception {
        set(new Quota("type:bundle", QuotaLimit.MAX_THREADS, 2, false, Duration.ofSeconds(1)));
        String busy = threads("load.three", 3);
        String calm = threads("load.one", 1);

        await().atMost(WAIT).until(() -> !registry.quotas().getViolations().isEmpty());
        assertThat(registry.quotas().getViolations()).singleElement().satisfies(v -> {
            assertThat(v.componentId()).isEqualTo(busy);
            assertThat(v.observed()).isEqualTo(3);
            assertThat(v.enforced()).isFalse();
        });
        assertThat(registry.quotas().listQuotas()).singleElement().satisfies(s -> {
            assertThat(s.over()).containsExactly(busy);
            assertThat(s.used()).isEqualTo(3);
        });
        assertThat(registry.getComponent(busy).status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent(calm).status()).isEqualTo(ComponentStatus.ACTIVE);

        set(new Quota("type:bundle", QuotaLimit.MAX_THREADS, 5, false, Duration.ofSeconds(1)));
        await().atMost(WAIT).until(() -> registry.quotas().getViolations().isEmpty());
        await().atMost(WAIT).until(() -> told.stream().anyMatch(e -> e.kind() == QuotaEvent.Kind.CLEARED));
        assertThat(told).noneMatch(e -> e.kind() == QuotaEvent.Kind.ENFORCED);
    }

    @Test
    void withAccountingOffResourceLimitsAreNotCheckedAndTheListSaysSo() throws Exception {
        registry.diagnostics()
                .setResourceAccounting(false)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        set(new Quota("global", QuotaLimit.MAX_THREADS, 0, true, Duration.ZERO));
        String id = threads("load.two", 2);
        Thread.sleep(2_500); // several ticks of the monitor: nothing may happen
        assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.quotas().getViolations()).isEmpty();
        assertThat(registry.quotas().listQuotas())
                .singleElement()
                .satisfies(s -> assertThat(s.note()).contains("resource accounting is off"));
        assertThat(registry.diagnostics().getResourceUsage(id).accounted()).isFalse();
    }
}
