package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.Test;

class UsageCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    private static ConsumerUsage use(String consumer, long bundleId, long lookups, long calls, boolean inUse) {
        return new ConsumerUsage(
                consumer,
                bundleId,
                consumer,
                lookups,
                calls,
                inUse,
                FakeRegistry.T0.plusSeconds(1),
                FakeRegistry.T0.plusSeconds(9));
    }

    @Test
    void usageShowsTheTotalsAndOneRowPerConsumerWithItsCounts() {
        shell.registry
                .status("logger", ComponentStatus.ACTIVE)
                .used("logger", use("calculator-skill", 6, 12, 3, true))
                .used("logger", use("weather-skill", 7, 1, 0, false));
        shell.usage.usage(false, "4"); // by bundle number
        assertThat(shell.output()).isEqualTo("""
                Component       logger
                Observed since  2025-01-02T03:04:05Z
                Offers          service com.acme.logger (service.id 4)
                Lookups         13
                Instance calls  3

                CONSUMER          BUNDLE  LOOKUPS  INSTANCE CALLS  IN USE  FIRST SEEN            LAST SEEN
                calculator-skill  6       12       3               yes     2025-01-02T03:04:06Z  2025-01-02T03:04:14Z
                weather-skill     7       1        0               no      2025-01-02T03:04:06Z  2025-01-02T03:04:14Z
                """);
    }

    @Test
    void usageOfSomethingNobodyUsedSaysSoAndWhetherUseCanBeObserved() {
        shell.usage.usage(false, "base-util");
        assertThat(shell.output()).isEqualTo("""
                Component       base-util
                Observed since  2025-01-02T03:04:05Z
                Offers          no service
                Lookups         0
                Instance calls  0
                Its use cannot be observed now: it is not active, or offers no service and no factory makes its instances.
                No bundle has used base-util.
                """);
        assertThatThrownBy(() -> shell.usage.usage(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void usageJsonHasTheContractFields() {
        shell.registry.status("logger", ComponentStatus.ACTIVE).used("logger", use("calculator-skill", 6, 12, 3, true));
        shell.usage.usage(true, "logger");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "id",
                        "logger",
                        "observedSince",
                        "2025-01-02T03:04:05Z",
                        "observable",
                        true,
                        "services",
                        List.of("service com.acme.logger (service.id 4)"),
                        "totalLookups",
                        12L,
                        "totalInstanceCalls",
                        3L,
                        "consumers",
                        List.of(Map.of(
                                "consumer",
                                "calculator-skill",
                                "bundleId",
                                6L,
                                "symbolicName",
                                "calculator-skill",
                                "lookups",
                                12L,
                                "instanceCalls",
                                3L,
                                "inUse",
                                true,
                                "firstSeen",
                                "2025-01-02T03:04:06Z",
                                "lastSeen",
                                "2025-01-02T03:04:14Z"))));
    }

    private static DriftReport report() {
        return new DriftReport(
                FakeRegistry.T0,
                List.of(new DriftItem(
                        "weather-skill", "config-manager", 4, 0, true, "weather-skill used config-manager")),
                List.of(new DriftItem("calculator-skill", "base-util", 0, 0, false, "never obtained base-util")),
                List.of());
    }

    @Test
    void driftPrintsEachListWithItsEvidence() {
        shell.registry.drift(report());
        shell.usage.drift(false);
        assertThat(shell.output()).isEqualTo("""
                Observed since 2025-01-02T03:04:05Z

                Used but not declared (1):
                  weather-skill -> config-manager
                    weather-skill used config-manager

                Declared but never used (1):
                  calculator-skill -> base-util
                    never obtained base-util

                Never used: none
                """);
    }

    @Test
    void driftJsonHasTheContractFields() {
        shell.registry.drift(report());
        shell.usage.drift(true);
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "observedSince",
                        "2025-01-02T03:04:05Z",
                        "undeclared",
                        List.of(Map.of(
                                "consumer",
                                "weather-skill",
                                "component",
                                "config-manager",
                                "lookups",
                                4L,
                                "instanceCalls",
                                0L,
                                "inUse",
                                true,
                                "evidence",
                                "weather-skill used config-manager")),
                        "unused",
                        List.of(Map.of(
                                "consumer",
                                "calculator-skill",
                                "component",
                                "base-util",
                                "lookups",
                                0L,
                                "instanceCalls",
                                0L,
                                "inUse",
                                false,
                                "evidence",
                                "never obtained base-util")),
                        "neverUsed",
                        List.of()));
    }

    @Test
    void everyCommandAndOptionIsDescribedWithAnExample() {
        for (String name : UsageCommands.FUNCTIONS) {
            Method method = List.of(UsageCommands.class.getMethods()).stream()
                    .filter(m -> m.getName().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(method.getAnnotation(Descriptor.class).value()).contains("Example: registry:" + name);
            for (Parameter p : method.getParameters()) {
                assertThat(p.getAnnotation(Descriptor.class)).as(name + " " + p).isNotNull();
                assertThat(p.getAnnotation(Descriptor.class).value())
                        .as(name + " " + p)
                        .contains("Example: registry:");
            }
        }
    }
}
