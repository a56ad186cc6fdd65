package io.happyos.registry.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API's quota values: read from words and written back. */
class QuotaValuesTest {

    @Test
    void valuesReadFromWordsAreWrittenBackTheSame() {
        assertThat(Quota.parse("x", QuotaLimit.ACTIVATION_TIMEOUT, "5s", false, Duration.ZERO)
                        .value())
                .isEqualTo(5000);
        assertThat(Quota.parse("x", QuotaLimit.ACTIVATION_TIMEOUT, "250ms", false, Duration.ZERO)
                        .valueText())
                .isEqualTo("250ms");
        assertThat(Quota.parse("x", QuotaLimit.ACTIVATION_TIMEOUT, "2m", false, Duration.ZERO)
                        .valueText())
                .isEqualTo("120s");
        assertThat(Quota.parse("x", QuotaLimit.MAX_ALLOC_RATE, "50MB/s", false, Duration.ZERO)
                        .value())
                .isEqualTo(50 * 1024 * 1024);
        assertThat(Quota.parse("x", QuotaLimit.MAX_ALLOC_RATE, "512kb", false, Duration.ZERO)
                        .valueText())
                .isEqualTo("512KB/s");
        assertThat(Quota.parse("x", QuotaLimit.MAX_CPU_PERCENT, "150%", false, Duration.ZERO)
                        .valueText())
                .isEqualTo("150%");
        assertThat(Quota.parse("x", QuotaLimit.CALLS_PER_SECOND, "2.5", false, Duration.ZERO)
                        .valueText())
                .isEqualTo("2.5");
        assertThat(QuotaLimit.parse("MAX_ACTIVE")).isEqualTo(QuotaLimit.MAX_ACTIVE);
    }

    @Test
    void badScopesLimitsAndValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> QuotaLimit.parse("max-actve"))
                .hasMessage("no quota limit is called 'max-actve'; the limits are max-components, max-active,"
                        + " max-instances, activation-timeout, calls-per-second, max-threads, max-cpu-percent,"
                        + " max-alloc-rate");
        assertThatThrownBy(() -> new Quota("type:", QuotaLimit.MAX_ACTIVE, 1))
                .hasMessageContaining("is not a quota scope");
        assertThatThrownBy(() -> new Quota("cluster:global", QuotaLimit.MAX_ACTIVE, 1))
                .hasMessageContaining("is not a quota scope");
        assertThatThrownBy(() -> new Quota("global", QuotaLimit.MAX_ACTIVE, 1.5))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> new Quota("global", QuotaLimit.MAX_ACTIVE, -1)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Quota.parse("x", QuotaLimit.MAX_ALLOC_RATE, "lots", false, Duration.ZERO))
                .hasMessageContaining("a size per second such as 50MB");
    }

    @Test
    void scopesCoverWhatTheyName() {
        Quota type = new Quota("cluster:type:skill", QuotaLimit.MAX_ACTIVE, 1);
        assertThat(type.covers("a", "skill")).isTrue();
        assertThat(type.covers("a", "bundle")).isFalse();
        assertThat(type.scopeType()).isEqualTo("skill");
        assertThat(new Quota("weather", QuotaLimit.MAX_THREADS, 1).covers("weather", "skill"))
                .isTrue();
        assertThat(new Quota("weather", QuotaLimit.MAX_THREADS, 1).covers("calc", "skill"))
                .isFalse();
        assertThat(new Quota("global", QuotaLimit.MAX_THREADS, 1).covers("calc", "skill"))
                .isTrue();
    }
}
