package io.happyos.registry.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.HealthStats;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.UsageStats;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static RegistryEntry entry(String id, ComponentStatus status, long accessCount) {
        return new RegistryEntry(
                id,
                ComponentInfo.of(id, "skill"),
                status,
                Instant.EPOCH,
                null,
                accessCount,
                Set.of(),
                Set.of(),
                List.of(),
                RegistryEntry.NO_BUNDLE);
    }

    @Test
    void healthCountsTheRestAsHealthy() {
        assertThat(Statistics.health(8, 1, 1)).isEqualTo(new HealthStats(8, 6, 1, 1, 0.75));
    }

    @Test
    void noComponentIsFullHealth() {
        assertThat(Statistics.health(0, 0, 0)).isEqualTo(new HealthStats(0, 0, 0, 0, 1.0));
    }

    @Test
    void inconsistentCountsAreRefused() {
        assertThatThrownBy(() -> Statistics.health(2, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.health(3, 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Statistics.health(10, 1, 1, 3)).isEqualTo(new HealthStats(10, 5, 1, 1, 3, 0.5));
        assertThatThrownBy(() -> Statistics.health(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageNamesTheMostAccessedAndTheSmallestIdOnATie() {
        UsageStats usage = Statistics.usage(List.of(
                entry("weather", ComponentStatus.ACTIVE, 5),
                entry("calc", ComponentStatus.ACTIVE, 5),
                entry("logger", ComponentStatus.INACTIVE, 2),
                entry("config", ComponentStatus.REGISTERED, 0)));

        assertThat(usage).isEqualTo(new UsageStats(4, 2, 12, 3.0, "calc"));
    }

    @Test
    void nothingAccessedHasNoMostAccessed() {
        assertThat(Statistics.usage(List.of(entry("calc", ComponentStatus.ACTIVE, 0))))
                .isEqualTo(new UsageStats(1, 1, 0, 0.0, null));
        assertThat(Statistics.usage(List.of())).isEqualTo(new UsageStats(0, 0, 0, 0.0, null));
    }
}
