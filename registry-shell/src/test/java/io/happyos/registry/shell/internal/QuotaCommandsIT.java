package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code registry:quota} over the real registry's quotas, kept in its database as in production: set,
 * list, remove, and what bad input says.
 */
class QuotaCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture().persistent();

    @Test
    void aQuotaSetIsListedThenRemoved() {
        shell.quotas.quota(false, false, "", "set", "type:skill", "max-active", "5");
        assertThat(shell.output()).isEqualTo("Quota set: type:skill max-active 5\n");
        shell.quotas.quota(false, true, "30s", "set", "weather-skill", "max-alloc-rate", "50MB");
        assertThat(shell.output()).isEqualTo("Quota set: weather-skill max-alloc-rate 50MB/s, enforced, grace 30s\n");
        assertThat(shell.registry.quotas().listQuotas())
                .extracting(s -> s.quota())
                .containsExactly(
                        new Quota("type:skill", QuotaLimit.MAX_ACTIVE, 5),
                        new Quota("weather-skill", QuotaLimit.MAX_ALLOC_RATE, 50 << 20, true, Duration.ofSeconds(30)));

        shell.quotas.quota(false, false, "", "list");
        assertThat(shell.output())
                .startsWith("SCOPE ")
                .contains("\ntype:skill ", " max-active ", "\nweather-skill ", " 50MB/s ", " yes ", " 30s ");

        shell.quotas.quota(false, false, "", "remove", "type:skill", "max-active");
        assertThat(shell.output()).isEqualTo("Quota removed: type:skill max-active\n");
        shell.quotas.quota(true, false, "", "remove", "type:skill", "max-active");
        assertThat(shell.json()).isEqualTo(Map.of("removed", false));
        assertThat(shell.registry.quotas().listQuotas()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonOfSetAndListHasTheContractFields() {
        shell.quotas.quota(true, false, "", "set", "global", "max-threads", "8");
        assertThat(shell.json())
                .isEqualTo(Map.of(
                        "scope", "global",
                        "limit", "max-threads",
                        "value", 8L,
                        "valueText", "8",
                        "unit", "threads",
                        "enforce", false,
                        "graceMs", 10_000L));
        shell.quotas.quota(true, false, "", "list");
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json).containsOnlyKeys("quotas", "violations");
        assertThat(json.get("violations")).isEqualTo(List.of());
        assertThat(json.get("quotas"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement(InstanceOfAssertFactories.MAP)
                .containsEntry("scope", "global")
                .containsEntry("limit", "max-threads")
                .containsKeys("origin", "setAt", "used", "over", "note");
    }

    @Test
    void badInputSaysWhatIsWrongAndChangesNothing() {
        assertThatThrownBy(() -> shell.quotas.quota(false, false, "", "set", "global", "max-fun", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no quota limit is called 'max-fun'; the limits are max-components");
        assertThatThrownBy(() -> shell.quotas.quota(false, false, "", "set", "global", "max-active", "many"))
                .hasMessage("'many' is not a value of max-active: give a number such as 10");
        assertThatThrownBy(() -> shell.quotas.quota(false, false, "", "set", "global", "max-active"))
                .hasMessage("usage: quota set SCOPE LIMIT VALUE");
        assertThatThrownBy(() -> shell.quotas.quota(false, false, "", "raise", "global"))
                .hasMessageStartingWith("unknown quota command 'raise'");
        assertThatThrownBy(() -> shell.quotas.quota(false, true, "", "list"))
                .hasMessageStartingWith("--enforce and --grace go with quota set");
    }
}
