package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code registry:resources} over the real registry: the live listing, one component, switching
 * accounting; and, with the figures answered by the test, exactly how they are printed.
 */
class ResourceCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    @Test
    void everyComponentHasARowAndTheActiveOnesTheirActivationTime() {
        shell.activate("logger");
        shell.resources.resources(false, false, false);
        String table = shell.output();
        assertThat(table).startsWith("ID ").contains("\nlogger ", "\nconfig-manager ", "\nweather-skill ");
        assertThat(table.lines()
                        .filter(l -> l.startsWith("logger "))
                        .findFirst()
                        .orElseThrow())
                .matches("logger +\\d+ +\\d+(\\.\\d)?% +\\d+(\\.\\d)? [KMG]?B/s +\\d+ +\\d+ +"
                        + "\\d+(\\.\\d+)? (us|ms|s) +\\d+(\\.\\d)?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonListsEveryComponentWithTheContractFields() {
        shell.activate("logger");
        shell.resources.resources(true, false, false);
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json).containsOnlyKeys("accounting", "components").containsEntry("accounting", true);
        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components)
                .extracting(c -> c.get("id"))
                .contains("config-manager", "logger", "base-util", "calculator-skill", "weather-skill");
        assertThat(components.stream()
                        .filter(c -> c.get("id").equals("logger"))
                        .findFirst()
                        .orElseThrow())
                .containsOnlyKeys(
                        "id",
                        "accounted",
                        "threads",
                        "threadNames",
                        "cpuPercent",
                        "cpuShare",
                        "allocationRate",
                        "instances",
                        "cacheEntries",
                        "activationTimeMs",
                        "callsPerSecond",
                        "windowMs")
                .extractingByKey("activationTimeMs")
                .isNotNull();
    }

    @Test
    void oneComponentShowsItsFiguresAndAnUnknownOneFails() {
        shell.activate("logger");
        shell.resources.resources(false, false, false, shell.bundle("logger"));
        assertThat(shell.output()).startsWith("Component        logger\n").contains("\nActivation time  ");
        assertThatThrownBy(() -> shell.resources.resources(false, false, false, "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void accountingSwitchesOffAndOnAndTheListingSaysWhenItIsOff() {
        shell.resources.resources(false, false, true);
        assertThat(shell.output()).isEqualTo("Resource accounting is off.\n");
        shell.resources.resources(false, false, false);
        assertThat(shell.output()).endsWith(ResourceCommands.ACCOUNTING_OFF + "\n");
        shell.resources.resources(true, true, false);
        assertThat(shell.json()).isEqualTo(Map.of("accounting", true));
        assertThat(shell.registry.diagnostics().isResourceAccountingEnabled()).isTrue();
    }

    @Test
    void onAndOffTogetherOrSeveralIdsAreRefused() {
        assertThatThrownBy(() -> shell.resources.resources(false, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give --on or --off alone");
        assertThatThrownBy(() -> shell.resources.resources(false, false, false, "logger", "base-util"))
                .hasMessageContaining("give one component or none");
    }

    /** Figures depend on the machine: fixed ones show how each is printed. */
    @Test
    void fixedFiguresPrintAsTheUnitTestsSay() {
        shell.answer("getResourceUsages", (m, args, real) -> List.of(ResourceCommandsTest.WEATHER));
        shell.answer("isResourceAccountingEnabled", (m, args, real) -> true);
        shell.resources.resources(false, false, false);
        assertThat(shell.output()).isEqualTo(ResourceCommands.table(List.of(ResourceCommandsTest.WEATHER), true));
        shell.resources.resources(true, false, false);
        assertThat(shell.json())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("accounting", true)
                .extractingByKey("components", InstanceOfAssertFactories.LIST)
                .singleElement(InstanceOfAssertFactories.MAP)
                .containsEntry("id", "weather-skill")
                .containsEntry("threads", 2L)
                .containsEntry("threadNames", List.of("weather-poller", "weather-timer"))
                .containsEntry("allocationRate", 1_572_864L)
                .containsEntry("windowMs", 60_000L);
    }
}
