package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.DynamicRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.BundleContext;

/** Usage telemetry of the real registry: lookups and holders seen by the framework, instance calls by the registry. */
class UsageCommandsIT {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /**
     * Activates both skills, whose service trackers look the logger up and hold its service, then
     * has calculator-skill get the logger's instance from the registry three times.
     */
    private void used() throws Exception {
        shell.activate("calculator-skill").activate("weather-skill");
        BundleContext calculator = shell.felix()
                .context()
                .getBundle(shell.bundleIds.get("calculator-skill"))
                .getBundleContext();
        DynamicRegistry itsRegistry = calculator.getService(calculator.getServiceReference(DynamicRegistry.class));
        for (int i = 0; i < 3; i++) {
            itsRegistry.getComponentInstance("logger");
        }
    }

    @Test
    void usageShowsTheTotalsAndOneRowPerConsumerWithItsCounts() throws Exception {
        used();
        shell.usage.usage(false, shell.bundle("logger"));
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Component       logger
                Observed since  <time>
                Offers          service io.happyos.samples.logger.LoggerService (service.id <n>)
                Lookups         2
                Instance calls  3

                CONSUMER          BUNDLE  LOOKUPS  INSTANCE CALLS  IN USE  FIRST SEEN<pad>LAST SEEN
                calculator-skill  %-6s  1        3               yes     <time><pad><time>
                weather-skill     %-6s  1        0               yes     <time><pad><time>
                """.formatted(
                        shell.bundle("calculator-skill"), shell.bundle("weather-skill"))));
    }

    @Test
    void usageOfSomethingNobodyUsedSaysSoAndWhetherUseCanBeObserved() {
        shell.usage.usage(false, "base-util");
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                Component       base-util
                Observed since  <time>
                Offers          no service
                Lookups         0
                Instance calls  0
                Its use cannot be observed now: it is not active, or offers no service and no factory makes its instances.
                No bundle has used base-util.
                """));
        assertThatThrownBy(() -> shell.usage.usage(false, "nope")).isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void usageJsonHasTheContractFields() throws Exception {
        used();
        shell.usage.usage(true, "logger");
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsOnlyKeys(
                        "id",
                        "observedSince",
                        "observable",
                        "services",
                        "totalLookups",
                        "totalInstanceCalls",
                        "consumers")
                .containsEntry("id", "logger")
                .containsEntry("observable", true)
                .containsEntry("totalLookups", 2L)
                .containsEntry("totalInstanceCalls", 3L);
        assertThat((String) json.get("observedSince")).matches(ShellFixture.INSTANT);
        assertThat((List<String>) json.get("services"))
                .singleElement(InstanceOfAssertFactories.STRING)
                .matches("service io\\.happyos\\.samples\\.logger\\.LoggerService \\(service\\.id \\d+\\)");
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("consumers");
        assertThat(consumers).hasSize(2);
        Map<String, Object> calculator = new HashMap<>(consumers.get(0));
        assertThat((String) calculator.remove("firstSeen")).matches(ShellFixture.INSTANT);
        assertThat((String) calculator.remove("lastSeen")).matches(ShellFixture.INSTANT);
        assertThat(calculator)
                .isEqualTo(Map.of(
                        "consumer",
                        "calculator-skill",
                        "bundleId",
                        shell.bundleIds.get("calculator-skill"),
                        "symbolicName",
                        "calculator-skill",
                        "lookups",
                        1L,
                        "instanceCalls",
                        3L,
                        "inUse",
                        true));
        assertThat(consumers.get(1)).containsEntry("consumer", "weather-skill").containsEntry("instanceCalls", 0L);
    }

    @Test
    void driftOfTheDemoFindsTheDeclaredDependencyNobodyUses() {
        shell.activate("calculator-skill").activate("weather-skill");
        shell.usage.drift(false);
        assertThat(shell.output())
                .startsWith("Observed since ")
                .contains(
                        "Used but not declared: none\n",
                        "Declared but never used (1):\n  calculator-skill -> base-util\n"
                                + "    calculator-skill declares a dependency on base-util");
    }

    private static DriftReport report() {
        return new DriftReport(
                T0,
                List.of(new DriftItem(
                        "weather-skill", "config-manager", 4, 0, true, "weather-skill used config-manager")),
                List.of(new DriftItem("calculator-skill", "base-util", 0, 0, false, "never obtained base-util")),
                List.of());
    }

    /** Drift depends on what the bundles happened to do: a fixed report shows how each part is printed. */
    @Test
    void driftPrintsEachListWithItsEvidence() {
        shell.answer("getDrift", (method, args, real) -> report());
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
        shell.answer("getDrift", (method, args, real) -> report());
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
