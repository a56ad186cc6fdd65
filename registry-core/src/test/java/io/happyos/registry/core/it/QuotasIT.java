package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaExceededException;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.spi.QuotaEvent;
import io.happyos.registry.spi.QuotaListener;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotas in a real framework: admission refused before anything changes, rates, timeouts, kept and audited. */
class QuotasIT extends FrameworkTestSupport {

    @TempDir
    Path dir;

    private final List<QuotaEvent> told = new CopyOnWriteArrayList<>();

    private void start(Map<String, String> properties) throws Exception {
        startRegistry(properties);
        felix.context().registerService(QuotaListener.class, told::add, null);
        installDemo();
    }

    private Quota set(String scope, QuotaLimit limit, String value) throws Exception {
        return join(registry.quotas().setQuota(Quota.parse(scope, limit, value, false, Quota.DEFAULT_GRACE)));
    }

    @Test
    void maxActiveRefusesAnActivationBeforeAnythingStartsAndSaysWhyEverywhere() throws Exception {
        start(Map.of());
        set("type:skill", QuotaLimit.MAX_ACTIVE, "1");
        join(registry.activateComponent("calculator-skill"));
        events.clear();

        assertThatThrownBy(() -> join(registry.activateComponent("weather-skill")))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota().scope()).isEqualTo("type:skill");
                    assertThat(e.used()).isEqualTo(1);
                })
                .hasMessageStartingWith("quota max-active of type:skill is 1 and 1 is active (calculator-skill):"
                        + " activating weather-skill would make 2")
                .hasMessageContaining("registry:quota set type:skill max-active 2");

        // nothing changed: not even its dependencies started, no error recorded
        assertThat(recorded("started")).isEmpty();
        assertThat(registry.getComponent("weather-skill").status()).isNotEqualTo(ComponentStatus.ERROR);
        assertThat(registry.getComponent("weather-skill").errorHistory()).isEmpty();
        // why, audit, event
        assertThat(registry.diagnostics().explain("weather-skill").causes())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(CauseKind.QUOTA);
                    assertThat(c.fix()).contains("registry:quota set type:skill max-active 2");
                });
        await().atMost(WAIT).until(() -> told.stream().anyMatch(e -> e.kind() == QuotaEvent.Kind.REFUSED));
        assertThat(told)
                .filteredOn(e -> e.kind() == QuotaEvent.Kind.REFUSED)
                .first()
                .satisfies(e -> {
                    assertThat(e.componentId()).isEqualTo("weather-skill");
                    assertThat(e.message()).contains("quota max-active of type:skill is 1");
                });
        await().atMost(WAIT)
                .until(() -> registry.diagnostics().getAuditLog(AuditQuery.latest()).stream()
                        .anyMatch(
                                a -> a.operation().equals("quota-refused") && "weather-skill".equals(a.componentId())));

        // a component nothing tried to activate yet is explained by the quota all the same
        String planner = join(registry.registerComponent(ComponentInfo.of("planner", "skill")));
        assertThat(registry.diagnostics().explain(planner).causes())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(CauseKind.QUOTA);
                    assertThat(c.message()).contains("activating planner would make 2");
                });
        // raised, it activates, and the cause is gone
        set("type:skill", QuotaLimit.MAX_ACTIVE, "2");
        assertThat(join(registry.activateComponent("weather-skill"))).isTrue();
        assertThat(registry.diagnostics().explain("weather-skill").causes())
                .noneMatch(c -> c.kind() == CauseKind.QUOTA);
    }

    @Test
    void quotasAreKeptAcrossARestartAuditedAndListedWithTheirUse() throws Exception {
        start(Map.of());
        set("type:skill", QuotaLimit.MAX_ACTIVE, "3");
        set("global", QuotaLimit.MAX_COMPONENTS, "50");
        assertThat(join(registry.quotas().removeQuota("global", QuotaLimit.MAX_COMPONENTS)))
                .isTrue();
        assertThat(join(registry.quotas().removeQuota("global", QuotaLimit.MAX_COMPONENTS)))
                .isFalse();
        join(registry.activateComponent("calculator-skill"));

        felix = felix.restart(Map.of());
        registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));

        assertThat(registry.quotas().listQuotas()).singleElement().satisfies(s -> {
            assertThat(s.quota()).isEqualTo(new Quota("type:skill", QuotaLimit.MAX_ACTIVE, 3));
            assertThat(s.origin()).isNotEqualTo("setting");
            assertThat(s.used()).isEqualTo(1); // the calculator came back active
        });
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest()))
                .extracting(a -> a.operation() + " " + a.details())
                .contains("set-quota type:skill max-active 3 grace=10000ms", "remove-quota global max-components");
    }

    @Test
    void theSettingAppliesAtStartAndABadOneStopsTheRegistryNamingTheEntry() throws Exception {
        start(Map.of("happyos.quotas", "global max-components 5; type:skill activation-timeout 5s"));
        assertThat(registry.quotas().listQuotas())
                .extracting(QuotaStatus::origin)
                .containsOnly("setting");

        // five components of the demo: a sixth is refused before it is installed
        long bundles = felix.context().getBundles().length;
        assertThatThrownBy(() -> join(registry.registerComponent(ComponentInfo.ofJar(
                        EmbeddedFelix.sampleBundle("greeting-skill").toString()))))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("quota max-components of global is 5 and 5 are registered")
                .hasMessageContaining("registering greeting-skill would make 6");
        assertThat(felix.context().getBundles()).hasSize((int) bundles);
        assertThatThrownBy(() -> join(registry.registerComponent(ComponentInfo.of("planner", "skill"))))
                .isInstanceOf(QuotaExceededException.class);

        EmbeddedFelix bad = EmbeddedFelix.start(Map.of("happyos.quotas", "global max-actve 2"));
        try {
            assertThatThrownBy(bad::withRegistry)
                    .hasStackTraceContaining(
                            "the setting happyos.quotas has a quota that cannot be read, 'global" + " max-actve 2'");
        } finally {
            bad.close();
        }
    }

    @Test
    void callsPerSecondRejectsAConsumersExcessCallsAndMaxInstancesTheInstanceOverIt() throws Exception {
        start(Map.of());
        join(registry.activateComponent("calculator-skill"));
        join(registry.activateComponent("base-util"));
        join(registry.quotas()
                .setQuota(new Quota("calculator-skill", QuotaLimit.CALLS_PER_SECOND, 1, false, Duration.ZERO)));

        registry.getComponentInstance("calculator-skill");
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 5; i++) {
                        registry.getComponentInstance("calculator-skill");
                    }
                })
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("quota calls-per-second of calculator-skill is 1")
                .hasMessageContaining("this one is rejected");
        await().atMost(WAIT).until(() -> told.stream().anyMatch(e -> e.kind() == QuotaEvent.Kind.REFUSED));
        join(registry.quotas().removeQuota("calculator-skill", QuotaLimit.CALLS_PER_SECOND));
        for (int i = 0; i < 50; i++) {
            registry.getComponentInstance("calculator-skill");
        }

        set("global", QuotaLimit.MAX_INSTANCES, "1");
        assertThatThrownBy(() -> registry.getComponentInstance("base-util"))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("the registry holds 1 instance (calculator-skill)");
        assertThat(registry.getComponentInstance("calculator-skill")).isNotNull(); // the one held is still served
    }

    @Test
    void anActivationTimeoutQuotaIsShorterThanTheRegistrysForTheComponentsOfItsScope() throws Exception {
        start(Map.of("happyos.test.slow.gate", dir.resolve("gate").toString()));
        install("slow-activator");
        String id = "slow-activator";
        set(id, QuotaLimit.ACTIVATION_TIMEOUT, "300ms");
        assertThatThrownBy(() -> join(registry.activateComponent(id)))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("timed out after 300 ms");
        Files.createFile(dir.resolve("gate"));
    }

    @Test
    void aBadQuotaIsRefusedByTheApiWithTheFormExpected() throws Exception {
        start(Map.of());
        assertThatThrownBy(() -> Quota.parse("type:skill", QuotaLimit.MAX_ACTIVE, "two", false, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two' is not a value of max-active");
        assertThat(registry.quotas().listQuotas()).isEmpty();
        assertThatThrownBy(() -> join(registry.activateComponent("no-such")))
                .isInstanceOf(RegistryException.class)
                .isNotInstanceOf(QuotaExceededException.class);
    }

    @Test
    void aBatchActivatingOnSeveralThreadsNeverGoesPastMaxActive() throws Exception {
        start(Map.of());
        List<String> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path jar = io.happyos.registry.testing.TestBundle.builder("job-" + i)
                    .header("HappyOS-Component-Type", "job")
                    .importPackage("org.osgi.framework")
                    .activator(SlowStartActivator.class)
                    .writeToFolder(dir.resolve("job-" + i));
            jobs.add(join(registry.registerComponent(ComponentInfo.ofJar(jar.toString()))));
        }
        set("type:job", QuotaLimit.MAX_ACTIVE, "3");
        for (int round = 0; round < 3; round++) {
            join(registry.lifecycle().activateComponentsBatch(jobs));
            assertThat(jobs)
                    .filteredOn(id -> registry.getComponent(id).status() == ComponentStatus.ACTIVE)
                    .as("round %d", round)
                    .hasSize(3);
            join(registry.lifecycle().deactivateComponentsBatch(jobs));
        }
        assertThat(registry.quotas().listQuotas())
                .singleElement()
                .satisfies(q -> assertThat(q.used()).isZero());
    }

    @Test
    void aRestartDoesNotStartWhatAQuotaNowRefuses() throws Exception {
        start(Map.of());
        join(registry.activateComponent("calculator-skill"));
        join(registry.activateComponent("weather-skill"));
        set("type:skill", QuotaLimit.MAX_ACTIVE, "1");

        for (int restart = 0; restart < 2; restart++) {
            felix = felix.restart(Map.of());
            registry = felix.service(DynamicRegistry.class, Duration.ofSeconds(30));
            org.awaitility.Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> felix.context()
                                    .getServiceReferences(DynamicRegistry.class, "(happyos.registry.state=ready)")
                                    .size()
                            == 1);
            assertThat(registry.getComponentsByType("skill"))
                    .as("restart %d", restart)
                    .filteredOn(e -> e.status() == ComponentStatus.ACTIVE)
                    .hasSize(1);
            assertThat(java.util.Arrays.stream(felix.context().getBundles())
                            .filter(b -> b.getSymbolicName() != null
                                    && b.getSymbolicName().endsWith("-skill"))
                            .filter(b -> b.getState() == org.osgi.framework.Bundle.ACTIVE))
                    .hasSize(1);
        }
    }
}
