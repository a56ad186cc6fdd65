package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    @Test
    void instanceShowsClassValueAndTheAccessItCounted() {
        shell.registry.status("logger", ComponentStatus.ACTIVE).instance("logger", new StringBuilder("log to stdout"));
        shell.instances.instance(false, "logger");
        assertThat(shell.output()).isEqualTo("""
                Id             logger
                Class          java.lang.StringBuilder
                Value          log to stdout
                Access count   1
                Last accessed  2025-01-02T03:04:05Z
                """);
    }

    @Test
    void instanceJsonHasTheContractFields() {
        shell.registry.status("logger", ComponentStatus.ACTIVE);
        shell.instances.instance(true, "4");
        shell.output();
        shell.instances.instance(true, "logger");
        assertThat(shell.json()).isEqualTo(Map.of("id", "logger",
                "class", FakeRegistry.FakeInstance.class.getName(), "value", "FakeInstance[id=logger]",
                "accessCount", 2L, "lastAccessed", "2025-01-02T03:04:05Z"));
    }

    @Test
    void instanceOfAnInactiveOrUnknownComponentFails() {
        assertThatThrownBy(() -> shell.instances.instance(false, "logger"))
                .isInstanceOf(RegistryException.class).hasMessage("logger is not active: activate it first");
        assertThatThrownBy(() -> shell.instances.instance(false, "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void cacheEnableParsesSizeAndTtl() {
        shell.instances.cache(false, "enable", "100", "10m");
        assertThat(shell.output()).isEqualTo("Instance caching on: at most 100 instances, each kept 10m after creation\n");
        assertThat(shell.registry.caching).containsExactly(100, Duration.ofMinutes(10));
        shell.instances.cache(true, "enable", "5", "PT30S");
        assertThat(shell.json()).isEqualTo(Map.of("maxSize", 5L, "ttlMs", 30000L));
    }

    @Test
    void cacheEnableRejectsBadArguments() {
        assertThatThrownBy(() -> shell.instances.cache(false, "enable", "0", "10m"))
                .hasMessage("registry:cache: MAXSIZE must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> shell.instances.cache(false, "enable", "10", "ten minutes"))
                .hasMessage("bad TTL 'ten minutes': give " + DurationText.FORMS);
        assertThatThrownBy(() -> shell.instances.cache(false, "enable", "10"))
                .hasMessage("usage: cache enable MAXSIZE TTL");
        assertThat(shell.registry.caching).isNull();
    }

    @Test
    void cacheCleanupDisposesOfOneInstance() {
        shell.registry.status("logger", ComponentStatus.ACTIVE);
        shell.registry.getComponentInstance("logger");
        shell.instances.cache(true, "cleanup", "logger");
        assertThat(shell.json()).isEqualTo(Map.of("disposed", List.of("logger")));
        shell.instances.cache(false, "cleanup", "logger");
        assertThat(shell.output()).isEqualTo("logger had no instance\n");
        assertThatThrownBy(() -> shell.instances.cache(false, "cleanup", "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void cacheIdleDisposesOfTheInstancesNotUsedLately() {
        shell.registry.status("logger", ComponentStatus.ACTIVE).status("base-util", ComponentStatus.ACTIVE);
        shell.registry.getComponentInstance("logger");
        shell.registry.advance(Duration.ofMinutes(20));
        shell.registry.getComponentInstance("base-util");
        shell.instances.cache(false, "idle", "10m");
        assertThat(shell.output()).isEqualTo("Disposed of 1 idle instance: logger\n");
        shell.instances.cache(true, "idle", "1h");
        assertThat(shell.json()).isEqualTo(Map.of("disposed", List.of()));
        shell.instances.cache(false, "idle", "500ms");
        assertThat(shell.output()).isEqualTo("No instance was idle for 500ms\n");
    }

    @Test
    void anUnknownCacheCommandSaysWhatThereIs() {
        assertThatThrownBy(() -> shell.instances.cache(false, "flush"))
                .hasMessage("unknown cache command 'flush': use cache enable MAXSIZE TTL, cache cleanup ID or "
                        + "cache idle DURATION");
        assertThatThrownBy(() -> shell.instances.cache(false)).hasMessageStartingWith("give a cache command");
    }
}
