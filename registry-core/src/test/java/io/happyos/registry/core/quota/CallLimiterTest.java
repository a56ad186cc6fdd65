package io.happyos.registry.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallLimiterTest {

    private final CallLimiter limiter = new CallLimiter();

    private int allowed(Quota quota, long consumer, int calls, long now) {
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            if (limiter.take(quota, consumer, "weather", now)) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void aConsumerMayBurstForTheGracePeriodThenGetsTheRate() {
        Quota quota = new Quota("weather", QuotaLimit.CALLS_PER_SECOND, 10, false, Duration.ofSeconds(2));
        long t = 1_000_000_000L;
        assertThat(allowed(quota, 7, 100, t)).isEqualTo(20); // 10/s for 2 s of grace
        assertThat(allowed(quota, 7, 100, t + 500_000_000L)).isEqualTo(5); // half a second refills 5
        assertThat(allowed(quota, 8, 100, t + 500_000_000L)).isEqualTo(20); // another consumer has its own
    }

    @Test
    void aRateBelowOneStillAllowsOneCall() {
        Quota quota = new Quota("weather", QuotaLimit.CALLS_PER_SECOND, 0.5, false, Duration.ZERO);
        assertThat(allowed(quota, 1, 5, 0)).isEqualTo(1);
        assertThat(allowed(quota, 1, 5, 2_000_000_000L)).isEqualTo(1);
    }
}
