package io.happyos.registry.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.RegistryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaSettingTest {

    @Test
    void readsEachQuotaWithItsOptions() {
        assertThat(QuotaSetting.parse(" type:skill max-active 3 ;\nweather-skill max-cpu-percent 50% enforce grace=30s;"
                        + " global max-alloc-rate 64MB/s; type:skill activation-timeout 5s"))
                .containsExactly(
                        new Quota("type:skill", QuotaLimit.MAX_ACTIVE, 3),
                        new Quota("weather-skill", QuotaLimit.MAX_CPU_PERCENT, 50, true, Duration.ofSeconds(30)),
                        new Quota("global", QuotaLimit.MAX_ALLOC_RATE, 64 << 20),
                        new Quota("type:skill", QuotaLimit.ACTIVATION_TIMEOUT, 5000));
        assertThat(QuotaSetting.parse(null)).isEmpty();
        assertThat(QuotaSetting.parse("  ")).isEmpty();
    }

    @Test
    void aBadEntryNamesItselfTheProblemAndTheForm() {
        assertThatThrownBy(() -> QuotaSetting.parse("type:skill max-active 3; global max-actve 2"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("'global max-actve 2'")
                .hasMessageContaining("no quota limit is called 'max-actve'")
                .hasMessageContaining("SCOPE LIMIT VALUE [enforce] [grace=DURATION]");
        assertThatThrownBy(() -> QuotaSetting.parse("global max-active two"))
                .hasMessageContaining("'two' is not a value of max-active");
        assertThatThrownBy(() -> QuotaSetting.parse("global max-active"))
                .hasMessageContaining("it needs a scope, a limit and a value");
        assertThatThrownBy(() -> QuotaSetting.parse("cluster:type:skill max-threads 3"))
                .hasMessageContaining("only max-active is counted across the cluster");
        assertThatThrownBy(() -> QuotaSetting.parse("global max-active 2 strict"))
                .hasMessageContaining("'strict' is neither 'enforce' nor 'grace=DURATION'");
    }
}
