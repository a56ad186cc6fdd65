package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.RegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstanceCommandsIT {

    private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /** Services get their instance from a factory: "log to <id>". */
    @BeforeEach
    void factory() {
        shell.registry
                .instances()
                .registerInstanceFactory("service", entry -> new StringBuilder("log to " + entry.id()));
        shell.registry.instances().registerInstanceFactory("library", entry -> new StringBuilder("util " + entry.id()));
    }

    @Test
    void instanceShowsClassValueAndTheAccessItCounted() {
        shell.activate("logger");
        shell.instances.instance(false, "logger");
        assertThat(shell.output()).matches("""
                Id             logger
                Class          java.lang.StringBuilder
                Value          log to logger
                Access count   1
                Last accessed  %s
                """.formatted(INSTANT));
    }

    @Test
    void instanceJsonHasTheContractFields() {
        shell.activate("logger");
        shell.instances.instance(true, shell.bundle("logger"));
        shell.output();
        shell.instances.instance(true, "logger");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) shell.json();
        assertThat(json)
                .containsOnlyKeys("id", "class", "value", "accessCount", "lastAccessed")
                .containsEntry("id", "logger")
                .containsEntry("class", StringBuilder.class.getName())
                .containsEntry("value", "log to logger")
                .containsEntry("accessCount", 2L);
        assertThat((String) json.get("lastAccessed")).matches(INSTANT);
    }

    @Test
    void instanceOfAnInactiveOrUnknownComponentFails() {
        assertThatThrownBy(() -> shell.instances.instance(false, "logger"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("logger is not active (REGISTERED): activate it first (registry:activate logger)");
        assertThatThrownBy(() -> shell.instances.instance(false, "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void cacheEnableParsesSizeAndTtl() {
        shell.instances.cache(false, "enable", "100", "10m");
        assertThat(shell.output())
                .isEqualTo("Instance caching on: at most 100 instances, each kept 10m after creation\n");
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
    }

    @Test
    void cacheCleanupDisposesOfOneInstance() {
        shell.activate("logger");
        shell.registry.getComponentInstance("logger");
        shell.instances.cache(true, "cleanup", "logger");
        assertThat(shell.json()).isEqualTo(Map.of("disposed", List.of("logger")));
        shell.instances.cache(false, "cleanup", "logger");
        assertThat(shell.output()).isEqualTo("logger had no instance\n");
        assertThatThrownBy(() -> shell.instances.cache(false, "cleanup", "nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void cacheIdleDisposesOfTheInstancesNotUsedLately() throws InterruptedException {
        shell.activate("logger").activate("base-util");
        shell.registry.getComponentInstance("logger");
        Thread.sleep(3000);
        shell.registry.getComponentInstance("base-util");
        shell.instances.cache(false, "idle", "2s");
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
