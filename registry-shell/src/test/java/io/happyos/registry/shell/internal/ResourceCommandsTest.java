package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ResourceUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceCommandsTest {

    static final ResourceUsage WEATHER = new ResourceUsage(
            "weather-skill",
            true,
            2,
            List.of("weather-poller", "weather-timer"),
            12.34,
            0.0617,
            1_572_864,
            1,
            1,
            Duration.ofMillis(312),
            4.25,
            Duration.ofSeconds(60));

    static final ResourceUsage LOGGER =
            new ResourceUsage("logger", true, 0, List.of(), 0.04, 0.0002, 512, 0, 0, null, 0, Duration.ofSeconds(60));

    static final ResourceUsage UNMEASURED =
            new ResourceUsage("base-util", false, 0, List.of(), 0, 0, 0, 0, 0, null, 0, Duration.ofSeconds(60));

    @Test
    void theTableShowsEachFigureInHumanUnitsAndTheWindow() {
        assertThat(ResourceCommands.table(List.of(UNMEASURED, LOGGER, WEATHER), true))
                .isEqualTo("""
                        ID             THREADS  CPU    ALLOC/S   INSTANCES  CACHE  ACTIVATION  CALLS/S
                        base-util      -        -      -         0          0      -           0
                        logger         0        0%     512 B/s   0          0      -           0
                        weather-skill  2        12.3%  1.5 MB/s  1          1      312.0 ms    4.3
                        CPU in percent of one core; CPU, allocation and calls over a window of 1m.
                        """);
    }

    @Test
    void theTableSaysWhenAccountingIsOff() {
        assertThat(ResourceCommands.table(List.of(UNMEASURED), false))
                .endsWith("over a window of 1m.\n" + ResourceCommands.ACCOUNTING_OFF + "\n");
        assertThat(ResourceCommands.table(List.of(), false))
                .isEqualTo("No components.\n" + ResourceCommands.ACCOUNTING_OFF + "\n");
    }

    @Test
    void oneComponentShowsItsThreadNames() {
        assertThat(ResourceCommands.one(WEATHER, true)).isEqualTo("""
                        Component        weather-skill
                        Threads          2
                        Thread names     weather-poller, weather-timer
                        CPU              12.3% of a core (6.2% of the samples)
                        Allocation       1.5 MB/s
                        Instances        1
                        Cache entries    1
                        Activation time  312.0 ms
                        Calls/s          4.3
                        Window           1m
                        """);
        assertThat(ResourceCommands.one(UNMEASURED, true))
                .contains("Threads          not measured\n")
                .endsWith("it has no class loader of its own (it is counted with its bundle, or has none).\n");
        assertThat(ResourceCommands.one(UNMEASURED, false)).endsWith(ResourceCommands.ACCOUNTING_OFF + "\n");
    }

    @Test
    void figuresReadInPowersOf1024() {
        assertThat(ResourceText.rate(0)).isEqualTo("0 B/s");
        assertThat(ResourceText.rate(1023)).isEqualTo("1023 B/s");
        assertThat(ResourceText.rate(1024)).isEqualTo("1 KB/s");
        assertThat(ResourceText.rate(50 << 20)).isEqualTo("50 MB/s");
        assertThat(ResourceText.bytes(3L << 30)).isEqualTo("3 GB");
        assertThat(ResourceText.percent(150)).isEqualTo("150%");
        assertThat(ResourceText.perSecond(1250.4)).isEqualTo("1250");
    }
}
