package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaCommandsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aQuotaIsReadAsTheApiReadsIt() {
        assertThat(QuotaCommands.parse("type:skill", "max-alloc-rate", "50MB", true, "30s"))
                .isEqualTo(new Quota("type:skill", QuotaLimit.MAX_ALLOC_RATE, 50 << 20, true, Duration.ofSeconds(30)));
        assertThat(QuotaCommands.parse("weather-skill", "ACTIVATION_TIMEOUT", "2s", false, ""))
                .isEqualTo(new Quota("weather-skill", QuotaLimit.ACTIVATION_TIMEOUT, 2000));
    }

    @Test
    void badInputFailsWithTheApisMessage() {
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-fun", "3", false, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no quota limit is called 'max-fun'; the limits are max-components, max-active,"
                        + " max-instances, activation-timeout, calls-per-second, max-threads, max-cpu-percent,"
                        + " max-alloc-rate");
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-alloc-rate", "lots", false, ""))
                .hasMessage(
                        "'lots' is not a value of max-alloc-rate: give a size per second such as 50MB, 512KB or 1GB");
        assertThatThrownBy(() -> QuotaCommands.parse("cluster:logger", "max-active", "3", false, ""))
                .hasMessageStartingWith("'cluster:logger' is not a quota scope");
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-active", "2.5", false, ""))
                .hasMessage("max-active counts active components: give a whole number, not 2.5");
    }

    @Test
    void enforceAndGraceOnlyGoWithTheLimitsTheyApplyTo() {
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-active", "3", true, ""))
                .hasMessageStartingWith(
                        "--enforce applies to max-threads, max-cpu-percent and max-alloc-rate, not" + " max-active");
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-instances", "3", false, "5s"))
                .hasMessageStartingWith("--grace applies to calls-per-second");
        assertThatThrownBy(() -> QuotaCommands.parse("global", "max-threads", "3", false, "soon"))
                .hasMessageContaining("--grace");
        assertThat(QuotaCommands.parse("global", "calls-per-second", "100", false, "2s")
                        .grace())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theListShowsEachQuotaWhereItStandsItsNotesAndTheComponentsOverALimit() {
        Quota active = new Quota("type:skill", QuotaLimit.MAX_ACTIVE, 5);
        Quota threads = new Quota("global", QuotaLimit.MAX_THREADS, 4, true, Duration.ofSeconds(30));
        Quota cluster = new Quota("cluster:type:skill", QuotaLimit.MAX_ACTIVE, 8);
        List<QuotaStatus> statuses = List.of(
                new QuotaStatus(cluster, "setting", T0, 2, List.of(), "the cluster is off: counts this node"),
                new QuotaStatus(threads, "shell", T0, 6, List.of("weather-skill"), null),
                new QuotaStatus(active, "shell", T0, -1, List.of(), null));
        List<QuotaViolation> violations =
                List.of(new QuotaViolation("weather-skill", threads, 6, T0.minusSeconds(40), true));

        assertThat(QuotaCommands.text(statuses, violations)).isEqualTo("""
                        SCOPE               LIMIT        VALUE  USED  OVER           ENFORCE  GRACE  ORIGIN   SET AT
                        cluster:type:skill  max-active   8      2     -              -        -      setting  2026-03-01T12:00:00Z
                        global              max-threads  4      6     weather-skill  yes      30s    shell    2026-03-01T12:00:00Z
                        type:skill          max-active   5      -     -              -        -      shell    2026-03-01T12:00:00Z

                        cluster:type:skill max-active: the cluster is off: counts this node

                        Over a limit now:
                          weather-skill: 6 over max-threads 4 (global) since 2026-03-01T11:59:20Z, deactivated
                        """);
        assertThat(QuotaCommands.text(List.of(), List.of()))
                .isEqualTo("No quotas. Example: registry:quota set type:skill max-active 5\n");
    }
}
