package io.happyos.registry.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.ResourceUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shapes of resource usage, quotas and advice, field by field: scripts rely on them. */
class ResourceJsonTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void resourceUsageRoundsItsFiguresAndGivesDurationsInMilliseconds() {
        ResourceUsage u = new ResourceUsage(
                "weather-skill",
                true,
                2,
                List.of("weather-poller", "weather-timer"),
                12.3456,
                0.061728,
                1_572_864.4,
                1,
                1,
                Duration.ofMillis(312),
                4.125,
                Duration.ofSeconds(60));
        assertThat(JsonOutput.text(RegistryJson.resourceUsage(u)))
                .isEqualTo("{\"id\":\"weather-skill\",\"accounted\":true,\"threads\":2,"
                        + "\"threadNames\":[\"weather-poller\",\"weather-timer\"],\"cpuPercent\":12.35,"
                        + "\"cpuShare\":0.0617,\"allocationRate\":1572864,\"instances\":1,\"cacheEntries\":1,"
                        + "\"activationTimeMs\":312.000,\"callsPerSecond\":4.13,\"windowMs\":60000}");
        ResourceUsage never =
                new ResourceUsage("x", false, 0, List.of(), 0, 0, 0, 0, 0, null, 0, Duration.ofSeconds(60));
        assertThat(JsonOutput.text(RegistryJson.resourceUsage(never))).contains("\"activationTimeMs\":null");
    }

    @Test
    void aQuotaStatusIsTheQuotaFlatThenWhereItStands() {
        Quota q = new Quota("type:skill", QuotaLimit.MAX_ALLOC_RATE, 50 << 20, true, Duration.ofSeconds(30));
        assertThat(JsonOutput.text(RegistryJson.quotaStatus(
                        new QuotaStatus(q, "shell", T0, 1_048_576.5, List.of("weather-skill"), null))))
                .isEqualTo("{\"scope\":\"type:skill\",\"limit\":\"max-alloc-rate\",\"value\":52428800,"
                        + "\"valueText\":\"50MB/s\",\"unit\":\"bytes/s\",\"enforce\":true,\"graceMs\":30000,"
                        + "\"origin\":\"shell\",\"setAt\":\"2026-03-01T12:00:00Z\",\"used\":1048576.500,"
                        + "\"over\":[\"weather-skill\"],\"note\":null}");
        assertThat(JsonOutput.text(
                        RegistryJson.quotaViolation(new QuotaViolation("weather-skill", q, 60 << 20, T0, false))))
                .isEqualTo("{\"component\":\"weather-skill\",\"scope\":\"type:skill\",\"limit\":\"max-alloc-rate\","
                        + "\"value\":52428800,\"observed\":62914560,\"since\":\"2026-03-01T12:00:00Z\","
                        + "\"enforced\":false}");
    }

    @Test
    void adviceHasItsKindByNameAndANullCommandWhenNoneApplies() {
        Advice a =
                new Advice(AdviceKind.UNUSED_DEPENDENCY, List.of("a", "b"), "a declares b", List.of("0 lookups"), null);
        assertThat(JsonOutput.text(RegistryJson.advice(a)))
                .isEqualTo("{\"kind\":\"UNUSED_DEPENDENCY\",\"components\":[\"a\",\"b\"],"
                        + "\"summary\":\"a declares b\",\"evidence\":[\"0 lookups\"],\"command\":null}");
    }
}
